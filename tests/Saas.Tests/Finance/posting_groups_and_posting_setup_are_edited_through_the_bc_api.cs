using System.Net;
using Saas.Tests.Hosting;
using static Saas.Tests.Finance.FinanceSetupClient;

namespace Saas.Tests.Finance;

/// <summary>
/// Posting groups and the three posting setup matrices through the BC API: CRUD, every account field checked
/// (exists, not blocked; the error names the field and the account), groups in use refused with their user named.
/// </summary>
public abstract class posting_groups_and_posting_setup_are_edited_through_the_bc_api<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : SaasFactory
{
    [Theory]
    [InlineData("generalBusinessPostingGroups")]
    [InlineData("generalProductPostingGroups")]
    [InlineData("inventoryPostingGroups")]
    [InlineData("customerPostingGroups")]
    [InlineData("vendorPostingGroups")]
    [InlineData("vatBusinessPostingGroups")]
    [InlineData("vatProductPostingGroups")]
    public async Task each_kind_of_posting_group_is_created_changed_and_deleted(string resource)
    {
        var alex = await AsAsync(factory, "alex@contoso.example");
        var code = Unique("PG");
        var created = await alex.CreatedAsync(resource, $$"""{ "code": "{{code.ToLowerInvariant()}}", "description": "First" }""");
        Assert.Equal(code, (string?)created["code"]);
        var changed = await alex.PatchAsync($"{resource}({created["id"]})", """{ "description": "Second" }""", (string?)created["@odata.etag"]);
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.Equal("Second", (string?)(await alex.GetAsync($"{resource}({created["id"]})"))["description"]);
        await ProblemAsync(await alex.PostAsync(resource, $$"""{ "code": "{{code}}" }"""), HttpStatusCode.Conflict);
        await FieldErrorAsync(await alex.PatchAsync($"{resource}({created["id"]})", """{ "code": "OTHER" }"""), "code");
        Assert.Equal(HttpStatusCode.NoContent, (await alex.Http.DeleteAsync(Url($"{resource}({created["id"]})"))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await alex.Http.GetAsync(Url($"{resource}({created["id"]})"))).StatusCode);
    }

    [Fact]
    public async Task customer_and_vendor_groups_name_a_usable_account()
    {
        var alex = await AsAsync(factory, "alex@contoso.example");
        var customers = await alex.CreatedAsync("customerPostingGroups", $$"""{ "code": "{{Unique("CG")}}", "receivablesAccount": "1200" }""");
        Assert.Equal("1200", (string?)customers["receivablesAccount"]);
        var missing = await alex.PatchAsync($"customerPostingGroups({customers["id"]})", """{ "receivablesAccount": "9999999" }""");
        Assert.Contains("G/L Account 9999999 does not exist", await FieldErrorAsync(missing, "receivablesAccount"));
        var wrongField = await alex.PostAsync("vendorPostingGroups", $$"""{ "code": "{{Unique("VG")}}", "receivablesAccount": "2100" }""");
        await FieldErrorAsync(wrongField, "receivablesAccount");
    }

