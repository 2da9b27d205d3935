using Saas.Web.Auth;
using System.Text.Json;
using System.Text.Json.Nodes;
using Saas.Identity;
using Saas.Web.MasterData;
using Saas.Write.Common;
using Saas.Write.Finance.Setup;
using Saas.Write.Finance.Setup.Editing;

namespace Saas.Web.Finance;

/// <summary>
/// BC API v2.0 style finance setup: <c>accounts</c>, the posting group code tables, the three posting setup
/// matrices and <c>generalLedgerSetup</c>. Everyone in the company reads; Administrators and Accountants change
/// (<see cref="SaasPolicies.FinanceSetup"/>). Writes answer with the record and its ETag; PATCH needs If-Match.
/// Entity routes look the record up before reading the body, so another company's id is a 404 whatever is sent.
/// </summary>
public static class FinanceSetupApi
{
    /// <summary>The posting group resources and the kind each one edits.</summary>
    public static readonly IReadOnlyDictionary<string, PostingGroupKind> PostingGroupResources = new Dictionary<string, PostingGroupKind>
    {
        ["generalBusinessPostingGroups"] = PostingGroupKind.GeneralBusiness,
        ["generalProductPostingGroups"] = PostingGroupKind.GeneralProduct,
        ["inventoryPostingGroups"] = PostingGroupKind.Inventory,
        ["customerPostingGroups"] = PostingGroupKind.Customer,
        ["vendorPostingGroups"] = PostingGroupKind.Vendor,
        ["vatBusinessPostingGroups"] = PostingGroupKind.VatBusiness,
        ["vatProductPostingGroups"] = PostingGroupKind.VatProduct,
    };

    public static WebApplication MapFinanceSetupApi(this WebApplication app)
    {
        var company = app.MapGroup(MasterDataApi.CompanyRoute)
            .AddEndpointFilter<CurrentCompanyOnly>()
            .AddEndpointFilter<CommandProblems>()
            .WithTags("Finance setup")
            .RequireScope(ApiScopes.Finance);

        MapSetupTable<ChartOfAccounts, GLAccount, AccountChange, AccountsApi.AccountInput>(
            company, "accounts", "G/L Account", ChartOfAccounts.VersionOf, a => [a.Number, a.Name], AccountsApi.Resource);

        foreach (var (resource, kind) in PostingGroupResources)
        {
            PostingGroupsApi.Map(company, resource, kind);
        }

        PostingSetupApi.Map(company);
        NoSeriesApi.Map(company);

        company.MapGet("/generalLedgerSetup", GeneralLedgerSetupApi.GetAsync).RequireAuthorization(SaasPolicies.TenantMember);
        company.MapPatch("/generalLedgerSetup", GeneralLedgerSetupApi.UpdateAsync).RequireAuthorization(SaasPolicies.FinanceSetup);
        return app;
    }

