using Saas.Web.Auth;
using System.Security.Claims;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Saas.Identity;
using Saas.Tenancy.Catalog;

namespace Saas.Web.Resellers;

/// <summary>
/// Tenant lifecycle for resellers: onboard, list, suspend, reactivate. A reseller sees only its own tenants
/// (another reseller's tenant is a 404, not a 403, so ids cannot be probed); the operator sees all.
/// </summary>
public static class ResellerEndpoints
{
    public const string Route = "/api/reseller/v1.0/tenants";

    /// <summary>
    /// Where the invited administrator sets a password: the page the UI serves and the identity endpoints send
    /// refusals back to (see AuthSetup: <c>POST /account/accept-invitation</c> with <c>token</c> and <c>password</c>).
    /// </summary>
    public const string InvitationPage = "/account/accept-invitation";

    // Enum values by name only ("Siloed"): a number would silently pick whatever the enum order happens to be.
    // An unknown field is refused: a misspelt "adminEmial" must not create a company without its administrator.
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(allowIntegerValues: false) },
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    };

    public static IServiceCollection AddResellers(this IServiceCollection services)
    {
        services.AddScoped<OnboardTenantHandler>();
        services.AddScoped<TenantDataEraser>();
        return services;
    }

    public static WebApplication MapResellerApi(this WebApplication app)
    {
        var tenants = app.MapGroup(Route).WithTags("Resellers").RequireAuthorization(SaasPolicies.ManagesTenants).RequireScope(ApiScopes.Tenants);

        tenants.MapGet("", async (ClaimsPrincipal user, CatalogDbContext catalog, string? search, int? top, int? skip, CancellationToken ct) =>
        {
            var query = Visible(catalog, user);
            if (!string.IsNullOrWhiteSpace(search))
            {
                var pattern = "%" + search.Trim().ToLowerInvariant() + "%";
                query = query.Where(t => EF.Functions.Like(t.Identifier, pattern) || EF.Functions.Like(t.Name.ToLower(), pattern));
            }

            var count = await query.CountAsync(ct);
            var page = await query.OrderBy(t => t.Identifier).Skip(Math.Max(skip ?? 0, 0)).Take(Math.Clamp(top ?? 50, 1, 1000)).ToListAsync(ct);
            return Results.Ok(new { value = page.Select(TenantDto.From), count });
        });

        tenants.MapGet("/{id:guid}", async (Guid id, ClaimsPrincipal user, CatalogDbContext catalog, CancellationToken ct) =>
            await Visible(catalog, user).SingleOrDefaultAsync(t => t.Id == id, ct) is { } tenant
                ? Results.Ok(TenantDto.From(tenant))
                : NotFound(id));

        tenants.MapPost("", async (HttpRequest request, ClaimsPrincipal user, OnboardTenantHandler handler, CancellationToken ct) =>
        {
            // Only JSON: a text/plain body is what a cross-site form can send without a preflight.
            if (!request.HasJsonContentType())
            {
                return Results.Problem(
                    statusCode: StatusCodes.Status415UnsupportedMediaType,
                    title: "Unsupported media type",
                    detail: "The body must be JSON (Content-Type: application/json).");
            }

            try
            {
                var command = await ReadCommandAsync(request, ct);
                if (command.Isolation == TenantIsolation.Siloed && !IsOperator(user))
                {
                    return Results.ValidationProblem(
                        new Dictionary<string, string[]> { ["isolation"] = ["Only the operator can place a company in its own database."] },
                        title: "The company could not be created");
                }

                var resellerId = ResellerOf(user);
                var onboarded = await handler.Handle(command, resellerId, People.Actors.Of(user), ct);
                return Results.Created($"{Route}/{onboarded.Tenant.Id}", new
                {
                    tenant = TenantDto.From(onboarded.Tenant),
                    invitationPath = $"{InvitationPage}?token={Uri.EscapeDataString(onboarded.InvitationToken)}",
                });
            }
            catch (OnboardingValidationException invalid)
            {
                return Results.ValidationProblem(invalid.Errors, title: "The company could not be created");
            }
        });

        tenants.MapPost("/{id:guid}/suspend", (Guid id, ClaimsPrincipal user, CatalogDbContext db, TenantCatalog catalog, CancellationToken ct) =>
            SetStatus(id, TenantStatus.Suspended, user, db, catalog, ct));
        tenants.MapPost("/{id:guid}/reactivate", (Guid id, ClaimsPrincipal user, CatalogDbContext db, TenantCatalog catalog, CancellationToken ct) =>
            SetStatus(id, TenantStatus.Active, user, db, catalog, ct));
        return app;
    }

    /// <summary>
    /// Binds the body by hand so that every refusal is a validation problem naming the field: malformed JSON,
    /// a value of the wrong type or an unknown isolation mode all answer 400 with the JSON path's field.
    /// </summary>
    private static async Task<OnboardTenant> ReadCommandAsync(HttpRequest request, CancellationToken ct)
    {
        try
        {
            return await JsonSerializer.DeserializeAsync<OnboardTenant>(request.Body, Json, ct)
                ?? throw new OnboardingValidationException(new Dictionary<string, string[]> { ["body"] = ["A JSON object is required."] });
        }
        catch (JsonException json)
        {
            var (named, reason) = Saas.Web.MasterData.JsonInputErrors.Describe(json.Message, Saas.Web.MasterData.JsonInputErrors.FieldOf(json.Path));
            var field = named.Length > 0 ? named : "body";
            var message = field == "isolation"
                ? $"Use one of: {string.Join(", ", Enum.GetNames<TenantIsolation>())}."
                : reason.StartsWith('\'') && reason.EndsWith("is not a field of this request.", StringComparison.Ordinal)
                    ? reason
                    : "The request body is not valid JSON here" + (json.LineNumber is { } line ? $" (line {line + 1})." : ".");
            throw new OnboardingValidationException(new Dictionary<string, string[]> { [field] = [message] });
        }
    }

    private static async Task<IResult> SetStatus(
        Guid id, TenantStatus status, ClaimsPrincipal user, CatalogDbContext db, TenantCatalog catalog, CancellationToken ct)
    {
        var current = await Visible(db, user).Where(t => t.Id == id).Select(t => (TenantStatus?)t.Status).SingleOrDefaultAsync(ct);
        if (current is null)
        {
            return NotFound(id);
        }

        if (current == TenantStatus.Provisioning)
        {
            // Activating a half-made company would let people into it before it has its administrator.
            return Results.Problem(statusCode: 409, title: "Company not ready", detail: "The company is still being created.");
        }

        var tenant = await catalog.SetStatusAsync(id, status, ct);
        return Results.Ok(TenantDto.From(tenant!));
    }

    private static IQueryable<TenantInfo> Visible(CatalogDbContext catalog, ClaimsPrincipal user) => ManagedTenants.Visible(catalog, user);

    private static bool IsOperator(ClaimsPrincipal user) => ManagedTenants.IsOperator(user);

    private static Guid? ResellerOf(ClaimsPrincipal user) => ManagedTenants.ResellerIds(user).Cast<Guid?>().FirstOrDefault();

    private static IResult NotFound(Guid id) =>
        Results.Problem(statusCode: 404, title: "Unknown company", detail: $"No company {id} is managed by you.");
}

public sealed record TenantDto(
    Guid Id, string Identifier, string DisplayName, string Status, string CurrencyCode, string Isolation, Guid? ResellerId, DateTime CreatedDateTime)
{
    public static TenantDto From(TenantInfo t) =>
        new(t.Id, t.Identifier, t.Name, t.Status.ToString(), t.CurrencyCode, t.Isolation.ToString(), t.ResellerId, t.CreatedUtc);
}
