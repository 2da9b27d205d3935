using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace Saas.Tests.Infrastructure;

/// <summary>Small helpers for BC API v2.0 calls: company URLs, raw JSON bodies, If-Match, reading problems.</summary>
public static class Api
{
    public static string Company(Guid tenantId, string path) => $"/api/v2.0/companies({tenantId})/{path}";

    public static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    public static async Task<HttpResponseMessage> PatchAsync(HttpClient client, string url, string json, string? ifMatch)
    {
        using var request = new HttpRequestMessage(HttpMethod.Patch, url) { Content = Json(json) };
        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }

        return await client.SendAsync(request);
    }

    public static async Task<HttpResponseMessage> GetAfterAsync(HttpClient client, string url, HttpResponseMessage command)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Add("X-Wait-For-Position", command.Headers.GetValues("X-Read-Position").Single());
        return await client.SendAsync(request);
    }

    /// <summary>A GET that must answer 200; the failure message carries the status and the body.</summary>
    public static async Task<JsonObject> GetOkAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await BodyAsync(response);
    }

    public static async Task<JsonObject> BodyAsync(HttpResponseMessage response) =>
        JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();

    public static MediaTypeHeaderValue? ContentType(HttpResponseMessage response) => response.Content.Headers.ContentType;
}
