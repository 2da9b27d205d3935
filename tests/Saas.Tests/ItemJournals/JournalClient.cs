using System.Net;
using System.Text.Json.Nodes;
using Saas.Tests.Infrastructure;
using Saas.Tenancy.Catalog;

namespace Saas.Tests.ItemJournals;

/// <summary>Calls of the stored item journal API as one caller (with the permissions it was given) of one company.</summary>
public sealed class JournalClient(HttpClient client, Guid tenantId) : IDisposable
{
    public static JournalClient For(PipelineApp app, Guid tenantId, params string[] permissions) =>
        new(app.ClientFor(new TenantInfo { Id = tenantId, Identifier = "x", Name = "x" }, permissions), tenantId);

    public HttpClient Http => client;

    public string Url(string path) => Api.Company(tenantId, path);

    /// <summary>The id of the DEFAULT batch of a template (every company has one per template).</summary>
    public async Task<Guid> DefaultBatchAsync(string template)
    {
        var list = await OkAsync(await client.GetAsync(Url($"itemJournals?$filter=template eq '{template}'")));
        var batch = list["value"]!.AsArray().Single(b => (string?)b!["code"] == "DEFAULT")!;
        return (Guid)batch["id"]!;
    }

    public Task<HttpResponseMessage> AddLineAsync(Guid batch, string json) =>
        client.PostAsync(Url($"itemJournals({batch})/itemJournalLines"), Api.Json(json));

    public async Task<JsonObject> AddLineOkAsync(Guid batch, string json) => await CreatedAsync(await AddLineAsync(batch, json));

    public async Task<JsonArray> LinesAsync(Guid batch) =>
        (await OkAsync(await client.GetAsync(Url($"itemJournals({batch})/itemJournalLines"))))["value"]!.AsArray();

    public Task<HttpResponseMessage> PatchLineAsync(Guid batch, JsonNode line, string json) =>
        Api.PatchAsync(client, Url($"itemJournals({batch})/itemJournalLines({(Guid)line["id"]!})"), json, (string?)line["@odata.etag"]);

    public Task<HttpResponseMessage> ActionAsync(Guid batch, string action, string json = "{}") =>
        client.PostAsync(Url($"itemJournals({batch})/Microsoft.NAV.{action}"), Api.Json(json));

    public static async Task<JsonObject> OkAsync(HttpResponseMessage response)
    {
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await Api.BodyAsync(response);
    }

    public static async Task<JsonObject> CreatedAsync(HttpResponseMessage response)
    {
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await Api.BodyAsync(response);
    }

    /// <summary>The problem's errors, asserting a 400.</summary>
    public static async Task<JsonObject> ErrorsAsync(HttpResponseMessage response)
    {
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return (await Api.BodyAsync(response))["errors"]!.AsObject();
    }

    public void Dispose() => client.Dispose();
}
