using System.Text;
using static Saas.Tests.Identity.IdentityHost;

namespace Saas.Tests.Identity;

public sealed class token_endpoint_rejects_bad_input(IdentityHost host) : IClassFixture<IdentityHost>
{
    [Fact]
    public async Task missing_grant_type_is_invalid_request()
    {
        var response = await PostTokenAsync(host.CreateClient(), ("username", "a@example.test"));
        Assert.Equal("invalid_request", (await RequireErrorAsync(response, 400)).Error);
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
    }

    [Fact]
    public async Task an_unknown_grant_is_unsupported_grant_type()
    {
        // authorization_code is a grant now (with PKCE, ADR 011); an unknown one is still unsupported.
        var response = await PostTokenAsync(host.CreateClient(), ("grant_type", "urn:example:magic"), ("code", "x"));
        Assert.Equal("unsupported_grant_type", (await RequireErrorAsync(response, 400)).Error);

        var codeWithoutClient = await PostTokenAsync(host.CreateClient(), ("grant_type", "authorization_code"), ("code", "x"));
        Assert.Equal("invalid_request", (await RequireErrorAsync(codeWithoutClient, 400)).Error);
    }

    [Fact]
    public async Task json_instead_of_a_form_is_invalid_request()
    {
        var response = await host.CreateClient().PostAsync("/connect/token",
            new StringContent("""{"grant_type":"password"}""", Encoding.UTF8, "application/json"));
        Assert.Equal("invalid_request", (await RequireErrorAsync(response, 400)).Error);
    }

    [Fact]
    public async Task a_malformed_form_body_is_invalid_request()
    {
        var multipart = new MultipartFormDataContent("boundary") { { new StringContent("x"), "grant_type" } };
        multipart.Headers.ContentType!.Parameters.Clear();
        multipart.Headers.ContentType.Parameters.Add(new System.Net.Http.Headers.NameValueHeaderValue("boundary", "\"\""));

        var malformed = await host.CreateClient().PostAsync("/connect/token", multipart);

        Assert.Equal("invalid_request", (await RequireErrorAsync(malformed, 400)).Error);
    }

    [Fact]
    public async Task a_repeated_parameter_is_invalid_request()
    {
        var response = await PostTokenAsync(host.CreateClient(), ("grant_type", "password"), ("grant_type", "client_credentials"));
        Assert.Equal("invalid_request", (await RequireErrorAsync(response, 400)).Error);
    }

    [Fact]
    public async Task a_password_grant_without_credentials_is_invalid_request()
    {
        var response = await PostTokenAsync(host.CreateClient(), ("grant_type", "password"), ("username", "a@example.test"));
        Assert.Equal("invalid_request", (await RequireErrorAsync(response, 400)).Error);
    }
}
