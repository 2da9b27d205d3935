using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Saas.Tests.Hosting;

namespace Saas.Tests.Isolation;

/// <summary>
/// Every endpoint of the running application states who may call it: authorization metadata (a policy,
/// roles or plain "signed in") or an explicit AllowAnonymous. A new endpoint that says neither fails here,
/// instead of silently relying on a fallback policy nobody remembers.
/// </summary>
public sealed class every_endpoint_declares_who_may_call_it(SaasFactory factory) : IClassFixture<SaasFactory>
{
    /// <summary>
    /// Endpoints that carry no tenant data and are served to anyone by design. Each entry says why; matched on
    /// the route pattern's start.
    /// </summary>
    private static readonly (string Prefix, string Why)[] FrameworkEndpoints =
    [
        ("_framework/", "Blazor's own scripts (blazor.web.js): static framework files"),
        ("_blazor", "Blazor's circuit negotiation and disconnect endpoints; the components they render are authorized themselves"),
        ("_content/", "static web assets of referenced packages"),
        ("{**path:file}", "MapStaticAssets' development fallback: serves only files under wwwroot changed since the build manifest; the fallback policy (signed in) still applies"),
    ];

    [Fact]
    public void every_endpoint_has_authorization_metadata_or_explicit_anonymous_access()
    {
        var endpoints = factory.Services.GetRequiredService<EndpointDataSource>().Endpoints;
        Assert.NotEmpty(endpoints);
        var undeclared = endpoints
            .Where(e => e.Metadata.GetMetadata<IAllowAnonymous>() is null && e.Metadata.GetOrderedMetadata<IAuthorizeData>().Count == 0)
            .Where(e => !IsFrameworkEndpoint(e))
            .Select(Describe)
            .Order()
            .ToList();
        Assert.True(undeclared.Count == 0, "Endpoints without [Authorize] or [AllowAnonymous]:\n" + string.Join("\n", undeclared));
    }

    [Fact]
    public void the_exempt_list_only_covers_framework_and_static_endpoints()
    {
        var exempt = factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.Where(IsFrameworkEndpoint).ToList();
        foreach (var endpoint in exempt)
        {
            var methods = endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? [];
            var pattern = (endpoint as RouteEndpoint)?.RoutePattern.RawText ?? "";
            Assert.False(
                pattern.Contains("api/", StringComparison.OrdinalIgnoreCase) || pattern.Contains("companies", StringComparison.OrdinalIgnoreCase),
                $"An exempt endpoint looks like an API: {Describe(endpoint)}");
            Assert.True(methods.Count == 0 || methods.All(m => m is "GET" or "HEAD" or "POST"), $"Unexpected methods on {Describe(endpoint)}");
        }
    }

    private static bool IsFrameworkEndpoint(Endpoint endpoint)
    {
        var pattern = ((endpoint as RouteEndpoint)?.RoutePattern.RawText ?? "").TrimStart('/');
        if (FrameworkEndpoints.Any(f => pattern.StartsWith(f.Prefix, StringComparison.OrdinalIgnoreCase) || pattern == f.Prefix))
        {
            return true;
        }

        // MapStaticAssets: fingerprinted files from wwwroot (css, js, images), described by their own metadata type.
        return endpoint.Metadata.Any(m => m.GetType().FullName?.Contains("StaticAsset", StringComparison.Ordinal) == true);
    }

    private static string Describe(Endpoint endpoint)
    {
        var methods = endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["*"];
        return $"{string.Join(',', methods)} {(endpoint as RouteEndpoint)?.RoutePattern.RawText} ({endpoint.DisplayName})";
    }
}
