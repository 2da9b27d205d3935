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
        company.MapGet("/generalLedgerEntries", GLEntriesAsync).RequireAuthorization(SaasPolicies.TenantMember);
        company.MapGet("/itemLedgerEntries", ItemLedgerEntriesAsync).RequireAuthorization(SaasPolicies.TenantMember);
        company.MapGet("/valueEntries", ValueEntriesAsync).RequireAuthorization(SaasPolicies.TenantMember);
        company.MapGet("/trialBalance", TrialBalanceAsync).RequireAuthorization(SaasPolicies.TenantMember);
        company.MapGet("/itemJournals/physicalInventory", CalculatePhysicalInventoryAsync).RequireAuthorization(SaasPolicies.ItemsWrite);

        // Posting changes the books: the roles that may change items (warehouse, purchasing, administrator).
        company.MapPost("/itemJournals/Microsoft.NAV.post", PostJournalAsync).RequireAuthorization(SaasPolicies.ItemsWrite);

        // Stored journals (batches, lines, post, preview, calculate inventory / inventory value).
        Inventory.ItemJournalsApi.MapItemJournals(company);
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
        return Results.Json(ApiSupport.ListResponse(lines, lines.Count), ApiSupport.Json);
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

    internal sealed record PostingResponse(
        long RegisterNumber, bool AlreadyPosted, bool Preview, IReadOnlyList<object> ItemLedgerEntries, IReadOnlyList<object> ValueEntries,
        IReadOnlyList<object> GeneralLedgerEntries)
    {
        public static PostingResponse From(PostingResult result, bool preview) => new(
            result.RegisterNo,
            result.AlreadyPosted,
            preview,
            result.ItemLedgerEntries.Select(e => (object)new
            {
                entryNumber = e.EntryNo, itemNumber = e.ItemNo, postingDate = e.PostingDate, entryType = BcEnum.ToWord(e.EntryType),
                documentNumber = e.DocumentNo, locationCode = e.LocationCode, quantity = e.Quantity,
            }).ToList(),
            result.ValueEntries.Select(v => (object)new
            {
                entryNumber = v.EntryNo, itemLedgerEntryNumber = v.ItemLedgerEntryNo, itemNumber = v.ItemNo, postingDate = v.PostingDate,
                entryType = BcEnum.ToWord(v.EntryType), costAmountActual = v.CostAmountActual, costAmountExpected = v.CostAmountExpected,
                adjustment = v.Adjustment,
            }).ToList(),
            result.GLEntries.Select(g => (object)new
            {
                entryNumber = g.EntryNo, accountNumber = g.GLAccountNo, postingDate = g.PostingDate, documentNumber = g.DocumentNo,
                description = g.Description, amount = g.Amount,
            }).ToList());
    }
}
