using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using QRCoder;
using Saas.Identity;
using Saas.Identity.TwoFactor;
using Saas.Identity.Users;
using Saas.Tenancy.Catalog;

namespace Saas.Web.Auth;

/// <summary>
/// The QR code of the authenticator key being set up, and a company's sign-in policy (ADR 014):
/// <c>GET/PUT /api/v2.0/companies({id})/signInPolicy</c> with <c>{ "requireTwoFactor": true }</c>, administrators of that company only.
/// </summary>
public static class TwoFactorEndpoints
{
    public sealed record SignInPolicy(bool? RequireTwoFactor);

    public static void MapTwoFactorEndpoints(this WebApplication app)
    {
        app.MapGet("/account/two-factor/qr.svg", QrCodeAsync).AllowAnonymous();

        var policy = app.MapGroup("/api/v2.0/companies({companyId:guid})/signInPolicy").RequireAuthorization(SaasPolicies.TenantAdmin);
        policy.MapGet("", GetPolicyAsync);
        policy.MapPut("", SetPolicyAsync);
    }

    private static async Task<IResult> QrCodeAsync(HttpContext http, UserManager<SaasUser> users, TwoFactorEnrollment enrollment)
    {
        var user = (await TwoFactorSignIn.PendingAsync(http, users))?.User
            ?? (http.User.FindFirstValue(SaasClaims.Subject) is { } sub ? await users.FindByIdAsync(sub) : null);
        if (user is null || await enrollment.PendingKeyAsync(user) is not { } key)
        {
            return Results.NotFound();
        }

        using var data = QRCodeGenerator.GenerateQrCode(key.Uri, QRCodeGenerator.ECCLevel.M);
        var svg = new SvgQRCode(data).GetGraphic(new System.Drawing.Size(200, 200), sizingMode: SvgQRCode.SizingMode.ViewBoxAttribute);

        // The key is a secret: never cached, never stored by a proxy.
        http.Response.Headers.CacheControl = "no-store";
        return Results.Text(svg, "image/svg+xml");
    }

    private static async Task<IResult> GetPolicyAsync(Guid companyId, ClaimsPrincipal caller, TenantCatalog catalog, CancellationToken cancellationToken) =>
        OwnCompany(companyId, caller) && await catalog.FindByIdAsync(companyId, cancellationToken) is { } tenant
            ? Results.Json(new { requireTwoFactor = tenant.RequireTwoFactor })
            : NotYourCompany();

    private static async Task<IResult> SetPolicyAsync(
        Guid companyId, SignInPolicy? body, ClaimsPrincipal caller, TenantCatalog catalog, ILogger<SignInPolicy> logger, CancellationToken cancellationToken)
    {
        if (!OwnCompany(companyId, caller))
        {
            return NotYourCompany();
        }

        if (body?.RequireTwoFactor is not { } required)
        {
            return Results.ValidationProblem(
                new Dictionary<string, string[]> { ["requireTwoFactor"] = ["requireTwoFactor is required: true or false."] });
        }

        var tenant = await catalog.SetTwoFactorRequirementAsync(companyId, required, cancellationToken);
        if (tenant is null)
        {
            return NotYourCompany();
        }

        logger.LogInformation("User {UserId} set two-factor sign-in required = {Required} for tenant {TenantId}",
            caller.FindFirstValue(SaasClaims.Subject), required, companyId);
        return Results.Json(new { requireTwoFactor = tenant.RequireTwoFactor });
    }

    private static bool OwnCompany(Guid companyId, ClaimsPrincipal caller) =>
        Guid.TryParse(caller.FindFirstValue(SaasClaims.TenantId), out var tenantId) && tenantId == companyId;

    private static IResult NotYourCompany() =>
        Results.Problem(statusCode: StatusCodes.Status403Forbidden, detail: "The company in the route is not the company of your session.");
}
