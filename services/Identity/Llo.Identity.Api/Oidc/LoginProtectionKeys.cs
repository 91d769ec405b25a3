using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Llo.Identity.Api.Oidc;

/// <summary>
/// The Data Protection key ring in the service's database (table <c>data_protection_keys</c>) under one application
/// name, so the login cookie and the login form's antiforgery token survive a restart and are accepted by every
/// instance: the default ring lives on one machine's disk (or in memory) and differs per install path.
/// </summary>
public sealed class LoginProtectionKeys(NpgsqlDataSource dataSource) : IXmlRepository
{
    /// <summary>Every identity instance protects with this name, wherever it is installed.</summary>
    public const string ApplicationName = "llo-identity";

    /// <summary>The ring in the database, encrypted at rest when <paramref name="atRest"/> is set (the decryptor finds it through the services).</summary>
    public static void AddTo(IServiceCollection services, KeysAtRest? atRest)
    {
        services.AddDataProtection().SetApplicationName(ApplicationName);
        services.AddOptions<KeyManagementOptions>()
            .Configure<NpgsqlDataSource>((options, database) =>
            {
                options.XmlRepository = new LoginProtectionKeys(database);
                if (atRest is not null)
                {
                    options.XmlEncryptor = new LoginKeyEncryptor(atRest);
                }
            });
    }

    // Synchronous because the key ring reads its repository synchronously; it does so rarely (start, then about daily).
    public IReadOnlyCollection<XElement> GetAllElements()
    {
        using var command = dataSource.CreateCommand("SELECT xml FROM data_protection_keys ORDER BY stored_at, name");
        using var reader = command.ExecuteReader();
        var elements = new List<XElement>();
        while (reader.Read())
        {
            elements.Add(XElement.Parse(reader.GetString(0)));
        }

        return elements;
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        using var command = dataSource.CreateCommand(
            "INSERT INTO data_protection_keys (name, xml) VALUES ($1, $2) ON CONFLICT (name) DO UPDATE SET xml = EXCLUDED.xml");
        command.Parameters.Add(new NpgsqlParameter { Value = friendlyName });
        command.Parameters.Add(new NpgsqlParameter { Value = element.ToString(SaveOptions.DisableFormatting) });
        command.ExecuteNonQuery();
    }
}
