using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Saas.Web.Tenancy;

namespace Saas.Tests.Infrastructure;

/// <summary>
/// Test-only sign-in: the <c>X-Test-User</c> header carries a user id, the tenant the user is a member of and
/// the user's permissions, so each test acts as a distinct person of a real tenant with real limits (never one
/// all-powerful identity). The policy names are the product's; until the identity work registers them, the
/// test host registers them here with the same meaning.
/// </summary>
public sealed class TestAuthentication(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "Test";
    public const string Header = "X-Test-User";
    public const string PermissionClaim = "permission";

    public static readonly string[] WritePolicies = ["Items.Write", "Customers.Write", "Vendors.Write", "Locations.Write", "Finance.Setup", "Inventory.Value"];

    public static string HeaderValue(Guid userId, Guid tenantId, params string[] permissions) =>
        $"{userId};{tenantId};{string.Join(',', permissions)}";

    public static void Register(IServiceCollection services)
    {
        services.AddAuthentication(o =>
            {
                o.DefaultScheme = SchemeName;
                o.DefaultAuthenticateScheme = SchemeName;
                o.DefaultChallengeScheme = SchemeName;
            })
            .AddScheme<AuthenticationSchemeOptions, TestAuthentication>(SchemeName, null);
        services.AddAuthorization(o =>
        {
            o.AddPolicy("TenantMember", p => p.AddAuthenticationSchemes(SchemeName).RequireClaim(TenantResolutionMiddleware.TenantClaim));
            foreach (var policy in WritePolicies)
            {
                o.AddPolicy(policy, p => p.AddAuthenticationSchemes(SchemeName)
                    .RequireClaim(TenantResolutionMiddleware.TenantClaim)
                    .RequireClaim(PermissionClaim, policy));
            }
        });
    }

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers[Header].ToString();
        if (header.Length == 0)
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        var parts = header.Split(';');
        if (parts.Length != 3 || !Guid.TryParse(parts[0], out var user) || !Guid.TryParse(parts[1], out var tenant))
        {
            return Task.FromResult(AuthenticateResult.Fail("Malformed test user header."));
        }

        var claims = new List<Claim>
        {
            new(ClaimTypes.NameIdentifier, user.ToString()),
            new(TenantResolutionMiddleware.TenantClaim, tenant.ToString()),
        };
        claims.AddRange(parts[2].Split(',', StringSplitOptions.RemoveEmptyEntries).Select(p => new Claim(PermissionClaim, p)));
        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName));
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName)));
    }
}
