using Saas.Web.Auth;
using System.Globalization;
using Saas.Identity;
using Saas.Read.Finance;
using Saas.Web.MasterData;
using Saas.Write.Common;
using Saas.Write.Finance.Posting;
using Saas.Write.Inventory.Journals;
using Saas.Write.Inventory.Ledger;

namespace Saas.Web.Finance;

/// <summary>
/// BC API v2.0 style finance and inventory ledger endpoints (<c>accounts</c> is in <see cref="FinanceSetupApi"/>): <c>generalLedgerEntries</c>,
/// <c>itemLedgerEntries</c>, <c>valueEntries</c>, <c>trialBalance</c>, and item journals (calculate a physical
/// inventory; post or preview a journal with <c>Microsoft.NAV.post</c>).
/// </summary>
public static class FinanceApi
{
    public static WebApplication MapFinanceApi(this WebApplication app)
    {
        var company = app.MapGroup(MasterDataApi.CompanyRoute)
            .AddEndpointFilter<CurrentCompanyOnly>()
            .AddEndpointFilter<CommandProblems>()
            .WithTags("Finance and inventory ledgers");
        var finance = company.MapGroup("").RequireScope(ApiScopes.Finance);
        var inventory = company.MapGroup("").RequireScope(ApiScopes.Inventory);
        finance.MapGet("/generalLedgerEntries", GLEntriesAsync).RequireAuthorization(SaasPolicies.TenantMember);
        inventory.MapGet("/itemLedgerEntries", ItemLedgerEntriesAsync).RequireAuthorization(SaasPolicies.TenantMember)
            .Produces<ListEnvelope<ItemLedgerEntryRow>>();
        inventory.MapGet("/valueEntries", ValueEntriesAsync).RequireAuthorization(SaasPolicies.TenantMember)
            .Produces<ListEnvelope<ValueEntryRow>>();
        finance.MapGet("/trialBalance", TrialBalanceAsync).RequireAuthorization(SaasPolicies.TenantMember);
        inventory.MapGet("/itemJournals/physicalInventory", CalculatePhysicalInventoryAsync).RequireAuthorization(SaasPolicies.ItemsWrite);

        // Posting changes the books: the roles that may change items (warehouse, purchasing, administrator).
        inventory.MapPost("/itemJournals/Microsoft.NAV.post", PostJournalAsync).RequireAuthorization(SaasPolicies.ItemsWrite)
            .Produces<PostingResponse>(StatusCodes.Status201Created).Produces<PostingResponse>();

        // Stored journals (batches, lines, post, preview, calculate inventory / inventory value).
        Inventory.ItemJournalsApi.MapItemJournals(inventory);
        return app;
    }

    private static async Task<IResult> GLEntriesAsync(LedgerQueries queries, HttpContext http)
    {
        var page = await queries.GLEntriesAsync(Filter(http.Request), http.RequestAborted);
        return Results.Json(ApiSupport.ListResponse(page.Value, page.Count), ApiSupport.Json);
    }

    private static async Task<IResult> ItemLedgerEntriesAsync(LedgerQueries queries, HttpContext http)
    {
        var page = await queries.ItemLedgerEntriesAsync(Filter(http.Request), http.RequestAborted);
        return Results.Json(ApiSupport.ListResponse(page.Value, page.Count), ApiSupport.Json);
    }

    private static async Task<IResult> ValueEntriesAsync(LedgerQueries queries, HttpContext http)
    {
        var page = await queries.ValueEntriesAsync(Filter(http.Request), http.RequestAborted);
        return Results.Json(ApiSupport.ListResponse(page.Value, page.Count), ApiSupport.Json);
    }

    /// <summary><c>dateFilter=2027-01-01..2027-01-31</c> (either end may be left open), as BC's date filters.</summary>
    private static async Task<IResult> TrialBalanceAsync(LedgerQueries queries, HttpContext http)
    {
        var (from, to) = DateRange(http.Request.Query["dateFilter"].ToString());
        var rows = await queries.TrialBalanceAsync(from, to, http.RequestAborted);
        return Results.Json(ApiSupport.ListResponse(rows, rows.Count), ApiSupport.Json);
    }

