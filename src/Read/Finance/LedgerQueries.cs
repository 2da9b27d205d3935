using System.Globalization;
using Dapper;
using Saas.Read.Common;
using Saas.Read.Common.Filtering;
using Saas.Tenancy.Storage;
using Saas.Write.Common;
using Saas.Write.Inventory.Ledger;

namespace Saas.Read.Finance;

/// <summary>
/// Filters of the ledger lists (BC's entry pages): by account or item, location, date range, document, and the
/// links between entries that Navigate follows (one entry, an item ledger entry's value entries, a value entry's G/L entries).
/// </summary>
public sealed record LedgerFilter
{
    public string? AccountNumber { get; init; }
    public string? ItemNumber { get; init; }
    public string? LocationCode { get; init; }
    public string? DocumentNumber { get; init; }

    /// <summary>One entry of the list's own ledger.</summary>
    public long? EntryNumber { get; init; }

    /// <summary>Value entries only: those of this item ledger entry.</summary>
    public long? ItemLedgerEntryNumber { get; init; }

    /// <summary>G/L entries only: those posted for this value entry (BC's G/L - Item Ledger Relation).</summary>
    public long? ValueEntryNumber { get; init; }

    public DateOnly? FromDate { get; init; }
    public DateOnly? ToDate { get; init; }
    public int? Top { get; init; }
    public int? Skip { get; init; }

    /// <summary>BC filter expressions by field, on the ledger's <c>FilterColumns</c> (the filter pane).</summary>
    public IReadOnlyDictionary<string, string>? Filters { get; init; }

    public FilterFormat? FilterFormat { get; init; }
}

public sealed record GLAccountRow
{
    public string Number { get; init; } = "";
    public string DisplayName { get; init; } = "";
    public string IncomeBalance { get; init; } = "";
    public string Category { get; init; } = "";
    public bool DirectPosting { get; init; }
    public bool Blocked { get; init; }
}

public sealed record GLEntryRow
{
    public long EntryNumber { get; init; }
    public string PostingDate { get; init; } = "";
    public string DocumentNumber { get; init; } = "";
    public string AccountNumber { get; init; } = "";
    public string Description { get; init; } = "";
    public decimal Amount { get; init; }
    public long TransactionNumber { get; init; }
    public long ValueEntryNumber { get; init; }
}

public sealed record ItemLedgerEntryRow
{
    public long EntryNumber { get; init; }
    public string ItemNumber { get; init; } = "";
    public string PostingDate { get; init; } = "";

    [BcWordsOf(typeof(ItemLedgerEntryType))]
    public string EntryType { get; init; } = "";

    public string DocumentNumber { get; init; } = "";
    public string Description { get; init; } = "";
    public string LocationCode { get; init; } = "";
    public decimal Quantity { get; init; }
    public decimal RemainingQuantity { get; init; }
    public bool Open { get; init; }
    public decimal CostAmountActual { get; init; }
    public decimal CostAmountExpected { get; init; }
    public decimal SalesAmountActual { get; init; }
}

public sealed record ValueEntryRow
{
    public long EntryNumber { get; init; }
    public long ItemLedgerEntryNumber { get; init; }
    public string ItemNumber { get; init; } = "";
    public string PostingDate { get; init; } = "";
    public string ValuationDate { get; init; } = "";

    [BcWordsOf(typeof(ValueEntryType))]
    public string EntryType { get; init; } = "";

    [BcWordsOf(typeof(Saas.Write.Inventory.Ledger.ItemLedgerEntryType))]
    public string ItemLedgerEntryType { get; init; } = "";

    public string DocumentNumber { get; init; } = "";
    public string LocationCode { get; init; } = "";
    public decimal ItemLedgerEntryQuantity { get; init; }
    public decimal InvoicedQuantity { get; init; }
    public decimal CostAmountExpected { get; init; }
    public decimal CostAmountActual { get; init; }
    public decimal SalesAmountActual { get; init; }
    public bool Adjustment { get; init; }
}

public sealed record TrialBalanceRow
{
    public string Number { get; init; } = "";
    public string DisplayName { get; init; } = "";
    public decimal NetChange { get; init; }
    public decimal Balance { get; init; }
}

