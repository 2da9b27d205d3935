using System.Buffers;
using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Saas.Tests.Infrastructure;
using Saas.Web.Hosting;
using Saas.Write;

namespace Saas.Tests.Security;

/// <summary>
/// Issue 9: names accepted NUL, control characters and right-to-left overrides (<c>"\u202eevil\u202c"</c>,
/// <c>"a\u0001\u0007\u001bb"</c>) in 13 endpoints. One check refuses them in every text of every /api JSON body,
/// naming the field by the JSON path the client sent; nothing is written.
/// </summary>
public sealed class control_characters_are_refused_in_every_api_text(SqliteApp app) : IClassFixture<SqliteApp>
{
    public static TheoryData<string, string, string> Bodies => new()
    {
        // path, body (JSON escapes, as a client sends them), the field the problem must name
        { "customers", """{ "displayName": "\u202eevil\u202c" }""", "displayName" },
        { "items", """{ "displayName": "a\u0001\u0007\u001bb" }""", "displayName" },
        { "vendors", """{ "displayName": "Null\u0000byte" }""", "displayName" },
        { "locations", """{ "code": "MAIN", "displayName": "Isolate \u2066x\u2069" }""", "displayName" },
        { "customers", """{ "displayName": "Fine", "addressLine1": "C1 \u0085 control" }""", "addressLine1" },
        { "customers", """{ "displayName": "Fine", "city": "Tab\there" }""", "city" },
        { "itemJournals/Microsoft.NAV.post", """{ "lines": [ { "itemNumber": "1000" }, { "itemNumber": "10\u202e00" } ] }""", "lines[1].itemNumber" },
    };

    [Theory]
    [MemberData(nameof(Bodies))]
    public async Task with_a_400_problem_naming_the_field_and_nothing_written(string path, string json, string field)
    {
        var tenant = await app.NewTenantAsync();
        using var client = app.ClientFor(tenant, "Items.Write", "Customers.Write", "Vendors.Write", "Locations.Write");
        var before = await CountAsync(tenant.Id);

        var response = await client.PostAsync(Api.Company(tenant.Id, path), Api.Json(json));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", Api.ContentType(response)?.MediaType);
        var problem = await Api.BodyAsync(response);
        Assert.True(problem["errors"]?.AsObject().ContainsKey(field) == true, $"The problem does not name '{field}': {problem.ToJsonString()}");
        Assert.Equal(before, await CountAsync(tenant.Id));
    }

    [Fact]
    public async Task ordinary_text_in_many_scripts_passes()
    {
        var tenant = await app.NewTenantAsync();
        using var client = app.ClientFor(tenant, "Customers.Write");

        var response = await client.PostAsync(
            Api.Company(tenant.Id, "customers"), Api.Json("""{ "displayName": "Ærø Møbler — שלום مرحبا 東京 😀" }"""));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    [Theory]
    [InlineData("""{ "a": { "b": [ "ok", { "c": "x\u0007" } ] } }""", "a.b[1].c")]
    [InlineData("""[ { "n": 1 }, { "n": 2, "s": "\u202d" } ]""", "[1].s")]
    [InlineData("""{ "na\u0000me": "value" }""", "na\u0000me")]
    [InlineData("""{ "first": [1, 2, [3]], "second": "\u009f" }""", "second")]
    public void the_field_is_named_by_its_json_path(string json, string path)
    {
        var refused = ControlCharacters.Find(new ReadOnlySequence<byte>(Encoding.UTF8.GetBytes(json)));

        Assert.Equal([path], refused.Keys);
    }

    private Task<(int, int, int, int, int)> CountAsync(Guid tenantId) =>
        app.InTenantAsync(tenantId, async sp =>
        {
            var db = sp.GetRequiredService<WriteDbContext>();
            return (await db.Items.CountAsync(), await db.Customers.CountAsync(), await db.Vendors.CountAsync(),
                await db.Locations.CountAsync(), await db.Outbox.CountAsync());
        });
}
