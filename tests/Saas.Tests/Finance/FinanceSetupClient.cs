using System.Net;
using System.Text.Json.Nodes;
using Saas.Tests.Hosting;
using Saas.Tests.Infrastructure;
using Saas.Web.Startup;

namespace Saas.Tests.Finance;

/// <summary>Contoso's people over the real API (each test uses its own codes, so tests of a class share the company safely).</summary>
public sealed class FinanceSetupClient(HttpClient client)
{
    public static readonly Guid Contoso = DemoData.Companies[0].Id;

    public HttpClient Http { get; } = client;

    public static async Task<FinanceSetupClient> AsAsync(SaasFactory factory, string email) =>
        new(await factory.SignedInAsync(email, DemoData.Companies[0].Identifier));

    public static string Url(string path) => Api.Company(Contoso, path);

    public static string Unique(string prefix) => prefix + Guid.NewGuid().ToString("N")[..6].ToUpperInvariant();

    public Task<HttpResponseMessage> PostAsync(string path, string json) => Http.PostAsync(Url(path), Api.Json(json));

    public async Task<JsonObject> CreatedAsync(string path, string json)
    {
        var response = await PostAsync(path, json);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"POST {path}: {(int)response.StatusCode} {text}");
        return JsonNode.Parse(text)!.AsObject();
    }

    public Task<HttpResponseMessage> PatchAsync(string path, string json, string? etag = "*") => Api.PatchAsync(Http, Url(path), json, etag);

    public async Task<JsonObject> GetAsync(string path)
    {
        var response = await Http.GetAsync(Url(path));
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {path}: {(int)response.StatusCode} {text}");
        return JsonNode.Parse(text)!.AsObject();
    }

    /// <summary>The row of a list whose fields have the given values.</summary>
    public async Task<JsonObject> RowAsync(string list, params (string Field, string Value)[] key)
    {
        var rows = (await GetAsync(list + "?$top=1000"))["value"]!.AsArray();
        return rows.Single(r => key.All(k => (string?)r![k.Field] == k.Value))!.AsObject();
    }

    public static async Task<JsonObject> ProblemAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"expected {(int)expected}, got {(int)response.StatusCode}: {text}");
        return JsonNode.Parse(text)!.AsObject();
    }

    /// <summary>The reasons a 400 problem gives for one field.</summary>
    public static async Task<string> FieldErrorAsync(HttpResponseMessage response, string field)
    {
        var problem = await ProblemAsync(response, HttpStatusCode.BadRequest);
        var errors = problem["errors"]!.AsObject();
        Assert.True(errors.ContainsKey(field), $"no error for {field}: {problem.ToJsonString()}");
        return string.Join(" ", errors[field]!.AsArray().Select(e => (string?)e));
    }
}
