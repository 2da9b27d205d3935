using System.Text.Json.Serialization;
using Saas.Identity;
using Saas.Web.MasterData;
using Saas.Write.Setup;

namespace Saas.Web.Finance;

/// <summary>
/// <c>noSeries</c> (BC's No. Series with its one line folded in): every member reads, Administrators and Accountants
/// edit. There is no POST or DELETE: each series is named by the code that takes numbers from it.
/// </summary>
internal static class NoSeriesApi
{
    public static void Map(RouteGroupBuilder company)
    {
        company.MapGet("/noSeries", async (EditNoSeries series, HttpContext http) =>
            FinanceSetupApi.ListPage(http.Request, await series.ListAsync(http.RequestAborted), s => [s.Code, s.Description], s => Resource(series, s)))
            .RequireAuthorization(SaasPolicies.TenantMember);
        company.MapGet("/noSeries({id:guid})", async (Guid id, EditNoSeries series, HttpContext http) =>
            await series.FindAsync(id, http.RequestAborted) is { } s
                ? ApiSupport.Card(http.Response, s.Version, Resource(series, s))
                : ApiSupport.NotFound(EditNoSeries.Caption, id))
            .RequireAuthorization(SaasPolicies.TenantMember);
        company.MapPatch("/noSeries({id:guid})", async (Guid id, EditNoSeries series, HttpContext http) =>
            {
                if (await series.FindAsync(id, http.RequestAborted) is null)
                {
                    return ApiSupport.NotFound(EditNoSeries.Caption, id);
                }

                var expected = ApiSupport.ExpectedVersion(http.Request);
                var input = await ApiSupport.ReadBodyAsync<NoSeriesInput>(http.Request);
                var s = await series.UpdateAsync(
                    id,
                    expected,
                    new NoSeriesChange { Description = input.Description, StartingNo = input.StartingNo, IncrementBy = input.IncrementByNo, LastNoUsed = input.LastNoUsed },
                    http.RequestAborted);
                return ApiSupport.Card(http.Response, s.Version, Resource(series, s));
            })
            .RequireAuthorization(SaasPolicies.FinanceSetup);
    }

    private static NoSeriesResource Resource(EditNoSeries series, NoSeries s) =>
        new(ApiSupport.ETag(s.Version), series.IdOf(s), s.Code, s.Description, s.StartingNo, s.IncrementBy, s.LastNoUsed);

    private sealed record NoSeriesResource(
        [property: JsonPropertyName("@odata.etag")] string ETag,
        Guid Id, string Code, string Description, string StartingNo, int IncrementByNo, string LastNoUsed);

    private sealed record NoSeriesInput
    {
        [JsonPropertyName("@odata.etag")]
        public string? ODataETag { get; init; }

        public string? Description { get; init; }
        public string? StartingNo { get; init; }
        public int? IncrementByNo { get; init; }
        public string? LastNoUsed { get; init; }
    }
}
