using System.Net;

namespace Llo.Identity.Tests;

/// <summary>The web front end's login: authorization code with PKCE through the Dutch login page, then refresh.</summary>
public sealed class AuthorizationCodeTests(IdentityHost host) : IClassFixture<IdentityHost>
{
    [Fact]
    public async Task A_user_logs_in_on_the_Dutch_page_and_the_code_buys_tokens_with_the_contracts_claims()
    {
        using var browser = host.Browser();
        var tokens = await new AuthorizationCodeFlow(browser, IdentityHost.WebRedirect).LoginAsync("partner-editor@demo1.llo.test");

        var access = Jwt.Payload(tokens.GetProperty("access_token").GetString()!);
        Assert.Equal(["partner-editor"], Jwt.Values(access, "role"));
        Assert.Equal("11111111-1111-4111-8111-111111111111", access.GetProperty("org").GetString());
        Assert.Equal(["llo-inventory"], Jwt.Values(access, "aud"));
        Assert.Equal("Redacteur partnerorganisatie Demo-Schiedam",
            Jwt.Payload(tokens.GetProperty("id_token").GetString()!).GetProperty("name").GetString());
    }

    [Fact]
    public async Task The_login_page_is_Dutch_with_labelled_fields_and_an_antiforgery_token()
    {
        using var browser = host.Browser();
        var (_, html) = await new AuthorizationCodeFlow(browser, IdentityHost.WebRedirect).OpenLoginPageAsync();

        Assert.Contains("<html lang=\"nl\">", html);
        Assert.Contains("<label for=\"email\">E-mailadres</label>", html);
        Assert.Contains("<label for=\"password\">Wachtwoord</label>", html);
        Assert.NotEmpty(AuthorizationCodeFlow.Hidden(html, "__RequestVerificationToken"));
        Assert.StartsWith("/connect/authorize?", AuthorizationCodeFlow.Hidden(html, "returnUrl"));
    }

    [Fact]
    public async Task A_wrong_password_and_an_unknown_user_show_the_same_Dutch_message_on_the_login_page()
    {
        using var browser = host.Browser();
        var flow = new AuthorizationCodeFlow(browser, IdentityHost.WebRedirect);
        var (_, html) = await flow.OpenLoginPageAsync();

        using var wrong = await flow.SubmitAsync(html, "coach@demo2.llo.test", "fout");
        using var unknown = await flow.SubmitAsync(html, "onbekend@demo2.llo.test", "fout");
        var wrongHtml = await wrong.Content.ReadAsStringAsync();
        var unknownHtml = await unknown.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        Assert.Equal(wrong.StatusCode, unknown.StatusCode);
        Assert.Contains("role=\"alert\">Inloggen is niet gelukt.", wrongHtml);
        Assert.Equal(Alert(wrongHtml), Alert(unknownHtml));
    }

    [Fact]
    public async Task A_form_without_its_antiforgery_token_is_refused()
    {
        using var browser = host.Browser();
        using var response = await browser.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["email"] = "coach@demo1.llo.test",
            ["password"] = "Demo-wachtwoord-1",
            ["returnUrl"] = "/",
        }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Het formulier is verlopen", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_refresh_token_buys_a_new_access_token_and_a_used_one_is_not_accepted_twice()
    {
        using var browser = host.Browser();
        var flow = new AuthorizationCodeFlow(browser, IdentityHost.WebRedirect);
        var tokens = await flow.LoginAsync("coach@demo1.llo.test");

        using var refreshed = await flow.RefreshAsync(tokens.GetProperty("refresh_token").GetString()!);
        var renewed = await IdentityHost.SuccessAsync(refreshed);
        var access = Jwt.Payload(renewed.GetProperty("access_token").GetString()!);
        Assert.Equal(["coach"], Jwt.Values(access, "role"));
        Assert.Equal(["llo-inventory"], Jwt.Values(access, "aud"));
        Assert.NotEqual(tokens.GetProperty("refresh_token").GetString(), renewed.GetProperty("refresh_token").GetString());
    }

    [Fact]
    public async Task A_wrong_code_verifier_gets_no_token()
    {
        using var browser = host.Browser();
        var flow = new AuthorizationCodeFlow(browser, IdentityHost.WebRedirect);
        var (_, html) = await flow.OpenLoginPageAsync();
        using var login = await flow.SubmitAsync(html, "coach@demo1.llo.test", "Demo-wachtwoord-1");
        using var authorized = await browser.GetAsync(login.Headers.Location!.ToString());
        var code = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(authorized.Headers.Location!.Query)["code"].ToString();

        using var token = await browser.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "authorization_code",
            ["client_id"] = "llo-web",
            ["code"] = code,
            ["redirect_uri"] = IdentityHost.WebRedirect,
            ["code_verifier"] = new AuthorizationCodeFlow(browser, IdentityHost.WebRedirect).Verifier,
        }));

        Assert.Equal(HttpStatusCode.BadRequest, token.StatusCode);
        Assert.Contains("invalid_grant", await token.Content.ReadAsStringAsync());
    }

    private static string Alert(string html) =>
        System.Text.RegularExpressions.Regex.Match(html, "role=\"alert\">([^<]*)<").Groups[1].Value;
}