/// <summary>
/// The ledgers as lists, straight from the ledger tables through the tenant's Dapper session. Ledger entries are
/// append-only and committed whole, so reading them directly is already a consistent read model (and reads the
/// caller's own postings at once); a projection can take over when reporting needs other shapes.
/// Sums are taken in C# decimals: SQLite keeps EF decimals as text and would add them as floating point.
/// </summary>
public sealed class LedgerQueries(TenantDb db)
{
    public static readonly IReadOnlyList<FilterColumn> GLEntryFilterColumns =
    [
        new("entryNumber", "Entry No.", "entry_no", FilterKind.Number),
        new("postingDate", "Posting Date", "posting_date", FilterKind.Date),
        new("documentNumber", "Document No.", "document_no", FilterKind.Code),
        new("accountNumber", "G/L Account No.", "gl_account_no", FilterKind.Code),
        new("description", "Description", "description", FilterKind.Text),
        new("amount", "Amount", "amount", FilterKind.Number),
        new("transactionNumber", "Transaction No.", "transaction_no", FilterKind.Number),
    ];

    public static readonly IReadOnlyList<FilterColumn> ItemLedgerEntryFilterColumns =
    [
        new("entryNumber", "Entry No.", "entry_no", FilterKind.Number),
        new("postingDate", "Posting Date", "posting_date", FilterKind.Date),
        new("entryType", "Entry Type", "entry_type", FilterKind.Text),
        new("documentNumber", "Document No.", "document_no", FilterKind.Code),
        new("itemNumber", "Item No.", "item_no", FilterKind.Code),
        new("description", "Description", "description", FilterKind.Text),
        new("locationCode", "Location Code", "location_code", FilterKind.Code),
        new("quantity", "Quantity", "quantity", FilterKind.Number),
    ];

    public static readonly IReadOnlyList<FilterColumn> ValueEntryFilterColumns =
    [
        new("entryNumber", "Entry No.", "entry_no", FilterKind.Number),
        new("postingDate", "Posting Date", "posting_date", FilterKind.Date),
        new("valuationDate", "Valuation Date", "valuation_date", FilterKind.Date),
        new("entryType", "Entry Type", "entry_type", FilterKind.Text),
        new("itemLedgerEntryType", "Item Ledger Entry Type", "item_ledger_entry_type", FilterKind.Text),
        new("documentNumber", "Document No.", "document_no", FilterKind.Code),
        new("itemNumber", "Item No.", "item_no", FilterKind.Code),
        new("locationCode", "Location Code", "location_code", FilterKind.Code),
        new("itemLedgerEntryQuantity", "Item Ledger Entry Quantity", "item_ledger_entry_quantity", FilterKind.Number),
        new("costAmountActual", "Cost Amount (Actual)", "cost_amount_actual", FilterKind.Number),
        new("costAmountExpected", "Cost Amount (Expected)", "cost_amount_expected", FilterKind.Number),
        new("salesAmountActual", "Sales Amount (Actual)", "sales_amount_actual", FilterKind.Number),
        new("itemLedgerEntryNumber", "Item Ledger Entry No.", "item_ledger_entry_no", FilterKind.Number),
        new("adjustment", "Adjustment", "adjustment", FilterKind.Boolean),
    ];

    /// <summary>The chart of accounts' filter pane. Income/Balance and Category filter on the stored names (ADR 017).</summary>
    public static readonly IReadOnlyList<FilterColumn> AccountFilterColumns =
    [
        new("number", "No.", "number", FilterKind.Code),
        new("displayName", "Name", "name", FilterKind.Text),
        new("incomeBalance", "Income/Balance", "income_balance", FilterKind.Text),
        new("category", "Category", "category", FilterKind.Text),
        new("directPosting", "Direct Posting", "direct_posting", FilterKind.Boolean),
        new("blocked", "Blocked", "blocked", FilterKind.Boolean),
    ];

    private const string AccountColumns =
        "number AS Number, name AS DisplayName, income_balance AS IncomeBalance, category AS Category, " +
        "direct_posting AS DirectPosting, blocked AS Blocked";