    /// <summary>
    /// A setup table's five routes (GET list/one, POST, PATCH, DELETE). The rules are kept here once: everyone in the
    /// company reads, <see cref="SaasPolicies.FinanceSetup"/> changes, writes answer with the record and its ETag, and
    /// PATCH looks the row up before reading the body so another company's id is a 404 whatever is sent.
    /// </summary>
    internal static void MapSetupTable<TTable, TRow, TChange, TInput>(
        RouteGroupBuilder company, string resource, string caption, Func<TRow, long> versionOf, Func<TRow, string[]> searchable,
        Func<TTable, TRow, object> toResource)
        where TTable : ISetupTable<TRow, TChange>
        where TInput : class, ISetupInput<TChange>
    {
        company.MapGet($"/{resource}", async (TTable table, HttpContext http) =>
            ListPage(http.Request, await table.ListAsync(http.RequestAborted), searchable, r => toResource(table, r)))
            .RequireAuthorization(SaasPolicies.TenantMember);
        company.MapGet($"/{resource}({{id:guid}})", async (Guid id, TTable table, HttpContext http) =>
            await table.FindAsync(id, http.RequestAborted) is { } row
                ? ApiSupport.Card(http.Response, versionOf(row), toResource(table, row))
                : ApiSupport.NotFound(caption, id))
            .RequireAuthorization(SaasPolicies.TenantMember);
        company.MapPost($"/{resource}", async (TTable table, HttpContext http) =>
            {
                var input = await ApiSupport.ReadBodyAsync<TInput>(http.Request);
                var row = await table.CreateAsync(input.ToChange(), http.RequestAborted);
                return ApiSupport.Card(http.Response, versionOf(row), toResource(table, row), StatusCodes.Status201Created);
            })
            .RequireAuthorization(SaasPolicies.FinanceSetup);
        company.MapPatch($"/{resource}({{id:guid}})", async (Guid id, TTable table, HttpContext http) =>
            {
                if (await table.FindAsync(id, http.RequestAborted) is null)
                {
                    return ApiSupport.NotFound(caption, id);
                }

                var expected = ApiSupport.ExpectedVersion(http.Request);
                var input = await ApiSupport.ReadBodyAsync<TInput>(http.Request);
                var row = await table.UpdateAsync(id, expected, input.ToChange(), http.RequestAborted);
                return ApiSupport.Card(http.Response, versionOf(row), toResource(table, row));
            })
            .RequireAuthorization(SaasPolicies.FinanceSetup);
        company.MapDelete($"/{resource}({{id:guid}})", async (Guid id, TTable table, HttpContext http) =>
            {
                await table.DeleteAsync(id, http.RequestAborted);
                return Results.NoContent();
            })
            .RequireAuthorization(SaasPolicies.FinanceSetup);
    }

    /// <summary>Paging and a text search over a small setup table (tens to hundreds of rows, read whole).</summary>
    internal static IResult ListPage<TRow>(HttpRequest request, IEnumerable<TRow> rows, Func<TRow, string[]> searchable, Func<TRow, object> toResource)
    {
        var options = ApiSupport.ReadListOptions(request);
        options.OnlyFilters();
        var search = options.Search?.Trim();
        var matching = rows.Where(r => string.IsNullOrEmpty(search)
            || searchable(r).Any(t => t.Contains(search, StringComparison.OrdinalIgnoreCase))).ToList();
        var page = matching.Skip(options.Skip ?? 0).Take(options.Top ?? int.MaxValue).Select(toResource);
        return Results.Json(ApiSupport.ListResponse(page, matching.Count), ApiSupport.Json);
    }

}

/// <summary>A request body in the API's words, turned into the table's change (refusing values it cannot parse).</summary>
internal interface ISetupInput<out TChange>
{
    TChange ToChange();
}

internal static class AccountsApi
{
    public static AccountResource Resource(ChartOfAccounts chart, GLAccount a) => new(
        ApiSupport.ETag(ChartOfAccounts.VersionOf(a)), chart.IdOf(a), a.Number, a.Name, BcEnum.ToWord(a.Category), BcEnum.ToWord(a.IncomeBalance),
        "Posting", a.DirectPosting, a.Blocked);

    public sealed record AccountResource(
        [property: System.Text.Json.Serialization.JsonPropertyName("@odata.etag")] string ETag,
        Guid Id, string Number, string DisplayName, string Category, string IncomeBalance, string AccountType, bool DirectPosting, bool Blocked);

    public sealed record AccountInput : ISetupInput<AccountChange>
    {
        [System.Text.Json.Serialization.JsonPropertyName("@odata.etag")]
        public string? ODataETag { get; init; }

        public string? Number { get; init; }
        public string? DisplayName { get; init; }
        public string? Category { get; init; }
        public string? IncomeBalance { get; init; }
        public string? AccountType { get; init; }
        public bool? DirectPosting { get; init; }
        public bool? Blocked { get; init; }

