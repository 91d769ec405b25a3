using System.Text.Encodings.Web;

namespace Llo.Identity.Api.Accounts;

/// <summary>The login form: plain HTML, labelled fields, the error announced to screen readers, no script.</summary>
public static class LoginPageHtml
{
    public static string Render(string antiforgeryField, string antiforgeryToken, string returnUrl, string? email, string? error)
    {
        var html = HtmlEncoder.Default;
        var alert = error is null
            ? ""
            : $"""<p id="fout" class="fout" role="alert">{html.Encode(error)}</p>""";
        var described = error is null ? "" : """ aria-describedby="fout" """;
        return $$"""
            <!DOCTYPE html>
            <html lang="nl">
            <head>
              <meta charset="utf-8">
              <meta name="viewport" content="width=device-width, initial-scale=1">
              <title>Inloggen – Leven Lang Ontwikkelen Waterweg</title>
              <style>
                body { font-family: system-ui, sans-serif; max-width: 26rem; margin: 3rem auto; padding: 0 1rem; line-height: 1.5; }
                label { display: block; margin-top: 1rem; font-weight: 600; }
                input { width: 100%; padding: .5rem; font-size: 1rem; box-sizing: border-box; }
                button { margin-top: 1.5rem; padding: .6rem 1.2rem; font-size: 1rem; }
                .fout { border-left: 4px solid #b00020; padding: .5rem 1rem; background: #fdecee; }
              </style>
            </head>
            <body>
              <main>
                <h1>Inloggen</h1>
                <p>Log in met het e-mailadres en wachtwoord van uw account bij Leven Lang Ontwikkelen Waterweg.</p>
                {{alert}}
                <form method="post" action="/account/login">
                  <input type="hidden" name="{{html.Encode(antiforgeryField)}}" value="{{html.Encode(antiforgeryToken)}}">
                  <input type="hidden" name="returnUrl" value="{{html.Encode(returnUrl)}}">
                  <label for="email">E-mailadres</label>
                  <input id="email" name="email" type="email" autocomplete="username" required value="{{html.Encode(email ?? "")}}"{{described}}>
                  <label for="password">Wachtwoord</label>
                  <input id="password" name="password" type="password" autocomplete="current-password" required{{described}}>
                  <button type="submit">Inloggen</button>
                </form>
              </main>
            </body>
            </html>
            """;
    }
}
