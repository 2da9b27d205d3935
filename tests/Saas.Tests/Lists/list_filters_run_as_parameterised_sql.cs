using Microsoft.Extensions.DependencyInjection;
using Saas.Read.Common;
using Saas.Read.Finance;
using Saas.Read.MasterData;
using Saas.Tests.Infrastructure;
using Saas.Write.Common;
using Saas.Write.Inventory;
using static Saas.Tests.Posting.PostingHarness;

namespace Saas.Tests.Lists;

/// <summary>The filter pane's expressions applied by the read side's SQL, on each provider: the rows that match and only those.</summary>
public abstract class list_filters_run_as_parameterised_sql<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : PipelineApp
{
    private async Task<Guid> CompanyWithItemsAsync()
    {
        var tenant = await app.NewTenantAsync();
        Guid position = default;
        foreach (var (number, name, price, blocked) in new[]
                 {
                     ("A-100", "Bike", 9.5m, false), ("A-200", "Bike helmet", 10m, false), ("B-100", "Chair", 15.25m, true),
                     ("B-200", "Table", 20m, false), ("C-100", "Lamp 100% LED", 120m, false),
                 })
        {
            var created = await app.InTenantAsync(tenant.Id, sp => sp.GetRequiredService<CreateItemHandler>().HandleAsync(new CreateItem
            {
                Number = number, DisplayName = name, UnitPrice = price, Blocked = blocked,
            }));
            position = created.ReadPosition;
        }

        await app.SettleAsync(tenant.Id, position);
        return tenant.Id;
    }

    private Task<string[]> ItemsAsync(Guid tenant, params (string Field, string Expression)[] filters) =>
        app.InTenantAsync(tenant, async sp =>
        {
            var page = await sp.GetRequiredService<ItemQueries>().ListAsync(new ItemListQuery
            {
                Filters = filters.ToDictionary(f => f.Field, f => f.Expression),
            });
            return page.Value.Select(i => i.Number).ToArray();
        });

    [Fact]
    public async Task ranges_comparisons_wildcards_and_alternatives_select_the_matching_items()
    {
        var tenant = await CompanyWithItemsAsync();
        Assert.Equal(["A-200", "B-100", "B-200"], await ItemsAsync(tenant, ("unitPrice", "10..20")));
        Assert.Equal(["B-200", "C-100"], await ItemsAsync(tenant, ("unitPrice", ">15.25")));
        Assert.Equal(["A-100", "A-200", "B-100"], await ItemsAsync(tenant, ("unitPrice", "..15.25")));
        Assert.Equal(["A-100", "A-200"], await ItemsAsync(tenant, ("number", "a*")));
        Assert.Equal(["A-100", "B-100", "C-100"], await ItemsAsync(tenant, ("number", "?-1*")));
        Assert.Equal(["A-100", "B-200"], await ItemsAsync(tenant, ("displayName", "bike|TABLE")));
        Assert.Equal(["A-200", "B-100", "B-200", "C-100"], await ItemsAsync(tenant, ("number", "<>A-100")));
        Assert.Equal(["B-100"], await ItemsAsync(tenant, ("blocked", "Yes")));
        Assert.Equal(["A-200"], await ItemsAsync(tenant, ("number", "A*"), ("unitPrice", ">=10")));
        Assert.Equal(["A-100", "B-200"], await ItemsAsync(tenant, ("number", "A-100..A-150|B-200")));

        // LIKE's own wildcards typed by a user are literal text, and quotes make * literal too.
        Assert.Equal(["C-100"], await ItemsAsync(tenant, ("displayName", "*100%*")));
        Assert.Empty(await ItemsAsync(tenant, ("displayName", "'Bike*'")));
        Assert.Empty(await ItemsAsync(tenant, ("displayName", "_ike")));

        // What looks like SQL is a value like any other.
        Assert.Empty(await ItemsAsync(tenant, ("displayName", "x' OR '1'='1")));
    }

    [Fact]
    public async Task bad_filters_are_refused_naming_the_field()
    {
        var tenant = await CompanyWithItemsAsync();
        var refused = await Assert.ThrowsAsync<ValidationFailedException>(() => ItemsAsync(tenant, ("unitPrice", "ten"), ("number", "A*"), ("colour", "red")));
        Assert.Contains("not a number", Assert.Single(refused.Errors["unitPrice"]));
        Assert.Contains("cannot be filtered on", Assert.Single(refused.Errors["colour"]));
        Assert.False(refused.Errors.ContainsKey("number"));
    }

    [Fact]
    public async Task ledger_entries_are_filtered_by_date_range_and_amount()
    {
        var company = await NewCompanyAsync(app);
        var item = await company.ItemAsync("DATED", CostingMethod.FIFO);
        await company.PostAsync(PositiveAdjmt(item, 1, 10, new DateOnly(2027, 1, 4)));
        await company.PostAsync(PositiveAdjmt(item, 2, 10, new DateOnly(2027, 1, 31)));
        await company.PostAsync(PositiveAdjmt(item, 3, 10, new DateOnly(2027, 2, 1)));

        Task<decimal[]> QuantitiesAsync(params (string, string)[] filters) => app.InTenantAsync(company.TenantId, async sp =>
            (await sp.GetRequiredService<LedgerQueries>().ItemLedgerEntriesAsync(new LedgerFilter
            {
                Filters = filters.ToDictionary(f => f.Item1, f => f.Item2),
            })).Value.Select(e => e.Quantity).ToArray());

        Assert.Equal([1m, 2m], await QuantitiesAsync(("postingDate", "..2027-01-31")));
        Assert.Equal([2m, 3m], await QuantitiesAsync(("postingDate", "2027-01-05..2027-12-31")));
        Assert.Equal([1m, 3m], await QuantitiesAsync(("postingDate", "2027-01-04|2027-02-01")));
        Assert.Equal([3m], await QuantitiesAsync(("quantity", ">2"), ("itemNumber", "dated")));
        var refused = await Assert.ThrowsAsync<ValidationFailedException>(() => QuantitiesAsync(("postingDate", "31/01/2027")));
        Assert.Contains("not a date", Assert.Single(refused.Errors["postingDate"]));

        var amounts = await app.InTenantAsync(company.TenantId, async sp =>
            (await sp.GetRequiredService<LedgerQueries>().GLEntriesAsync(new LedgerFilter
            {
                Filters = new Dictionary<string, string> { ["amount"] = ">=20", ["postingDate"] = "2027-01-31" },
            })).Value.Select(e => e.Amount).ToArray());
        Assert.Equal([20m], amounts);
    }
}

public sealed class list_filters_run_as_parameterised_sql_on_sqlite(SqliteApp app) : list_filters_run_as_parameterised_sql<SqliteApp>(app);

public sealed class list_filters_run_as_parameterised_sql_on_postgres(PostgresApp app) : list_filters_run_as_parameterised_sql<PostgresApp>(app);