    [Fact]
    public async Task a_group_in_use_cannot_be_deleted_and_the_refusal_names_the_user()
    {
        var alex = await AsAsync(factory, "alex@contoso.example");
        var retail = await alex.RowAsync("generalProductPostingGroups", ("code", "RETAIL"));
        var byItemOrSetup = await alex.Http.DeleteAsync(Url($"generalProductPostingGroups({retail["id"]})"));
        var detail = (string?)(await ProblemAsync(byItemOrSetup, HttpStatusCode.Conflict))["detail"];
        Assert.Matches("(Item |General Posting Setup ).* uses it", detail);

        var business = Unique("GB");
        var group = await alex.CreatedAsync("generalBusinessPostingGroups", $$"""{ "code": "{{business}}" }""");
        var row = await alex.CreatedAsync("generalPostingSetups", $$"""{ "generalBusinessPostingGroup": "{{business}}", "generalProductPostingGroup": "RETAIL" }""");
        var refused = await alex.Http.DeleteAsync(Url($"generalBusinessPostingGroups({group["id"]})"));
        Assert.Contains($"General Posting Setup {business} × RETAIL uses it", (string?)(await ProblemAsync(refused, HttpStatusCode.Conflict))["detail"]);
        Assert.Equal(HttpStatusCode.NoContent, (await alex.Http.DeleteAsync(Url($"generalPostingSetups({row["id"]})"))).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await alex.Http.DeleteAsync(Url($"generalBusinessPostingGroups({group["id"]})"))).StatusCode);
    }

    [Fact]
    public async Task general_posting_setup_rows_are_created_changed_and_every_account_field_is_checked()
    {
        var alex = await AsAsync(factory, "alex@contoso.example");
        var product = Unique("GP");
        await alex.CreatedAsync("generalProductPostingGroups", $$"""{ "code": "{{product}}" }""");
        var unknownGroup = await alex.PostAsync("generalPostingSetups", """{ "generalBusinessPostingGroup": "NOWHERE", "generalProductPostingGroup": "RETAIL" }""");
        Assert.Contains("Gen. Business Posting Group NOWHERE does not exist", await FieldErrorAsync(unknownGroup, "generalBusinessPostingGroup"));

        var row = await alex.CreatedAsync("generalPostingSetups", $$"""
            { "generalBusinessPostingGroup": "", "generalProductPostingGroup": "{{product}}", "salesAccount": "4000", "cogsAccount": "5000",
              "inventoryAdjustmentAccount": "5300", "directCostAppliedAccount": "5200" }
            """);
        Assert.Equal("", (string?)row["generalBusinessPostingGroup"]);
        Assert.Equal("5000", (string?)row["cogsAccount"]);
        Assert.Equal(1, (int)(await alex.GetAsync($"generalPostingSetups?$search={product}"))["@odata.count"]!);

        foreach (var field in new[]
                 {
                     "salesAccount", "salesCreditMemoAccount", "purchaseAccount", "purchaseCreditMemoAccount", "cogsAccount", "cogsInterimAccount",
                     "inventoryAdjustmentAccount", "inventoryAccrualInterimAccount", "directCostAppliedAccount", "overheadAppliedAccount",
                     "purchaseVarianceAccount",
                 })
        {
            var bad = await alex.PatchAsync($"generalPostingSetups({row["id"]})", $$"""{ "{{field}}": "NO-SUCH" }""");
            Assert.Contains("G/L Account NO-SUCH does not exist", await FieldErrorAsync(bad, field));
        }

        var blockedNo = Unique("6");
        var blocked = await alex.CreatedAsync("accounts", $$"""{ "number": "{{blockedNo}}", "displayName": "Closed", "category": "Expense", "blocked": true }""");
        Assert.True((bool)blocked["blocked"]!);
        var toBlocked = await alex.PatchAsync($"generalPostingSetups({row["id"]})", $$"""{ "cogsAccount": "{{blockedNo}}" }""");
        Assert.Contains($"G/L Account {blockedNo} is blocked", await FieldErrorAsync(toBlocked, "cogsAccount"));
        await FieldErrorAsync(await alex.PatchAsync($"generalPostingSetups({row["id"]})", """{ "generalProductPostingGroup": "RETAIL" }"""), "generalProductPostingGroup");
        Assert.Equal("5000", (string?)(await alex.GetAsync($"generalPostingSetups({row["id"]})"))["cogsAccount"]);

        var changed = await alex.PatchAsync($"generalPostingSetups({row["id"]})", """{ "cogsAccount": "5010", "purchaseVarianceAccount": "5400" }""", (string?)row["@odata.etag"]);
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        var card = await alex.GetAsync($"generalPostingSetups({row["id"]})");
        Assert.Equal("5010", (string?)card["cogsAccount"]);
        Assert.Equal("5400", (string?)card["purchaseVarianceAccount"]);
        Assert.Equal(HttpStatusCode.PreconditionFailed, (await alex.PatchAsync($"generalPostingSetups({row["id"]})", """{ "cogsAccount": "5000" }""", (string?)row["@odata.etag"])).StatusCode);
        await ProblemAsync(await alex.PostAsync("generalPostingSetups", $$"""{ "generalBusinessPostingGroup": "", "generalProductPostingGroup": "{{product}}" }"""), HttpStatusCode.Conflict);
        Assert.Equal(HttpStatusCode.NoContent, (await alex.Http.DeleteAsync(Url($"generalPostingSetups({row["id"]})"))).StatusCode);
    }

    [Fact]
    public async Task two_accountants_changing_the_same_row_at_once_cannot_both_win()
    {
        var alex = await AsAsync(factory, "alex@contoso.example");
        var anna = await AsAsync(factory, "anna@contoso.example");
        var product = Unique("GP");
        await alex.CreatedAsync("generalProductPostingGroups", $$"""{ "code": "{{product}}" }""");
        var row = await alex.CreatedAsync("generalPostingSetups", $$"""{ "generalBusinessPostingGroup": "", "generalProductPostingGroup": "{{product}}", "cogsAccount": "5000" }""");
        var etag = (string?)row["@odata.etag"];

        // Both read the same version; the setup lock makes the second one see the first one's change and refuse.
        var results = await Task.WhenAll(
            alex.PatchAsync($"generalPostingSetups({row["id"]})", """{ "cogsAccount": "5010" }""", etag),
            anna.PatchAsync($"generalPostingSetups({row["id"]})", """{ "cogsAccount": "5300" }""", etag));
        Assert.Single(results, r => r.StatusCode == HttpStatusCode.OK);
        Assert.Single(results, r => r.StatusCode == HttpStatusCode.PreconditionFailed);
        var winner = results.Single(r => r.StatusCode == HttpStatusCode.OK) == results[0] ? "5010" : "5300";
        Assert.Equal(winner, (string?)(await alex.GetAsync($"generalPostingSetups({row["id"]})"))["cogsAccount"]);
    }

    [Fact]
    public async Task vat_and_inventory_posting_setup_rows_round_trip()
    {
        var alex = await AsAsync(factory, "alex@contoso.example");
        var vatProduct = Unique("VP");
        await alex.CreatedAsync("vatProductPostingGroups", $$"""{ "code": "{{vatProduct}}" }""");
        var vat = await alex.CreatedAsync("vatPostingSetups", $$"""
            { "vatBusinessPostingGroup": "EU", "vatProductPostingGroup": "{{vatProduct}}", "vatPercent": 19.5, "vatCalculationType": "Reverse Charge VAT",
              "salesVatAccount": "2200", "purchaseVatAccount": "1400", "reverseChargeVatAccount": "2210" }
            """);
        Assert.Equal(19.5m, (decimal)vat["vatPercent"]!);
        Assert.Equal("Reverse Charge VAT", (string?)vat["vatCalculationType"]);
        await FieldErrorAsync(await alex.PatchAsync($"vatPostingSetups({vat["id"]})", """{ "vatPercent": 120 }"""), "vatPercent");
        await FieldErrorAsync(await alex.PatchAsync($"vatPostingSetups({vat["id"]})", """{ "vatCalculationType": "Sales Tax" }"""), "vatCalculationType");
        await FieldErrorAsync(await alex.PatchAsync($"vatPostingSetups({vat["id"]})", """{ "reverseChargeVatAccount": "" }"""), "reverseChargeVatAccount");
        var normal = await alex.PatchAsync($"vatPostingSetups({vat["id"]})", """{ "vatCalculationType": "Normal", "reverseChargeVatAccount": "", "vatPercent": 7 }""");
        Assert.Equal(HttpStatusCode.OK, normal.StatusCode);
        Assert.Equal(7m, (decimal)(await alex.GetAsync($"vatPostingSetups({vat["id"]})"))["vatPercent"]!);

        var group = Unique("IG");
        await alex.CreatedAsync("inventoryPostingGroups", $$"""{ "code": "{{group}}" }""");
        var missingLocation = await alex.PostAsync("inventoryPostingSetups", $$"""{ "locationCode": "NOWHERE", "inventoryPostingGroup": "{{group}}" }""");
        Assert.Contains("Location NOWHERE does not exist", await FieldErrorAsync(missingLocation, "locationCode"));
        var inventory = await alex.CreatedAsync("inventoryPostingSetups", $$"""{ "locationCode": "MAIN", "inventoryPostingGroup": "{{group}}", "inventoryAccount": "1300", "inventoryInterimAccount": "1310" }""");
        Assert.Contains("G/L Account X does not exist", await FieldErrorAsync(await alex.PatchAsync($"inventoryPostingSetups({inventory["id"]})", """{ "inventoryInterimAccount": "x" }"""), "inventoryInterimAccount"));
        Assert.Equal(HttpStatusCode.NoContent, (await alex.Http.DeleteAsync(Url($"inventoryPostingSetups({inventory["id"]})"))).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await alex.Http.DeleteAsync(Url($"vatPostingSetups({vat["id"]})"))).StatusCode);
    }
}

public sealed class posting_groups_and_posting_setup_are_edited_through_the_bc_api_on_sqlite(SaasFactory factory)
    : posting_groups_and_posting_setup_are_edited_through_the_bc_api<SaasFactory>(factory);

public sealed class posting_groups_and_posting_setup_are_edited_through_the_bc_api_on_postgres(PostgresSaasFactory factory)
    : posting_groups_and_posting_setup_are_edited_through_the_bc_api<PostgresSaasFactory>(factory);
