namespace Llo.Identity.Api.Accounts;

/// <summary>The login's Dutch texts; the failure text is one and the same for every reason, so it reveals no account.</summary>
public static class LoginTexts
{
    public const string Failed =
        "Inloggen is niet gelukt. Controleer uw e-mailadres en wachtwoord. Na vijf mislukte pogingen kunt u 15 minuten niet inloggen.";

    public const string FormExpired = "Het formulier is verlopen. Vul uw gegevens opnieuw in.";
}
