using System.Net;
using System.Text.Json.Nodes;
using Saas.Tests.Infrastructure;

namespace Saas.Tests.ItemCatalog;

/// <summary>Small steps the item catalog tests share: create through the API and read the answer.</summary>
internal static class Catalog
{
    public static async Task<JsonObject> CreatedAsync(HttpClient client, Guid tenantId, string path, string json)
    {
        var response = await client.PostAsync(Api.Company(tenantId, path), Api.Json(json));
        var body = await Api.BodyAsync(response);
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"POST {path} answered {(int)response.StatusCode}: {body.ToJsonString()}");
        body["__position"] = response.Headers.GetValues("X-Read-Position").Single();
        return body;
    }

    public static string Id(JsonObject body) => (string)body["id"]!;

    /// <summary>A GET that first waits for the read position of <paramref name="after"/>.</summary>
    public static async Task<JsonObject> ReadAsync(HttpClient client, Guid tenantId, string path, JsonObject after)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, Api.Company(tenantId, path));
        request.Headers.Add("X-Wait-For-Position", (string)after["__position"]!);
        var response = await client.SendAsync(request);
        var body = await Api.BodyAsync(response);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {path} answered {(int)response.StatusCode}: {body.ToJsonString()}");
        Assert.Equal("true", response.Headers.GetValues("X-Read-Position-Reached").Single());
        return body;
    }

    public static async Task AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status, string field)
    {
        var problem = await Api.BodyAsync(response);
        Assert.True(response.StatusCode == status, $"expected {(int)status}, got {(int)response.StatusCode}: {problem.ToJsonString()}");
        Assert.Equal("application/problem+json", Api.ContentType(response)?.MediaType);
        var named = problem["errors"]?.AsObject().ContainsKey(field) == true || (string?)problem["field"] == field;
        Assert.True(named, $"The problem does not name '{field}': {problem.ToJsonString()}");
    }
}
