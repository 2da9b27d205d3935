using System.Text.Json.Serialization;
using Saas.Identity;
using Saas.Web.Finance;
using Saas.Web.MasterData;
using Saas.Write.Setup;

namespace Saas.Web.Inventory;

/// <summary>
/// BC API v2.0 <c>unitsOfMeasure</c>: a small setup table read from the write model (like the posting groups). Every
/// member reads; those who maintain items change it. PATCH and DELETE look the unit up first, so another company's
/// id is a 404 whatever is sent.
/// </summary>
internal static class UnitsOfMeasureApi
{
    public static void MapUnitsOfMeasure(this RouteGroupBuilder company)
    {
        company.MapGet("/unitsOfMeasure", async (UnitsOfMeasure units, HttpContext http) =>
            FinanceSetupApi.ListPage(http.Request, await units.ListAsync(http.RequestAborted), u => [u.Code, u.Description], u => Resource(units, u)))
            .RequireAuthorization(SaasPolicies.TenantMember);
        company.MapGet("/unitsOfMeasure({id:guid})", async (Guid id, UnitsOfMeasure units, HttpContext http) =>
            await units.FindAsync(id, http.RequestAborted) is { } unit
                ? ApiSupport.Card(http.Response, UnitsOfMeasure.VersionOf(unit), Resource(units, unit))
                : ApiSupport.NotFound(UnitsOfMeasure.Caption, id))
            .RequireAuthorization(SaasPolicies.TenantMember);
        company.MapPost("/unitsOfMeasure", async (UnitsOfMeasure units, HttpContext http) =>
            {
                var input = await ApiSupport.ReadBodyAsync<UnitOfMeasureInput>(http.Request);
                var unit = await units.CreateAsync(input.ToChange(), http.RequestAborted);
                return ApiSupport.Card(http.Response, UnitsOfMeasure.VersionOf(unit), Resource(units, unit), StatusCodes.Status201Created);
            })
            .RequireAuthorization(SaasPolicies.ItemsWrite);
        company.MapPatch("/unitsOfMeasure({id:guid})", async (Guid id, UnitsOfMeasure units, HttpContext http) =>
            {
                if (await units.FindAsync(id, http.RequestAborted) is null)
                {
                    return ApiSupport.NotFound(UnitsOfMeasure.Caption, id);
                }

                var expected = ApiSupport.ExpectedVersion(http.Request);
                var input = await ApiSupport.ReadBodyAsync<UnitOfMeasureInput>(http.Request);
                var unit = await units.UpdateAsync(id, expected, input.ToChange(), http.RequestAborted);
                return ApiSupport.Card(http.Response, UnitsOfMeasure.VersionOf(unit), Resource(units, unit));
            })
            .RequireAuthorization(SaasPolicies.ItemsWrite);
        company.MapDelete("/unitsOfMeasure({id:guid})", async (Guid id, UnitsOfMeasure units, HttpContext http) =>
            {
                await units.DeleteAsync(id, http.RequestAborted);
                return Results.NoContent();
            })
            .RequireAuthorization(SaasPolicies.ItemsWrite);
    }

    private static UnitOfMeasureResource Resource(UnitsOfMeasure units, UnitOfMeasure u) => new()
    {
        ETag = ApiSupport.ETag(UnitsOfMeasure.VersionOf(u)),
        Id = units.IdOf(u),
        Code = u.Code,
        DisplayName = u.Description,
        InternationalStandardCode = u.InternationalStandardCode,
        LastModifiedDateTime = DateTime.SpecifyKind(u.LastModifiedUtc, DateTimeKind.Utc),
    };

    private sealed record UnitOfMeasureResource
    {
        [JsonPropertyName("@odata.etag")]
        public required string ETag { get; init; }

        public required Guid Id { get; init; }
        public required string Code { get; init; }
        public required string DisplayName { get; init; }
        public required string InternationalStandardCode { get; init; }
        public required DateTime LastModifiedDateTime { get; init; }
    }

    private sealed record UnitOfMeasureInput
    {
        [JsonPropertyName("@odata.etag")]
        public string? ODataETag { get; init; }

        public string? Code { get; init; }
        public string? DisplayName { get; init; }
        public string? InternationalStandardCode { get; init; }

        public UnitOfMeasureChange ToChange() => new() { Code = Code, Description = DisplayName, InternationalStandardCode = InternationalStandardCode };
    }
}
