using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Saas.Tests.Security;

/// <summary>
/// The in-memory test server has no client address; this filter takes it from <see cref="Header"/>, so a test can
/// play a person and a stranger at different addresses against the same server. Test hosts only.
/// </summary>
public sealed class ClientAddressFromHeader : IStartupFilter
{
    public const string Header = "X-Test-Client-Address";

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use((http, following) =>
        {
            if (http.Request.Headers[Header].ToString() is { Length: > 0 } address)
            {
                http.Connection.RemoteIpAddress = IPAddress.Parse(address);
            }

            return following(http);
        });
        next(app);
    };
}

/// <summary>A browser's way of signing in: the login form with its antiforgery token, cookies kept.</summary>
public static class SignInClients
{
    public static HttpClient Browser<T>(this WebApplicationFactory<T> factory, string? address = null, Uri? baseAddress = null)
        where T : class
    {
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions
        {
            AllowAutoRedirect = false,
            HandleCookies = true,
            BaseAddress = baseAddress ?? new Uri("http://localhost"),
        });
        if (address is not null)
        {
            client.DefaultRequestHeaders.Add(ClientAddressFromHeader.Header, address);
        }

        return client;
    }

    /// <summary>Posts the sign-in form; returns where it redirected to (<c>/</c> on success, <c>/account/login?error=…</c> otherwise).</summary>
    public static async Task<string> SignInAsync(this HttpClient browser, string email, string password)
    {
        var response = await PostFormAsync(browser, "/account/login", ("email", email), ("password", password));
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"sign-in answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return response.Headers.Location!.OriginalString;
    }

    public static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string path, params (string Key, string Value)[] form)
    {
        var tokens = await client.GetFromJsonAsync<JsonElement>("/account/antiforgery");
        var fields = form.Select(p => new KeyValuePair<string, string>(p.Key, p.Value))
            .Append(new("__RequestVerificationToken", tokens.GetProperty("token").GetString()!));
        return await client.PostAsync(path, new FormUrlEncodedContent(fields));
    }
}
