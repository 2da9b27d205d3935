using System.Net;
using Saas.Tests.Hosting;
using static Saas.Tests.Finance.FinanceSetupClient;

namespace Saas.Tests.Finance;

/// <summary>
/// G/L accounts through the BC API as Contoso's accountant: created, read, changed with If-Match, deleted; and BC's
/// refusals: a taken number, an account with ledger entries (delete, income/balance), an account named by setup.
/// </summary>
public abstract class the_chart_of_accounts_follows_bc_rules<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : SaasFactory
{
    [Fact]
    public async Task an_account_is_created_changed_and_deleted()
    {
        var alex = await AsAsync(factory, "alex@contoso.example");
        var number = Unique("9");
        var created = await alex.CreatedAsync("accounts", $$"""{ "number": "{{number}}", "displayName": "Bank fees", "category": "Expense", "directPosting": true }""");
        Assert.Equal("Income Statement", (string?)created["incomeBalance"]);
        Assert.Equal("Posting", (string?)created["accountType"]);
        var id = (string?)created["id"];

        var card = await alex.GetAsync($"accounts({id})");
        Assert.Equal("Bank fees", (string?)card["displayName"]);
        Assert.Equal(number, (string?)(await alex.RowAsync("accounts", ("number", number)))["number"]);
        Assert.Equal(1, (int)(await alex.GetAsync($"accounts?$search={number}"))["@odata.count"]!);

        var changed = await alex.PatchAsync($"accounts({id})", """{ "displayName": "Bank charges", "blocked": true }""", (string?)card["@odata.etag"]);
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        var stale = await alex.PatchAsync($"accounts({id})", """{ "displayName": "Again" }""", (string?)card["@odata.etag"]);
        await ProblemAsync(stale, HttpStatusCode.PreconditionFailed);
        await ProblemAsync(await alex.PatchAsync($"accounts({id})", """{ "displayName": "No etag" }""", null), HttpStatusCode.PreconditionRequired);
        Assert.True((bool)(await alex.GetAsync($"accounts({id})"))["blocked"]!);

        var duplicate = await alex.PostAsync("accounts", $$"""{ "number": "{{number.ToLowerInvariant()}}", "displayName": "Twice", "category": "Expense" }""");
        Assert.Contains(number, (string?)(await ProblemAsync(duplicate, HttpStatusCode.Conflict))["detail"]);

        Assert.Equal(HttpStatusCode.NoContent, (await alex.Http.DeleteAsync(Url($"accounts({id})"))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await alex.Http.GetAsync(Url($"accounts({id})"))).StatusCode);
    }

    [Fact]
    public async Task bad_account_input_names_the_field_and_writes_nothing()
    {
        var alex = await AsAsync(factory, "alex@contoso.example");
        var number = Unique("8");
        var bad = await alex.PostAsync("accounts", $$"""{ "number": "{{number}}", "displayName": "", "category": "Wealth" }""");
        Assert.Contains("Wealth", await FieldErrorAsync(bad, "category"));
        var inconsistent = await alex.PostAsync("accounts", $$"""{ "number": "{{number}}", "displayName": "Odd", "category": "Assets", "incomeBalance": "Income Statement" }""");
        Assert.Contains("Balance Sheet", await FieldErrorAsync(inconsistent, "incomeBalance"));
        var heading = await alex.PostAsync("accounts", $$"""{ "number": "{{number}}", "displayName": "Heading", "category": "Assets", "accountType": "Heading" }""");
        await FieldErrorAsync(heading, "accountType");
        Assert.Equal(0, (int)(await alex.GetAsync($"accounts?$search={number}"))["@odata.count"]!);
    }

    [Fact]
    public async Task an_account_with_entries_keeps_its_income_balance_and_cannot_be_deleted()
    {
        var alex = await AsAsync(factory, "alex@contoso.example");
        var anna = await AsAsync(factory, "anna@contoso.example");
        var item = Unique("COA");
        await anna.CreatedAsync("items", $$"""{ "number": "{{item}}", "displayName": "Chart test", "type": "Inventory", "baseUnitOfMeasureCode": "PCS", "unitCost": 3 }""");
        var posted = await anna.PostAsync("itemJournals/Microsoft.NAV.post", $$"""
            { "lines": [ { "entryType": "Positive Adjmt.", "itemNumber": "{{item}}", "locationCode": "MAIN", "postingDate": "2027-02-01", "quantity": 2, "unitCost": 3 } ] }
            """);
        Assert.Equal(HttpStatusCode.Created, posted.StatusCode);

        var inventory = await alex.RowAsync("accounts", ("number", "1300"));
        var delete = await alex.Http.DeleteAsync(Url($"accounts({inventory["id"]})"));
        Assert.Contains("block it instead", (string?)(await ProblemAsync(delete, HttpStatusCode.Conflict))["detail"]);
        var income = await alex.PatchAsync($"accounts({inventory["id"]})", """{ "category": "Income" }""");
        Assert.Contains("ledger entries", await FieldErrorAsync(income, "incomeBalance"));
        Assert.Equal("Assets", (string?)(await alex.GetAsync($"accounts({inventory["id"]})"))["category"]);

        // Renaming and blocking stay possible (BC's answer to an account that may no longer be used).
        var renamed = await alex.PatchAsync($"accounts({inventory["id"]})", """{ "displayName": "Inventory, goods" }""");
        Assert.Equal(HttpStatusCode.OK, renamed.StatusCode);
        await alex.PatchAsync($"accounts({inventory["id"]})", """{ "displayName": "Inventory" }""");
    }

    [Fact]
    public async Task an_account_named_by_setup_cannot_be_deleted_and_the_refusal_says_where()
    {
        var alex = await AsAsync(factory, "alex@contoso.example");
        var number = Unique("7");
        var account = await alex.CreatedAsync("accounts", $$"""{ "number": "{{number}}", "displayName": "Spare COGS", "category": "Cost of Goods Sold" }""");
        var product = Unique("GP");
        await alex.CreatedAsync("generalProductPostingGroups", $$"""{ "code": "{{product}}", "description": "Spare" }""");
        await alex.CreatedAsync("generalPostingSetups", $$"""{ "generalBusinessPostingGroup": "DOMESTIC", "generalProductPostingGroup": "{{product}}", "cogsAccount": "{{number}}" }""");

        var delete = await alex.Http.DeleteAsync(Url($"accounts({account["id"]})"));
        var detail = (string?)(await ProblemAsync(delete, HttpStatusCode.Conflict))["detail"];
        Assert.Contains($"General Posting Setup DOMESTIC × {product} (COGS Account)", detail);
    }
}

public sealed class the_chart_of_accounts_follows_bc_rules_on_sqlite(SaasFactory factory)
    : the_chart_of_accounts_follows_bc_rules<SaasFactory>(factory);

public sealed class the_chart_of_accounts_follows_bc_rules_on_postgres(PostgresSaasFactory factory)
    : the_chart_of_accounts_follows_bc_rules<PostgresSaasFactory>(factory);
