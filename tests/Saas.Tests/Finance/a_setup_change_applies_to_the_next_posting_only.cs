using System.Net;
using System.Text.Json.Nodes;
using Saas.Tests.Hosting;
using static Saas.Tests.Finance.FinanceSetupClient;

namespace Saas.Tests.Finance;

/// <summary>
/// Posting reads the setup when it posts: after the accountant points a location's inventory at a new account, the
/// next posting goes there, and what was posted before stays exactly where it was. Allowed posting dates and closed
/// inventory periods from the G/L setup refuse postings outside them.
/// </summary>
public abstract class a_setup_change_applies_to_the_next_posting_only<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : SaasFactory
{
    [Fact]
    public async Task a_new_inventory_account_receives_the_next_posting_and_old_entries_stay()
    {
        var alex = await AsAsync(factory, "alex@contoso.example");
        var anna = await AsAsync(factory, "anna@contoso.example");
        var location = Unique("L");
        var item = Unique("SET");
        // A new location gets its inventory posting setup with the company's inventory accounts (1300/1310).
        await anna.CreatedAsync("locations", $$"""{ "code": "{{location}}", "displayName": "Setup test" }""");
        var setup = await alex.RowAsync("inventoryPostingSetups", ("locationCode", location), ("inventoryPostingGroup", "RESALE"));
        Assert.Equal("1300", (string?)setup["inventoryAccount"]);
        await anna.CreatedAsync("items", $$"""{ "number": "{{item}}", "displayName": "Setup test", "type": "Inventory", "baseUnitOfMeasureCode": "PCS", "unitCost": 4 }""");

        var first = await PostAsync(anna, item, location, "2027-03-01");
        var firstInventory = first.Single(e => (string?)e!["accountNumber"] == "1300")!;
        Assert.Equal(20m, (decimal)firstInventory["amount"]!);

        var newAccount = Unique("13");
        await alex.CreatedAsync("accounts", $$"""{ "number": "{{newAccount}}", "displayName": "Inventory, second warehouse", "category": "Assets" }""");
        var changed = await alex.PatchAsync($"inventoryPostingSetups({setup["id"]})", $$"""{ "inventoryAccount": "{{newAccount}}" }""", (string?)setup["@odata.etag"]);
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);

        var second = await PostAsync(anna, item, location, "2027-03-02");
        Assert.DoesNotContain(second, e => (string?)e!["accountNumber"] == "1300");
        Assert.Equal(20m, (decimal)second.Single(e => (string?)e!["accountNumber"] == newAccount)!["amount"]!);

        // The first posting's G/L entry is untouched: same entry, same account, same amount.
        var onOld = (await anna.GetAsync($"generalLedgerEntries?accountNumber=1300&documentNumber={first.First()!["documentNumber"]}"))["value"]!.AsArray();
        var kept = Assert.Single(onOld)!;
        Assert.Equal((long)firstInventory["entryNumber"]!, (long)kept["entryNumber"]!);
        Assert.Equal(20m, (decimal)kept["amount"]!);
        var onNew = (await anna.GetAsync($"generalLedgerEntries?accountNumber={newAccount}"))["value"]!.AsArray();
        Assert.Single(onNew);

        // The account that now carries entries cannot leave the balance sheet any more.
        var account = await alex.RowAsync("accounts", ("number", newAccount));
        await FieldErrorAsync(await alex.PatchAsync($"accounts({account["id"]})", """{ "category": "Expense" }"""), "incomeBalance");
    }

    [Fact]
    public async Task allowed_posting_dates_and_closed_periods_come_from_the_edited_setup()
    {
        var alex = await AsAsync(factory, "alex@contoso.example");
        var anna = await AsAsync(factory, "anna@contoso.example");
        var item = Unique("DAT");
        await anna.CreatedAsync("items", $$"""{ "number": "{{item}}", "displayName": "Date test", "type": "Inventory", "baseUnitOfMeasureCode": "PCS", "unitCost": 1 }""");
        var setup = await alex.GetAsync("generalLedgerSetup");
        var reversed = await alex.PatchAsync("generalLedgerSetup", """{ "allowPostingFrom": "2027-05-31", "allowPostingTo": "2027-05-01" }""", (string?)setup["@odata.etag"]);
        Assert.Contains("allowPostingFrom", await FieldErrorAsync(reversed, "allowPostingTo"));
        await FieldErrorAsync(await alex.PatchAsync("generalLedgerSetup", """{ "averageCostPeriod": "Fortnight" }"""), "averageCostPeriod");

        var limited = await alex.PatchAsync("generalLedgerSetup", """{ "allowPostingFrom": "2027-05-01", "allowPostingTo": "2027-05-31" }""", (string?)setup["@odata.etag"]);
        Assert.Equal(HttpStatusCode.OK, limited.StatusCode);
        try
        {
            Assert.Equal(HttpStatusCode.PreconditionFailed, (await alex.PatchAsync("generalLedgerSetup", """{ "allowNegativeInventory": false }""", (string?)setup["@odata.etag"])).StatusCode);
            var outside = await PostRawAsync(anna, item, "MAIN", "2027-06-01");
            Assert.Contains("not within your range of allowed posting dates", await outside.Content.ReadAsStringAsync());
            Assert.Equal(HttpStatusCode.Created, (await PostRawAsync(anna, item, "MAIN", "2027-05-10")).StatusCode);

            var closed = await alex.PatchAsync("generalLedgerSetup", """{ "inventoryClosedThrough": "2027-05-15" }""");
            Assert.Equal(HttpStatusCode.OK, closed.StatusCode);
            var inClosed = await PostRawAsync(anna, item, "MAIN", "2027-05-12");
            Assert.Contains("closed inventory period", await inClosed.Content.ReadAsStringAsync());
        }
        finally
        {
            var reset = await alex.PatchAsync("generalLedgerSetup", """{ "allowPostingFrom": null, "allowPostingTo": null, "inventoryClosedThrough": null }""");
            Assert.Equal(HttpStatusCode.OK, reset.StatusCode);
        }

        var open = await alex.GetAsync("generalLedgerSetup");
        Assert.Null(open["allowPostingFrom"]);
        Assert.Null(open["inventoryClosedThrough"]);
    }

    private static async Task<JsonArray> PostAsync(FinanceSetupClient client, string item, string location, string date)
    {
        var response = await PostRawAsync(client, item, location, date);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, text);
        return JsonNode.Parse(text)!["generalLedgerEntries"]!.AsArray();
    }

    private static Task<HttpResponseMessage> PostRawAsync(FinanceSetupClient client, string item, string location, string date) =>
        client.PostAsync("itemJournals/Microsoft.NAV.post", $$"""
            { "lines": [ { "entryType": "Positive Adjmt.", "itemNumber": "{{item}}", "locationCode": "{{location}}", "postingDate": "{{date}}", "quantity": 5, "unitCost": 4 } ] }
            """);
}

public sealed class a_setup_change_applies_to_the_next_posting_only_on_sqlite(SaasFactory factory)
    : a_setup_change_applies_to_the_next_posting_only<SaasFactory>(factory);

public sealed class a_setup_change_applies_to_the_next_posting_only_on_postgres(PostgresSaasFactory factory)
    : a_setup_change_applies_to_the_next_posting_only<PostgresSaasFactory>(factory);
