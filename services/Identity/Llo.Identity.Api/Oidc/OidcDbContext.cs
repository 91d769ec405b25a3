using Microsoft.EntityFrameworkCore;

namespace Llo.Identity.Api.Oidc;

/// <summary>
/// OpenIddict's own tables (applications, authorizations, scopes, tokens) and nothing else. The schema comes from
/// the embedded script Schema/002_openiddict.sql, generated once from this model; EF never creates tables here.
/// </summary>
public sealed class OidcDbContext(DbContextOptions<OidcDbContext> options) : DbContext(options);