    /// <summary>One page of the chart of accounts: search, sort and the filter pane like every list, in number order by default.</summary>
    public Task<Page<GLAccountRow>> AccountsAsync(ListQuery query, CancellationToken cancellationToken = default) =>
        db.ReadAsync(session => new ListSql(
            "gl_accounts",
            AccountColumns,
            new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
            {
                ["number"] = "number",
                ["displayName"] = "name",
                ["incomeBalance"] = "income_balance",
                ["category"] = "category",
            },
            "number",
            ["number", "name"],
            tieBreaker: "number", // the key within the tenant: gl_accounts has no id column
            filterable: AccountFilterColumns).RunAsync<GLAccountRow>(session, query), cancellationToken);

    public Task<IReadOnlyList<GLAccountRow>> AccountsAsync(CancellationToken cancellationToken = default) =>
        db.ReadAsync<IReadOnlyList<GLAccountRow>>(async s => (await s.QueryAsync<GLAccountRow>(
            """
            SELECT number AS Number, name AS DisplayName, income_balance AS IncomeBalance, category AS Category,
                   direct_posting AS DirectPosting, blocked AS Blocked
            FROM gl_accounts WHERE tenant_id = @TenantId ORDER BY number
            """)).ToList(), cancellationToken);

    public Task<Page<GLEntryRow>> GLEntriesAsync(LedgerFilter filter, CancellationToken cancellationToken = default) =>
        db.ReadAsync(s =>
        {
            var where = Where(s, filter, GLEntryFilterColumns, [("gl_account_no", filter.AccountNumber)], [("value_entry_no", filter.ValueEntryNumber)]);
            return PageAsync<GLEntryRow>(s, filter, where,
                $"""
                SELECT entry_no AS EntryNumber, {Text(s, "posting_date")} AS PostingDate, document_no AS DocumentNumber,
                       gl_account_no AS AccountNumber, description AS Description, amount AS Amount, transaction_no AS TransactionNumber,
                       value_entry_no AS ValueEntryNumber
                FROM gl_entries
                """, "gl_entries");
        }, cancellationToken);

    public Task<Page<ValueEntryRow>> ValueEntriesAsync(LedgerFilter filter, CancellationToken cancellationToken = default) =>
        db.ReadAsync(async s =>
        {
            var where = Where(s, filter, ValueEntryFilterColumns, [("item_no", filter.ItemNumber), ("location_code", filter.LocationCode)],
                [("item_ledger_entry_no", filter.ItemLedgerEntryNumber)]);
            var page = await PageAsync<ValueEntryRow>(s, filter, where,
                $"""
                SELECT entry_no AS EntryNumber, item_ledger_entry_no AS ItemLedgerEntryNumber, item_no AS ItemNumber,
                       {Text(s, "posting_date")} AS PostingDate, {Text(s, "valuation_date")} AS ValuationDate, entry_type AS EntryType,
                       item_ledger_entry_type AS ItemLedgerEntryType, document_no AS DocumentNumber, location_code AS LocationCode,
                       item_ledger_entry_quantity AS ItemLedgerEntryQuantity, invoiced_quantity AS InvoicedQuantity,
                       cost_amount_expected AS CostAmountExpected, cost_amount_actual AS CostAmountActual,
                       sales_amount_actual AS SalesAmountActual, adjustment AS Adjustment
                FROM value_entries
                """, "value_entries");

            // The tables keep the enum names; the API speaks BC's words ("Direct Cost", "Positive Adjmt."), as postings answer.
            return new Page<ValueEntryRow>(page.Value.Select(v => v with
            {
                EntryType = Word<ValueEntryType>(v.EntryType), ItemLedgerEntryType = Word<ItemLedgerEntryType>(v.ItemLedgerEntryType),
            }).ToList(), page.Count);
        }, cancellationToken);

    /// <summary>A stored enum name as BC's word (<see cref="BcEnum"/>); text that is no such name stays as it is.</summary>
    private static string Word<TEnum>(string stored)
        where TEnum : struct, Enum =>
        BcEnum.TryParse<TEnum>(stored, out var value) ? BcEnum.ToWord(value) : stored;

