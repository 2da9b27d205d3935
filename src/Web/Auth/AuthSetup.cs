using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Saas.Identity;
using Saas.Identity.Storage;
using Saas.Identity.TwoFactor;
using Saas.Identity.Users;
using Saas.Tenancy.Storage;

namespace Saas.Web.Auth;

/// <summary>
/// Identity, authentication and authorization wiring.
/// <para>
/// One policy scheme ("Saas") forwards to OpenIddict's token validation when the request carries <c>Authorization: Bearer</c>
/// and to the cookie scheme otherwise, so API clients and the web UI share every endpoint and policy.
/// Both carry the same claims (<see cref="SaasClaims"/>).
/// </para>
/// <para>
/// Form posts for the web UI (all validate antiforgery: include the <c>__RequestVerificationToken</c> field,
/// which Blazor's <c>&lt;AntiforgeryToken /&gt;</c> renders, or get one from <c>GET /account/antiforgery</c>):
/// <list type="bullet">
/// <item><c>POST /account/login</c>: <c>email</c>, <c>password</c>, optional <c>returnUrl</c> (local paths only),
/// optional <c>tenant</c> (id or identifier; default: first membership). Success redirects to returnUrl or "/";
/// failure redirects to <c>/account/login?error=CODE&amp;returnUrl=…&amp;email=…</c> (the address typed, kept in the form) with CODE one of
/// invalid_credentials (unknown e-mail, wrong password or locked account alike), throttled (too many failures from
/// this source: see PasswordSignIn), no_tenant, tenant_suspended, not_member. Rate limited ("credentials").</item>
/// <item><c>POST /account/logout</c>: optional <c>returnUrl</c>; redirects to it or <c>/account/login</c>.</item>
/// <item><c>POST /account/switch-tenant</c>: <c>tenantId</c> (id or identifier), optional <c>returnUrl</c>; 403 unless a member.</item>
/// <item><c>POST /account/accept-invitation</c>: <c>token</c>, <c>password</c>, <c>name</c> (a new person's; optional). Success redirects to
/// <c>/account/login?invitation=accepted</c>; failure to <c>/account/accept-invitation?token=…&amp;error=FIELD</c> (the page words it).</item>
/// <item><c>GET /account/tenants</c>: JSON <c>{ currentTenantId, tenants: [{ tenantId, identifier, name, role, status }] }</c>.</item>
/// </list>
/// </para>
/// </summary>
public static class AuthSetup
{
    public const string SmartScheme = "Saas";
    public const string CookieScheme = CookieAuthenticationDefaults.AuthenticationScheme;
    public const string BearerScheme = TokenServiceSetup.BearerScheme;

    /// <summary>How often a cookie session is re-checked against memberships and tenant status.</summary>
    private static readonly TimeSpan CookieRecheck = TimeSpan.FromMinutes(5);

    public static WebApplicationBuilder AddSaasIdentity(this WebApplicationBuilder builder, DatabaseOptions database)
    {
        var services = builder.Services;
        services.AddSaasIdentityCore(database, builder.Configuration);
        services.AddHttpContextAccessor();
        services.AddScoped<KnownDevices>();
        services.AddScoped<PasskeyCeremony>();
        services.TryAddScoped<IPasskeyHandler<SaasUser>, PasskeyHandler<SaasUser>>();

        // Cookies, antiforgery tokens and the token keys are protected with these keys; kept in the catalog
        // database so every node shares them, and encrypted there with the key-protection certificate.
        var settings = new IdentitySettings();
        builder.Configuration.GetSection(IdentitySettings.Section).Bind(settings);
        var certificate = KeyProtection.Certificate(settings, database, out var warning);
        if (warning is not null)
        {
            Console.Error.WriteLine("warning: " + warning);
        }

        services.AddDataProtection()
            .SetApplicationName("Saas")
            .PersistKeysToDbContext<IdentityDb>()
            .ProtectKeysWithCertificate(certificate)
            .UnprotectKeysWithAnyCertificate(certificate);
        services.AddSaasTokenService(settings);
        services.Configure<IdentityPasskeyOptions>(options =>
        {
            // Every passkey sign-in verifies the person on the device (PIN or biometrics): that is what makes it
            // multi-factor (ADR 014). Discoverable credentials let the sign-in page offer passkeys without an e-mail.
            options.UserVerificationRequirement = "required";
            options.ResidentKeyRequirement = "required";

            // The relying party is the configured public host, never the request's Host header (ADR 011).
            if (Uri.TryCreate(settings.Issuer, UriKind.Absolute, out var issuer))
            {
                options.ServerDomain = issuer.Host;
            }
        });

        // Secure outside plain-http development and the in-memory test host: a sign-in cookie must never travel
        // over plain http in production (HSTS keeps browsers on https as well).
        var secure = builder.Environment.IsDevelopment() || builder.Environment.IsEnvironment("Testing")
            ? CookieSecurePolicy.SameAsRequest
            : CookieSecurePolicy.Always;
        services.AddAntiforgery(options =>
        {
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Strict;
            options.Cookie.SecurePolicy = secure;
        });

        services.AddAuthentication(options =>
            {
                options.DefaultScheme = SmartScheme;
                options.DefaultChallengeScheme = SmartScheme;
                options.DefaultForbidScheme = SmartScheme;
            })
            .AddPolicyScheme(SmartScheme, "Bearer token or cookie", options =>
                options.ForwardDefaultSelector = context =>
                    context.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
                        ? BearerScheme
                        : CookieScheme)
            .AddCookie(CookieScheme, options =>
            {
                options.Cookie.Name = "saas.auth";
                options.Cookie.HttpOnly = true;
                options.Cookie.SameSite = SameSiteMode.Lax;
                options.Cookie.SecurePolicy = secure;
                options.LoginPath = "/account/login";
                options.LogoutPath = "/account/logout";
                options.AccessDeniedPath = "/account/access-denied";
                options.ExpireTimeSpan = TimeSpan.FromHours(8);
                options.SlidingExpiration = true;
                options.Events.OnRedirectToLogin = context => StatusOrRedirect(context, StatusCodes.Status401Unauthorized);
                options.Events.OnRedirectToAccessDenied = context => StatusOrRedirect(context, StatusCodes.Status403Forbidden);
                options.Events.OnValidatePrincipal = RecheckCookieSessionAsync;
            })
            .AddTwoFactorPendingCookie();

        services.AddAuthorization(options =>
        {
            options.AddSaasPolicies();

            // Everything needs a signed-in caller unless it says otherwise; health probes stay reachable
            // for load balancers even if someone forgets AllowAnonymous on them.
            options.FallbackPolicy = new AuthorizationPolicyBuilder()
                .RequireAssertion(context =>
                    context.User.Identity?.IsAuthenticated == true
                    || (context.Resource is HttpContext http && http.Request.Path.StartsWithSegments("/health")))
                .Build();
        });

        return builder;
    }

