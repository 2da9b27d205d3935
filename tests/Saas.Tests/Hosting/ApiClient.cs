using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace Saas.Tests.Hosting;

/// <summary>Signs in as a real person of a real company through the token endpoint, as an API client would.</summary>
public static class ApiClient
{
    public static async Task<HttpClient> SignedInAsync(this SaasFactory factory, string email, string? tenant = null, string? password = null)
    {
        var client = factory.CreateClient();
        var form = new Dictionary<string, string>
        {
            ["grant_type"] = "password",
            ["username"] = email,
            ["password"] = password ?? SaasFactory.DemoPassword,
        };
        if (tenant is not null)
        {
            form["tenant"] = tenant;
        }

        var response = await client.PostAsync("/connect/token", new FormUrlEncodedContent(form));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"Sign-in of {email} failed: {(int)response.StatusCode} {body}");
        var token = JsonDocument.Parse(body).RootElement.GetProperty("access_token").GetString();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    public static async Task<JsonElement> ReadJsonAsync(this HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode} {response.RequestMessage?.Method} {response.RequestMessage?.RequestUri}: {text}");
        return JsonDocument.Parse(text).RootElement;
    }

    public static Task<HttpResponseMessage> PatchAsJsonAsync<T>(this HttpClient client, string url, T body, string etag = "*")
    {
        var request = new HttpRequestMessage(HttpMethod.Patch, url) { Content = JsonContent.Create(body) };
        request.Headers.TryAddWithoutValidation("If-Match", etag);
        return client.SendAsync(request);
    }
}