    public Task<Page<ItemLedgerEntryRow>> ItemLedgerEntriesAsync(LedgerFilter filter, CancellationToken cancellationToken = default) =>
        db.ReadAsync(async s =>
        {
            var where = Where(s, filter, ItemLedgerEntryFilterColumns, [("item_no", filter.ItemNumber), ("location_code", filter.LocationCode)], []);
            var page = await PageAsync<EntryRow>(s, filter, where,
                $"""
                SELECT entry_no AS EntryNumber, item_no AS ItemNumber, {Text(s, "posting_date")} AS PostingDate, entry_type AS EntryType,
                       document_no AS DocumentNumber, description AS Description, location_code AS LocationCode, quantity AS Quantity
                FROM item_ledger_entries
                """, "item_ledger_entries");
            if (page.Value.Count == 0)
            {
                return new Page<ItemLedgerEntryRow>([], page.Count);
            }

            // BC's FlowFields of the entry: remaining quantity (open entries) and the cost/sales sums of its value entries.
            var numbers = page.Value.Select(e => e.EntryNumber).ToArray();

            // Dapper expands a list for SQLite; Npgsql takes the array itself.
            var inNumbers = s.Dialect.Provider == DatabaseProvider.Postgres ? "= ANY(@Numbers)" : "IN @Numbers";
            var remaining = (await s.QueryAsync<Amounts>(
                $"SELECT entry_no AS EntryNo, remaining_quantity AS Actual FROM open_item_entries WHERE tenant_id = @TenantId AND entry_no {inNumbers}",
                new { Numbers = numbers })).ToDictionary(r => r.EntryNo, r => r.Actual);
            var amounts = (await s.QueryAsync<Amounts>(
                    $"""
                    SELECT item_ledger_entry_no AS EntryNo, cost_amount_actual AS Actual, cost_amount_expected AS Expected, sales_amount_actual AS Sales
                    FROM value_entries WHERE tenant_id = @TenantId AND item_ledger_entry_no {inNumbers}
                    """, new { Numbers = numbers }))
                .GroupBy(v => v.EntryNo)
                .ToDictionary(g => g.Key, g => (Actual: g.Sum(v => v.Actual), Expected: g.Sum(v => v.Expected), Sales: g.Sum(v => v.Sales)));
            return new Page<ItemLedgerEntryRow>(page.Value.Select(e =>
            {
                var sums = amounts.GetValueOrDefault(e.EntryNumber);
                var open = remaining.TryGetValue(e.EntryNumber, out var left);
                return new ItemLedgerEntryRow
                {
                    EntryNumber = e.EntryNumber, ItemNumber = e.ItemNumber, PostingDate = e.PostingDate, EntryType = Word<ItemLedgerEntryType>(e.EntryType),
                    DocumentNumber = e.DocumentNumber, Description = e.Description, LocationCode = e.LocationCode, Quantity = e.Quantity,
                    RemainingQuantity = left, Open = open, CostAmountActual = sums.Actual, CostAmountExpected = sums.Expected,
                    SalesAmountActual = sums.Sales,
                };
            }).ToList(), page.Count);
        }, cancellationToken);