    /// <summary>Authentication and the user logging scope; authorization follows tenant resolution in the pipeline.</summary>
    public static WebApplication UseSaasAuthentication(this WebApplication app)
    {
        app.UseAuthentication();
        app.UseMiddleware<UserLogScope>();
        return app;
    }

    /// <summary>The token, discovery, account and API-client endpoints.</summary>
    public static WebApplication MapSaasIdentity(this WebApplication app)
    {
        app.MapTokenEndpoints();
        app.MapAuthorizeEndpoints();
        app.MapAccountEndpoints();
        app.MapApiClientEndpoints();
        app.MapOAuthApplicationEndpoints();
        app.MapTwoFactorEndpoints();
        app.MapPasskeyEndpoints();
        return app;
    }

    /// <param name="secondFactor">The person passed a second factor in this sign-in (carried as <c>amr=mfa</c>).</param>
    public static ClaimsPrincipal CookiePrincipal(Session session, bool secondFactor = false) =>
        new(new ClaimsIdentity(TwoFactorSignIn.WithSecondFactor(session.ToClaims(), secondFactor), CookieScheme, SaasClaims.Name, SaasClaims.Role));

    /// <summary>API callers get status codes; browsers get redirected to the login or access-denied page.</summary>
    private static Task StatusOrRedirect(RedirectContext<CookieAuthenticationOptions> context, int status)
    {
        var request = context.Request;
        var wantsHtml = request.Headers.Accept.ToString().Contains("text/html", StringComparison.OrdinalIgnoreCase);
        if (request.Path.StartsWithSegments("/api") || !wantsHtml)
        {
            context.Response.StatusCode = status;
            return Task.CompletedTask;
        }

        context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }

    /// <summary>
    /// A cookie lives for hours; memberships and tenant status can change sooner. Every few minutes the
    /// session is opened again: a removed membership, a suspended tenant or a locked account ends it, and a
    /// changed role takes effect.
    /// </summary>
    private static async Task RecheckCookieSessionAsync(CookieValidatePrincipalContext context)
    {
        if (context.Properties.IssuedUtc is { } issued && DateTimeOffset.UtcNow - issued < CookieRecheck)
        {
            return;
        }

        var services = context.HttpContext.RequestServices;
        var users = services.GetRequiredService<UserManager<SaasUser>>();
        var user = context.Principal?.FindFirstValue(SaasClaims.Subject) is { } sub ? await users.FindByIdAsync(sub) : null;
        var tenantId = context.Principal?.FindFirstValue(SaasClaims.TenantId) is { } tid && Guid.TryParse(tid, out var parsed) ? parsed : (Guid?)null;
        var reopened = user is null || await users.IsLockedOutAsync(user)
            ? null
            : await services.GetRequiredService<Sessions>().ReopenAsync(user, tenantId, context.HttpContext.RequestAborted);
        var secondFactor = TwoFactorSignIn.HasSecondFactor(context.Principal);

        // A company that began to require two-factor sign-in ends the sessions that started without it.
        if (reopened?.Session is not { } session || (SecondFactor.IsRequired(session) && !secondFactor))
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(CookieScheme);
            return;
        }

        context.ReplacePrincipal(CookiePrincipal(session, secondFactor));
        context.ShouldRenew = true;
    }
}