    private static async Task<IResult> CalculatePhysicalInventoryAsync(ItemJournal journal, HttpContext http)
    {
        var date = ParseDate("postingDate", http.Request.Query["postingDate"].ToString())
            ?? throw ValidationFailedException.For("postingDate", "is required.");
        var lines = await journal.CalculatePhysicalInventoryAsync(date, http.Request.Query["locationCode"].ToString(), cancellationToken: http.RequestAborted);

        // The lines as the post takes them back (entry type as BC's word, not the enum's number).
        var resources = lines.Select(l => new
        {
            entryType = BcEnum.ToWord(l.EntryType), itemNumber = l.ItemNumber, locationCode = l.LocationCode, postingDate = l.PostingDate,
            quantityCalculated = l.QuantityCalculated, quantityPhysInventory = l.QuantityPhysInventory,
        }).ToList();
        return Results.Json(ApiSupport.ListResponse(resources, resources.Count), ApiSupport.Json);
    }

    private static async Task<IResult> PostJournalAsync(ItemJournal journal, HttpContext http)
    {
        var input = await ApiSupport.ReadBodyAsync<JournalInput>(http.Request);
        var command = input.ToCommand();
        var result = input.Preview
            ? await journal.PreviewAsync(command, http.RequestAborted)
            : await journal.PostAsync(command, http.RequestAborted);

        if (!input.Preview)
        {
            ApiSupport.SetPostingPosition(http.Response, result.ReadPosition);
        }

        return Results.Json(PostingResponse.From(result, input.Preview), ApiSupport.Json, statusCode: input.Preview || result.AlreadyPosted ? 200 : 201);
    }

    private static LedgerFilter Filter(HttpRequest request)
    {
        var q = request.Query;
        return new LedgerFilter
        {
            AccountNumber = Text(q["accountNumber"]),
            ItemNumber = Text(q["itemNumber"]),
            LocationCode = Text(q["locationCode"]),
            DocumentNumber = Text(q["documentNumber"]),
            EntryNumber = ParseLong("entryNumber", q["entryNumber"].ToString()),
            ItemLedgerEntryNumber = ParseLong("itemLedgerEntryNumber", q["itemLedgerEntryNumber"].ToString()),
            ValueEntryNumber = ParseLong("valueEntryNumber", q["valueEntryNumber"].ToString()),
            FromDate = ParseDate("fromDate", q["fromDate"].ToString()),
            ToDate = ParseDate("toDate", q["toDate"].ToString()),
            Top = ParseInt("$top", q["$top"].ToString()),
            Skip = ParseInt("$skip", q["$skip"].ToString()),
        };

        static string? Text(Microsoft.Extensions.Primitives.StringValues value) => value.Count == 0 ? null : value.ToString();
    }

    private static (DateOnly? From, DateOnly? To) DateRange(string filter)
    {
        if (filter.Length == 0)
        {
            return (null, null);
        }

        var parts = filter.Split("..");
        return parts.Length switch
        {
            1 => (ParseDate("dateFilter", parts[0]), ParseDate("dateFilter", parts[0])),
            2 => (ParseDate("dateFilter", parts[0]), ParseDate("dateFilter", parts[1])),
            _ => throw ValidationFailedException.For("dateFilter", "must be a date or a range from..to (yyyy-MM-dd)."),
        };
    }

    private static DateOnly? ParseDate(string field, string text) =>
        text.Length == 0 ? null
        : DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date
        : throw ValidationFailedException.For(field, "must be a date (yyyy-MM-dd).");

    private static long? ParseLong(string field, string text) =>
        text.Length == 0 ? null
        : long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value
        : throw ValidationFailedException.For(field, "must be an entry number.");

    private static int? ParseInt(string field, string text) =>
        text.Length == 0 ? null
        : int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value
        : throw ValidationFailedException.For(field, "must be a whole number.");

    private sealed record JournalInput
    {
        public string? Template { get; init; }
        public string? DocumentNumber { get; init; }
        public string? IdempotencyKey { get; init; }
        public bool Preview { get; init; }
        public List<JournalLineInput>? Lines { get; init; }

