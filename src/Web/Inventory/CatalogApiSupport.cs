using Saas.Web.MasterData;

namespace Saas.Web.Inventory;

/// <summary>What the item catalog's endpoints add to <see cref="ApiSupport"/>.</summary>
internal static class CatalogApiSupport
{
    /// <summary>
    /// DELETE takes If-Match when the caller sends it (a stale ETag is refused with 412) but does not require
    /// it: deleting has no fields to lose, and the rules that matter (children, items) are checked anyway.
    /// </summary>
    public static long? OptionalExpectedVersion(HttpRequest request) =>
        request.Headers.IfMatch.Count == 0 ? null : ApiSupport.ExpectedVersion(request);
}