        public AccountChange ToChange()
        {
            var v = new Validation();
            var category = ApiSupport.ParseOrNull<AccountCategory>(v, "category", Category);
            var incomeBalance = ApiSupport.ParseOrNull<IncomeBalance>(v, "incomeBalance", IncomeBalance);

            // BC's Heading/Total/Begin-Total/End-Total lines are not kept: every account here is a posting account.
            if (AccountType is not null && AccountType != "Posting")
            {
                v.Add("accountType", "only Posting accounts are kept (totalling lines are not supported).");
            }

            v.ThrowIfInvalid();
            return new AccountChange
            {
                Number = Number, Name = DisplayName, Category = category, IncomeBalance = incomeBalance, DirectPosting = DirectPosting, Blocked = Blocked,
            };
        }
    }
}

internal static class PostingGroupsApi
{
    public static void Map(RouteGroupBuilder company, string resource, PostingGroupKind kind)
    {
        var accountField = PostingGroups.AccountField(kind);
        company.MapGet($"/{resource}", async (PostingGroups groups, HttpContext http) =>
            FinanceSetupApi.ListPage(http.Request, await groups.ListAsync(kind, http.RequestAborted), g => [g.Code, g.Description], g => Resource(groups, g)))
            .RequireAuthorization(SaasPolicies.TenantMember);
        company.MapGet($"/{resource}({{id:guid}})", async (Guid id, PostingGroups groups, HttpContext http) =>
            await groups.FindAsync(kind, id, http.RequestAborted) is { } g
                ? ApiSupport.Card(http.Response, PostingGroups.VersionOf(g), Resource(groups, g))
                : ApiSupport.NotFound(PostingGroups.Caption(kind), id))
            .RequireAuthorization(SaasPolicies.TenantMember);
        company.MapPost($"/{resource}", async (PostingGroups groups, HttpContext http) =>
            {
                var input = await ApiSupport.ReadBodyAsync<PostingGroupInput>(http.Request);
                var g = await groups.CreateAsync(kind, input.ToChange(accountField), http.RequestAborted);
                return ApiSupport.Card(http.Response, PostingGroups.VersionOf(g), Resource(groups, g), StatusCodes.Status201Created);
            })
            .RequireAuthorization(SaasPolicies.FinanceSetup);
        company.MapPatch($"/{resource}({{id:guid}})", async (Guid id, PostingGroups groups, HttpContext http) =>
            {
                if (await groups.FindAsync(kind, id, http.RequestAborted) is null)
                {
                    return ApiSupport.NotFound(PostingGroups.Caption(kind), id);
                }

                var expected = ApiSupport.ExpectedVersion(http.Request);
                var input = await ApiSupport.ReadBodyAsync<PostingGroupInput>(http.Request);
                var g = await groups.UpdateAsync(kind, id, expected, input.ToChange(accountField), http.RequestAborted);
                return ApiSupport.Card(http.Response, PostingGroups.VersionOf(g), Resource(groups, g));
            })
            .RequireAuthorization(SaasPolicies.FinanceSetup);
        company.MapDelete($"/{resource}({{id:guid}})", async (Guid id, PostingGroups groups, HttpContext http) =>
            {
                await groups.DeleteAsync(kind, id, http.RequestAborted);
                return Results.NoContent();
            })
            .RequireAuthorization(SaasPolicies.FinanceSetup);
    }

    private static Dictionary<string, object?> Resource(PostingGroups groups, PostingGroup g)
    {
        var resource = new Dictionary<string, object?>
        {
            ["@odata.etag"] = ApiSupport.ETag(PostingGroups.VersionOf(g)),
            ["id"] = groups.IdOf(g),
            ["code"] = g.Code,
            ["description"] = g.Description,
        };
        if (PostingGroups.AccountField(g.Kind) is { } field)
        {
            resource[field] = g.Account;
        }

        return resource;
    }

    private sealed record PostingGroupInput
    {
        [System.Text.Json.Serialization.JsonPropertyName("@odata.etag")]
        public string? ODataETag { get; init; }

        public string? Code { get; init; }
        public string? Description { get; init; }
        public string? ReceivablesAccount { get; init; }
        public string? PayablesAccount { get; init; }