        public PostItemJournal ToCommand()
        {
            var lines = new List<ItemJournalLine>();
            var v = new Validation();
            var template = ItemJournalTemplate.Item;
            if (Template is not null && !BcEnum.TryParse(Template, out template))
            {
                v.Add("template", $"must be one of {BcEnum.Allowed<ItemJournalTemplate>()}.");
            }

            for (var i = 0; i < (Lines?.Count ?? 0); i++)
            {
                var line = Lines![i];
                var entryType = ItemLedgerEntryType.PositiveAdjmt;
                if (line.EntryType is not null && !BcEnum.TryParse(line.EntryType, out entryType))
                {
                    v.Add($"lines[{i}].entryType", $"must be one of {BcEnum.Allowed<ItemLedgerEntryType>()}.");
                }

                if (line.PostingDate is null)
                {
                    v.Add($"lines[{i}].postingDate", "is required.");
                }

                lines.Add(new ItemJournalLine
                {
                    EntryType = entryType,
                    ItemNumber = line.ItemNumber ?? "",
                    LocationCode = line.LocationCode ?? "",
                    NewLocationCode = line.NewLocationCode ?? "",
                    PostingDate = line.PostingDate ?? default,
                    DocumentNumber = line.DocumentNumber,
                    Description = line.Description ?? "",
                    Quantity = line.Quantity,
                    UnitCost = line.UnitCost,
                    AppliesToEntry = line.AppliesToEntry,
                    QuantityCalculated = line.QuantityCalculated,
                    QuantityPhysInventory = line.QuantityPhysInventory,
                });
            }

            v.ThrowIfInvalid();
            return new PostItemJournal { Template = template, DocumentNumber = DocumentNumber, IdempotencyKey = IdempotencyKey, Lines = lines };
        }
    }

    private sealed record JournalLineInput
    {
        public string? EntryType { get; init; }
        public string? ItemNumber { get; init; }
        public string? LocationCode { get; init; }
        public string? NewLocationCode { get; init; }
        public DateOnly? PostingDate { get; init; }
        public string? DocumentNumber { get; init; }
        public string? Description { get; init; }
        public decimal Quantity { get; init; }
        public decimal? UnitCost { get; init; }
        public long? AppliesToEntry { get; init; }
        public decimal QuantityCalculated { get; init; }
        public decimal? QuantityPhysInventory { get; init; }
    }

    /// <summary>What a posting (or its preview) wrote; entry types in BC's words, as the ledger lists show them.</summary>
    internal sealed record PostingResponse(
        long RegisterNumber, bool AlreadyPosted, bool Preview, IReadOnlyList<PostedItemLedgerEntry> ItemLedgerEntries,
        IReadOnlyList<PostedValueEntry> ValueEntries, IReadOnlyList<PostedGLEntry> GeneralLedgerEntries)
    {
        public static PostingResponse From(PostingResult result, bool preview) => new(
            result.RegisterNo,
            result.AlreadyPosted,
            preview,
            result.ItemLedgerEntries.Select(e => new PostedItemLedgerEntry(
                e.EntryNo, e.ItemNo, e.PostingDate, BcEnum.ToWord(e.EntryType), e.DocumentNo, e.LocationCode, e.Quantity)).ToList(),
            result.ValueEntries.Select(v => new PostedValueEntry(
                v.EntryNo, v.ItemLedgerEntryNo, v.ItemNo, v.PostingDate, BcEnum.ToWord(v.EntryType), v.CostAmountActual, v.CostAmountExpected,
                v.Adjustment)).ToList(),
            result.GLEntries.Select(g => new PostedGLEntry(g.EntryNo, g.GLAccountNo, g.PostingDate, g.DocumentNo, g.Description, g.Amount)).ToList());
    }

    internal sealed record PostedItemLedgerEntry(
        long EntryNumber, string ItemNumber, DateOnly PostingDate,
        [property: BcWordsOf(typeof(ItemLedgerEntryType))] string EntryType,
        string DocumentNumber, string LocationCode, decimal Quantity);

    internal sealed record PostedValueEntry(
        long EntryNumber, long ItemLedgerEntryNumber, string ItemNumber, DateOnly PostingDate,
        [property: BcWordsOf(typeof(ValueEntryType))] string EntryType,
        decimal CostAmountActual, decimal CostAmountExpected, bool Adjustment);

    internal sealed record PostedGLEntry(
        long EntryNumber, string AccountNumber, DateOnly PostingDate, string DocumentNumber, string Description, decimal Amount);
}
