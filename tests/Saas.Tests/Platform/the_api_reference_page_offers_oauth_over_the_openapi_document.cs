using System.Net;
using System.Text.Json;
using Saas.Tests.Hosting;
using Saas.Web.Hosting;

namespace Saas.Tests.Platform;

/// <summary>
/// The API reference page (Scalar) at <c>/api/reference</c> reads the OpenAPI document, which declares OAuth 2.0
/// (authorization code, client credentials) and bearer tokens; the page has its own content security policy and no
/// other page gets its looser one.
/// </summary>
public sealed class the_api_reference_page_offers_oauth_over_the_openapi_document(SaasFactory factory) : IClassFixture<SaasFactory>
{
    [Fact]
    public async Task the_page_is_served_anonymously_from_this_site_with_its_own_policy()
    {
        var client = factory.CreateClient();

        var page = await client.GetAsync(ApiReference.Path);

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("\"url\":\"openapi/v1.json\"", html); // resolved against the site root by Scalar's loader
        Assert.DoesNotContain("cdn.jsdelivr.net", html);
        Assert.Equal(ApiReference.ContentSecurityPolicy, page.Headers.GetValues("Content-Security-Policy").Single());
        Assert.Contains("frame-ancestors 'none'", ApiReference.ContentSecurityPolicy);

        // Its script comes from this site.
        var script = System.Text.RegularExpressions.Regex.Match(html, "<script[^>]*src=\"([^\"]+)\"").Groups[1].Value;
        Assert.NotEmpty(script);
        var scriptUri = new Uri(new Uri("http://localhost" + ApiReference.Path + "/"), script);
        Assert.Equal("localhost", scriptUri.Host);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(scriptUri.PathAndQuery)).StatusCode);
    }

    [Fact]
    public async Task the_openapi_document_declares_oauth2_flows_and_bearer_tokens()
    {
        var document = JsonDocument.Parse(await factory.CreateClient().GetStringAsync("/openapi/v1.json")).RootElement;

        var schemes = document.GetProperty("components").GetProperty("securitySchemes");
        var oauth = schemes.GetProperty(ApiReference.OAuthScheme);
        Assert.Equal("oauth2", oauth.GetProperty("type").GetString());
        var code = oauth.GetProperty("flows").GetProperty("authorizationCode");
        Assert.Equal("/connect/authorize", code.GetProperty("authorizationUrl").GetString());
        Assert.Equal("/connect/token", code.GetProperty("tokenUrl").GetString());
        Assert.True(code.GetProperty("scopes").TryGetProperty("inventory", out _));
        Assert.Equal("/connect/token", oauth.GetProperty("flows").GetProperty("clientCredentials").GetProperty("tokenUrl").GetString());
        var bearer = schemes.GetProperty(ApiReference.BearerScheme);
        Assert.Equal("http", bearer.GetProperty("type").GetString());
        Assert.Equal("bearer", bearer.GetProperty("scheme").GetString());
        Assert.Equal(2, document.GetProperty("security").GetArrayLength());
    }
}
