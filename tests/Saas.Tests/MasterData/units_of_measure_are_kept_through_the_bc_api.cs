using System.Net;
using Saas.Tests.Hosting;
using static Saas.Tests.Finance.FinanceSetupClient;

namespace Saas.Tests.MasterData;

/// <summary>
/// Units of Measure (BC table 204) through <c>unitsOfMeasure</c>: BC's usual units are there from the start, units
/// are created, changed and deleted by those who maintain items, an item's base unit of measure must name one, and
/// a unit that is some item's base unit cannot be deleted.
/// </summary>
public abstract class units_of_measure_are_kept_through_the_bc_api<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : SaasFactory
{
    [Fact]
    public async Task a_company_starts_with_bc_usual_units()
    {
        var rita = await AsAsync(factory, "rita@contoso.example");
        var pieces = await rita.RowAsync("unitsOfMeasure", ("code", "PCS"));
        Assert.Equal("Piece", (string?)pieces["displayName"]);
        Assert.Equal("EA", (string?)pieces["internationalStandardCode"]);
        Assert.NotNull(pieces["lastModifiedDateTime"]);
        foreach (var code in new[] { "BOX", "KG", "HOUR", "PACK" })
        {
            await rita.RowAsync("unitsOfMeasure", ("code", code));
        }
    }

    [Fact]
    public async Task a_unit_is_created_changed_and_deleted_and_its_code_stays()
    {
        var pia = await AsAsync(factory, "pia@contoso.example");
        var code = Unique("U");
        var created = await pia.CreatedAsync("unitsOfMeasure", $$"""{ "code": "{{code.ToLowerInvariant()}}", "displayName": "Crate", "internationalStandardCode": "cr" }""");
        Assert.Equal(code, (string?)created["code"]);
        Assert.Equal("CR", (string?)created["internationalStandardCode"]);
        var card = $"unitsOfMeasure({created["id"]})";

        var changed = await pia.PatchAsync(card, """{ "displayName": "Wooden crate" }""", (string?)created["@odata.etag"]);
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.Equal("Wooden crate", (string?)(await pia.GetAsync(card))["displayName"]);
        var stale = await pia.PatchAsync(card, """{ "displayName": "Lost" }""", (string?)created["@odata.etag"]);
        Assert.Equal(HttpStatusCode.PreconditionFailed, stale.StatusCode);

        await FieldErrorAsync(await pia.PatchAsync(card, """{ "code": "OTHER" }"""), "code");
        await FieldErrorAsync(await pia.PostAsync("unitsOfMeasure", """{ "code": "" }"""), "code");
        await FieldErrorAsync(await pia.PostAsync("unitsOfMeasure", """{ "code": "TOO-LONG-CODE" }"""), "code");
        await ProblemAsync(await pia.PostAsync("unitsOfMeasure", $$"""{ "code": "{{code}}" }"""), HttpStatusCode.Conflict);

        Assert.Equal(HttpStatusCode.NoContent, (await pia.Http.DeleteAsync(Url(card))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await pia.Http.GetAsync(Url(card))).StatusCode);
    }

    [Fact]
    public async Task an_item_names_an_existing_base_unit_of_measure()
    {
        var pia = await AsAsync(factory, "pia@contoso.example");
        var number = Unique("UOM");
        var unknown = await pia.PostAsync("items", $$"""{ "number": "{{number}}", "displayName": "Nails", "baseUnitOfMeasureCode": "NOSUCH" }""");
        Assert.Contains("there is no unit of measure 'NOSUCH'", await FieldErrorAsync(unknown, "baseUnitOfMeasureCode"));
        Assert.Empty((await pia.GetAsync($"items?$search={number}"))["value"]!.AsArray());

        var item = await pia.CreatedAsync("items", $$"""{ "number": "{{number}}", "displayName": "Nails", "baseUnitOfMeasureCode": "box" }""");
        Assert.Equal("BOX", (string?)item["baseUnitOfMeasureCode"]);
        var refused = await pia.PatchAsync($"items({item["id"]})", """{ "baseUnitOfMeasureCode": "NOSUCH" }""");
        await FieldErrorAsync(refused, "baseUnitOfMeasureCode");
        Assert.Equal(HttpStatusCode.OK, (await pia.PatchAsync($"items({item["id"]})", """{ "baseUnitOfMeasureCode": "KG" }""")).StatusCode);
    }

    [Fact]
    public async Task a_catalog_item_names_an_existing_unit_as_the_item_made_from_it_will()
    {
        var pia = await AsAsync(factory, "pia@contoso.example");
        var unknown = await pia.PostAsync("catalogItems", $$"""{ "entryNumber": "{{Unique("NS")}}", "displayName": "Glue", "unitOfMeasureCode": "NOSUCH" }""");
        await FieldErrorAsync(unknown, "unitOfMeasureCode");
        var entry = await pia.CreatedAsync("catalogItems", $$"""{ "entryNumber": "{{Unique("NS")}}", "displayName": "Glue", "unitOfMeasureCode": "can" }""");
        Assert.Equal("CAN", (string?)entry["unitOfMeasureCode"]);
        await FieldErrorAsync(await pia.PatchAsync($"catalogItems({entry["id"]})", """{ "unitOfMeasureCode": "NOSUCH" }"""), "unitOfMeasureCode");
    }

    [Fact]
    public async Task a_unit_that_is_an_item_base_unit_cannot_be_deleted()
    {
        var pia = await AsAsync(factory, "pia@contoso.example");
        var code = Unique("U");
        var unit = await pia.CreatedAsync("unitsOfMeasure", $$"""{ "code": "{{code}}", "displayName": "Roll" }""");
        var number = Unique("ROLL");
        await pia.CreatedAsync("items", $$"""{ "number": "{{number}}", "displayName": "Tape", "baseUnitOfMeasureCode": "{{code}}" }""");

        var refused = await pia.Http.DeleteAsync(Url($"unitsOfMeasure({unit["id"]})"));
        Assert.Contains($"base unit of measure of item {number}", (string?)(await ProblemAsync(refused, HttpStatusCode.Conflict))["detail"]);
        Assert.Equal(code, (string?)(await pia.GetAsync($"unitsOfMeasure({unit["id"]})"))["code"]);
    }

    [Fact]
    public async Task every_member_reads_the_units_and_only_item_maintainers_change_them()
    {
        var sam = await AsAsync(factory, "sam@contoso.example");
        Assert.Equal(HttpStatusCode.OK, (await sam.Http.GetAsync(Url("unitsOfMeasure"))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await sam.PostAsync("unitsOfMeasure", $$"""{ "code": "{{Unique("S")}}" }""")).StatusCode);
        var pieces = await sam.RowAsync("unitsOfMeasure", ("code", "PCS"));
        Assert.Equal(HttpStatusCode.Forbidden, (await sam.Http.DeleteAsync(Url($"unitsOfMeasure({pieces["id"]})"))).StatusCode);
    }
}

public sealed class units_of_measure_are_kept_through_the_bc_api_on_sqlite(SaasFactory factory)
    : units_of_measure_are_kept_through_the_bc_api<SaasFactory>(factory);

public sealed class units_of_measure_are_kept_through_the_bc_api_on_postgres(PostgresSaasFactory factory)
    : units_of_measure_are_kept_through_the_bc_api<PostgresSaasFactory>(factory);
