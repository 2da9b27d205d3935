using System.Net;
using Saas.Tests.Hosting;
using static Saas.Tests.Finance.FinanceSetupClient;

namespace Saas.Tests.Finance;

/// <summary>
/// No. Series through <c>noSeries</c>: every member reads the series, Administrators and Accountants change the
/// description, starting number and increment, and Last No. Used only moves forward (going back would hand out
/// numbers again); the next card numbered from the series follows the edit.
/// </summary>
public abstract class number_series_are_edited_forward_only<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : SaasFactory
{
    [Fact]
    public async Task the_accountant_moves_the_customer_series_forward_and_the_next_customer_follows()
    {
        var alex = await AsAsync(factory, "alex@contoso.example");
        var series = await alex.RowAsync("noSeries", ("code", "CUST"));
        Assert.Equal("C00010", (string?)series["startingNo"]);
        Assert.Equal(10, (int?)series["incrementByNo"]);
        var card = $"noSeries({series["id"]})";

        var moved = await alex.PatchAsync(card, """{ "lastNoUsed": "C90000", "description": "Customers (moved)" }""", (string?)series["@odata.etag"]);
        Assert.Equal(HttpStatusCode.OK, moved.StatusCode);
        var customer = await alex.CreatedAsync("customers", """{ "displayName": "Numbered after the move" }""");
        Assert.Equal("C90010", (string?)customer["number"]);

        var back = await alex.PatchAsync(card, """{ "lastNoUsed": "C00020" }""");
        Assert.Contains("can only move forward", await FieldErrorAsync(back, "lastNoUsed"));
        await FieldErrorAsync(await alex.PatchAsync(card, """{ "incrementByNo": 0 }"""), "incrementByNo");
        await FieldErrorAsync(await alex.PatchAsync(card, """{ "startingNo": "NODIGITS" }"""), "startingNo");
        var stale = await alex.PatchAsync(card, """{ "description": "Stale" }""", (string?)series["@odata.etag"]);
        Assert.Equal(HttpStatusCode.PreconditionFailed, stale.StatusCode);

        var after = await alex.GetAsync(card);
        Assert.Equal("C90010", (string?)after["lastNoUsed"]);
        Assert.Equal("Customers (moved)", (string?)after["description"]);
    }

    [Fact]
    public async Task only_finance_roles_change_a_series_and_there_is_no_creating_one()
    {
        var rita = await AsAsync(factory, "rita@contoso.example");
        var items = await rita.RowAsync("noSeries", ("code", "ITEM"));
        var refused = await rita.PatchAsync($"noSeries({items["id"]})", """{ "description": "Mine" }""");
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        var will = await AsAsync(factory, "will@contoso.example");
        Assert.Equal(HttpStatusCode.Forbidden, (await will.PatchAsync($"noSeries({items["id"]})", """{ "description": "Mine" }""")).StatusCode);

        var anna = await AsAsync(factory, "anna@contoso.example");
        Assert.Equal(HttpStatusCode.MethodNotAllowed, (await anna.PostAsync("noSeries", """{ "code": "NEW" }""")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await anna.PatchAsync($"noSeries({items["id"]})", """{ "incrementByNo": 1 }""")).StatusCode);
    }
}

public sealed class number_series_are_edited_forward_only_on_sqlite(SaasFactory factory) : number_series_are_edited_forward_only<SaasFactory>(factory);

public sealed class number_series_are_edited_forward_only_on_postgres(PostgresSaasFactory factory) : number_series_are_edited_forward_only<PostgresSaasFactory>(factory);
