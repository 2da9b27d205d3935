using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using static Saas.Tests.Identity.IdentityHost;

namespace Saas.Tests.Identity;

public sealed class token_requests_are_rate_limited(IdentityHost host) : IClassFixture<IdentityHost>
{
    [Fact]
    public async Task past_the_burst_a_caller_gets_429_with_retry_after_and_a_problem()
    {
        await using var limited = new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
        {
            b.UseSetting("Database:DataDirectory", host.DataDirectory);
            b.UseSetting("RateLimits:Token:Burst", "3");
            b.UseSetting("RateLimits:Token:PerMinute", "6");
            b.UseEnvironment("Development");
        });
        var client = limited.CreateClient();
        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage? last = null;
        for (var i = 0; i < 4; i++)
        {
            // Wrong passwords and malformed requests count too: OpenIddict answers those before any endpoint runs.
            last = await PostTokenAsync(client, ("grant_type", "password"), ("username", $"nobody{i}@example.test"), ("password", "wrong password"));
            statuses.Add(last.StatusCode);
        }

        Assert.Equal([HttpStatusCode.BadRequest, HttpStatusCode.BadRequest, HttpStatusCode.BadRequest, HttpStatusCode.TooManyRequests], statuses);
        Assert.True(int.Parse(last!.Headers.GetValues("Retry-After").Single()) > 0);
        Assert.Equal("application/problem+json", last.Content.Headers.ContentType?.MediaType);
        Assert.Equal(429, JsonDocument.Parse(await last.Content.ReadAsStringAsync()).RootElement.GetProperty("status").GetInt32());

        // The limit is on the token endpoint only: discovery still answers.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/.well-known/openid-configuration")).StatusCode);
    }
}
