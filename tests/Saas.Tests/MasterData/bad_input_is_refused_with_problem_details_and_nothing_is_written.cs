using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Saas.Tests.Infrastructure;
using Saas.Write;

namespace Saas.Tests.MasterData;

public abstract class bad_input_is_refused_with_problem_details_and_nothing_is_written<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : PipelineApp
{
    public static TheoryData<string, string, string> BadItems => new()
    {
        // body, path, the field (or problem title) the answer must name
        { """{ "displayName": "Broken", """, "items", "Malformed" },
        { """[1, 2, 3]""", "items", "Malformed" },
        { """{ "unitPrice": 10 }""", "items", "displayName" },
        { """{ "displayName": "   " }""", "items", "displayName" },
        { "{ \"displayName\": \"" + new string('x', 101) + "\" }", "items", "displayName" },
        { """{ "displayName": "Cheap", "unitPrice": -0.01 }""", "items", "unitPrice" },
        { """{ "displayName": "Cheap", "unitCost": -5 }""", "items", "unitCost" },
        { """{ "displayName": "Odd", "type": "Gadget" }""", "items", "type" },
        { """{ "displayName": "Odd", "costingMethod": "Random" }""", "items", "costingMethod" },
        { """{ "displayName": "Typo", "unitPirce": 5 }""", "items", "Malformed" },
        { """{ "displayName": "Text price", "unitPrice": "5" }""", "items", "Malformed" },
        { """{ "number": "123456789012345678901", "displayName": "Long number" }""", "items", "number" },
        { """{ "displayName": "Broke", "creditLimit": -1 }""", "customers", "creditLimit" },
        { """{ "displayName": "Mail", "email": "not-an-address" }""", "customers", "email" },
        { """{ "displayName": "Blocked", "blocked": "Everything" }""", "customers", "blocked" },
        { """{ "displayName": "Blocked", "blocked": "Ship" }""", "vendors", "blocked" },
        { """{ "displayName": "No code" }""", "locations", "code" },
        { """{ "code": "WAY-TOO-LONG", "displayName": "Long code" }""", "locations", "code" },
    };

    [Theory]
    [MemberData(nameof(BadItems))]
    public async Task with_a_400_problem_naming_the_field(string json, string path, string names)
    {
        var tenant = await app.NewTenantAsync();
        using var client = app.ClientFor(tenant, "Items.Write", "Customers.Write", "Vendors.Write", "Locations.Write");
        var before = await CountAsync(tenant.Id);

        var response = await client.PostAsync(Api.Company(tenant.Id, path), Api.Json(json));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", Api.ContentType(response)?.MediaType);
        var problem = await Api.BodyAsync(response);
        var named = problem["errors"]?.AsObject().ContainsKey(names) == true
            || ((string?)problem["title"])?.Contains(names, StringComparison.Ordinal) == true;
        Assert.True(named, $"The problem does not name '{names}': {problem.ToJsonString()}");
        Assert.Equal(before, await CountAsync(tenant.Id));
    }

    [Fact]
    public async Task a_patch_with_bad_input_changes_nothing()
    {
        var tenant = await app.NewTenantAsync();
        using var client = app.ClientFor(tenant, "Items.Write");
        var created = await client.PostAsync(Api.Company(tenant.Id, "items"), Api.Json("""{ "displayName": "Stable" }"""));
        var id = (string)(await Api.BodyAsync(created))["id"]!;
        var before = await CountAsync(tenant.Id);

        var response = await Api.PatchAsync(client, Api.Company(tenant.Id, $"items({id})"), """{ "unitPrice": -1, "type": "Nope" }""", "*");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(before, await CountAsync(tenant.Id));
        var card = await Api.BodyAsync(await Api.GetAfterAsync(client, Api.Company(tenant.Id, $"items({id})"), created));
        Assert.Equal("W/\"1\"", (string?)card["@odata.etag"]);
    }

    /// <summary>Everything a refused request could have written: master data rows and outbox rows.</summary>
    private Task<(int Items, int Customers, int Vendors, int Locations, int Outbox)> CountAsync(Guid tenantId) =>
        app.InTenantAsync(tenantId, async sp =>
        {
            var db = sp.GetRequiredService<WriteDbContext>();
            return (await db.Items.CountAsync(), await db.Customers.CountAsync(), await db.Vendors.CountAsync(),
                await db.Locations.CountAsync(), await db.Outbox.CountAsync());
        });
}

public sealed class bad_input_is_refused_with_problem_details_and_nothing_is_written_on_sqlite(SqliteApp app)
    : bad_input_is_refused_with_problem_details_and_nothing_is_written<SqliteApp>(app);

public sealed class bad_input_is_refused_with_problem_details_and_nothing_is_written_on_postgres(PostgresApp app)
    : bad_input_is_refused_with_problem_details_and_nothing_is_written<PostgresApp>(app);