    /// <summary>Net change in the date range and balance at its end, per account (balance-sheet accounts from the beginning).</summary>
    public Task<IReadOnlyList<TrialBalanceRow>> TrialBalanceAsync(DateOnly? from, DateOnly? to, CancellationToken cancellationToken = default) =>
        db.ReadAsync<IReadOnlyList<TrialBalanceRow>>(async s =>
        {
            var accounts = await s.QueryAsync<GLAccountRow>(
                """
                SELECT number AS Number, name AS DisplayName, income_balance AS IncomeBalance, category AS Category,
                       direct_posting AS DirectPosting, blocked AS Blocked
                FROM gl_accounts WHERE tenant_id = @TenantId ORDER BY number
                """);
            var parameters = new DynamicParameters();
            var upTo = to is null ? "" : $" AND posting_date <= {Date(s, "To")}";
            if (to is not null)
            {
                parameters.Add("To", to.Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            }

            var entries = (await s.QueryAsync<AccountAmount>(
                $"SELECT gl_account_no AS Account, {Text(s, "posting_date")} AS Date, amount AS Amount FROM gl_entries WHERE tenant_id = @TenantId{upTo}",
                parameters)).ToList();
            var fromText = from?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            return accounts.Select(a =>
            {
                var own = entries.Where(e => e.Account == a.Number).ToList();
                var netChange = own.Where(e => fromText is null || string.CompareOrdinal(e.Date, fromText) >= 0).Sum(e => e.Amount);
                var balance = a.IncomeBalance == "BalanceSheet" ? own.Sum(e => e.Amount) : netChange;
                return new TrialBalanceRow { Number = a.Number, DisplayName = a.DisplayName, NetChange = netChange, Balance = balance };
            }).ToList();
        }, cancellationToken);

    private sealed record EntryRow
{
    public long EntryNumber { get; init; }
    public string ItemNumber { get; init; } = "";
    public string PostingDate { get; init; } = "";
    public string EntryType { get; init; } = "";
    public string DocumentNumber { get; init; } = "";
    public string Description { get; init; } = "";
    public string LocationCode { get; init; } = "";
    public decimal Quantity { get; init; }
}

    private sealed class Amounts
    {
        public long EntryNo { get; init; }
        public decimal Actual { get; init; }
        public decimal Expected { get; init; }
        public decimal Sales { get; init; }
    }

    private sealed class AccountAmount
    {
        public string Account { get; init; } = "";
        public string Date { get; init; } = "";
        public decimal Amount { get; init; }
    }

    private static (string Sql, DynamicParameters Parameters) Where(
        TenantSqlSession s, LedgerFilter filter, IReadOnlyList<FilterColumn> filterable, (string Column, string? Value)[] equals,
        (string Column, long? Value)[] links)
    {
        var conditions = new List<string> { "tenant_id = @TenantId" };
        var parameters = new DynamicParameters();
        foreach (var (column, value) in equals.Where(e => !string.IsNullOrWhiteSpace(e.Value)))
        {
            conditions.Add($"{column} = @{column}");
            parameters.Add(column, Codes.Normalize(value));
        }

        if (!string.IsNullOrWhiteSpace(filter.DocumentNumber))
        {
            conditions.Add("document_no = @DocumentNo");
            parameters.Add("DocumentNo", Codes.Normalize(filter.DocumentNumber));
        }

        foreach (var (column, value) in links.Append((Column: "entry_no", Value: filter.EntryNumber)).Where(l => l.Value is not null))
        {
            conditions.Add($"{column} = @{column}");
            parameters.Add(column, value!.Value);
        }

        if (filter.FromDate is { } from)
        {
            conditions.Add($"posting_date >= {Date(s, "From")}");
            parameters.Add("From", from.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        }

        if (filter.ToDate is { } to)
        {
            conditions.Add($"posting_date <= {Date(s, "To")}");
            parameters.Add("To", to.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        }

        var errors = new Validation();
        var format = filter.FilterFormat ?? FilterFormat.Iso(DateOnly.FromDateTime(DateTime.UtcNow));
        new FilterSql(s.Dialect, parameters).Apply(filter.Filters, filterable, format, conditions, errors);
        errors.ThrowIfInvalid();
        return (string.Join(" AND ", conditions), parameters);
    }

    private static async Task<Page<T>> PageAsync<T>(TenantSqlSession s, LedgerFilter filter, (string Sql, DynamicParameters Parameters) where, string select, string table)
    {
        var top = filter.Top ?? ListQuery.DefaultTop;
        var skip = filter.Skip ?? 0;
        if (top < 0 || skip < 0)
        {
            throw ValidationFailedException.For(top < 0 ? "$top" : "$skip", "must not be negative.");
        }

        where.Parameters.Add("Top", Math.Min(top, ListQuery.MaxTop));
        where.Parameters.Add("Skip", skip);
        var count = await s.ExecuteScalarAsync<long>($"SELECT COUNT(*) FROM {table} WHERE {where.Sql}", where.Parameters);
        var rows = await s.QueryAsync<T>($"{select} WHERE {where.Sql} ORDER BY entry_no LIMIT @Top OFFSET @Skip", where.Parameters);
        return new Page<T>(rows.ToList(), count);
    }

    // Dates travel as ISO text: SQLite stores them so, PostgreSQL converts both ways.
    private static string Text(TenantSqlSession s, string column) =>
        s.Dialect.Provider == DatabaseProvider.Postgres ? $"to_char({column}, 'YYYY-MM-DD')" : column;

    private static string Date(TenantSqlSession s, string parameter) =>
        s.Dialect.Provider == DatabaseProvider.Postgres ? $"CAST(@{parameter} AS date)" : "@" + parameter;
}