        public PostingGroupChange ToChange(string? accountField)
        {
            var v = new Validation();
            foreach (var (field, value) in new[] { ("receivablesAccount", ReceivablesAccount), ("payablesAccount", PayablesAccount) })
            {
                if (value is not null && field != accountField)
                {
                    v.Add(field, accountField is null ? "this posting group has no account." : $"this posting group's account is {accountField}.");
                }
            }

            v.ThrowIfInvalid();
            return new PostingGroupChange { Code = Code, Description = Description, Account = accountField == "receivablesAccount" ? ReceivablesAccount : PayablesAccount };
        }
    }
}

internal static class GeneralLedgerSetupApi
{
    private static readonly string[] DateFields = ["allowPostingFrom", "allowPostingTo", "inventoryClosedThrough"];

    public static async Task<IResult> GetAsync(GeneralLedgerSetups setups, HttpContext http)
    {
        var setup = await setups.GetAsync(http.RequestAborted);
        return ApiSupport.Card(http.Response, setup.Version, Resource(setup));
    }

    public static async Task<IResult> UpdateAsync(GeneralLedgerSetups setups, HttpContext http)
    {
        var expected = ApiSupport.ExpectedVersion(http.Request);
        var body = await ApiSupport.ReadBodyAsync<JsonObject>(http.Request);

        // JSON null empties a date (no limit); an absent field is left as it is.
        var clear = DateFields.Where(f => body.TryGetPropertyValue(f, out var value) && value is null).ToHashSet();
        GeneralLedgerSetupInput input;
        try
        {
            input = body.Deserialize<GeneralLedgerSetupInput>(ApiSupport.Json) ?? new GeneralLedgerSetupInput();
        }
        catch (JsonException e)
        {
            throw new MalformedBodyException($"The JSON is not valid{(string.IsNullOrEmpty(e.Path) ? "" : $" at '{e.Path}'")}.");
        }

        var v = new Validation();
        var period = ApiSupport.ParseOrNull<AverageCostPeriod>(v, "averageCostPeriod", input.AverageCostPeriod);
        v.ThrowIfInvalid();
        var setup = await setups.UpdateAsync(
            expected,
            new GeneralLedgerSetupChange
            {
                AllowPostingFrom = input.AllowPostingFrom,
                AllowPostingTo = input.AllowPostingTo,
                InventoryClosedThrough = input.InventoryClosedThrough,
                ExpectedCostPostingToGL = input.ExpectedCostPostingToGL,
                AutomaticCostAdjustment = input.AutomaticCostAdjustment,
                AverageCostPeriod = period,
                AllowNegativeInventory = input.AllowNegativeInventory,
                Clear = clear,
            },
            http.RequestAborted);
        return ApiSupport.Card(http.Response, setup.Version, Resource(setup));
    }

    private static GeneralLedgerSetupResource Resource(GeneralLedgerSetup s) => new(
        ApiSupport.ETag(s.Version), s.AllowPostingFrom, s.AllowPostingTo, s.InventoryClosedThrough, s.ExpectedCostPostingToGL,
        s.AutomaticCostAdjustment, BcEnum.ToWord(s.AverageCostPeriod), s.AllowNegativeInventory);

    private sealed record GeneralLedgerSetupResource(
        [property: System.Text.Json.Serialization.JsonPropertyName("@odata.etag")] string ETag,
        DateOnly? AllowPostingFrom, DateOnly? AllowPostingTo, DateOnly? InventoryClosedThrough, bool ExpectedCostPostingToGL,
        bool AutomaticCostAdjustment, string AverageCostPeriod, bool AllowNegativeInventory);

    private sealed record GeneralLedgerSetupInput
    {
        [System.Text.Json.Serialization.JsonPropertyName("@odata.etag")]
        public string? ODataETag { get; init; }

        public DateOnly? AllowPostingFrom { get; init; }
        public DateOnly? AllowPostingTo { get; init; }
        public DateOnly? InventoryClosedThrough { get; init; }
        public bool? ExpectedCostPostingToGL { get; init; }
        public bool? AutomaticCostAdjustment { get; init; }
        public string? AverageCostPeriod { get; init; }
        public bool? AllowNegativeInventory { get; init; }
    }
}
