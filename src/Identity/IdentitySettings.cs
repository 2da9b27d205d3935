namespace Saas.Identity;

/// <summary>Bound from the <c>Identity</c> configuration section.</summary>
public sealed class IdentitySettings
{
    public const string Section = "Identity";

    /// <summary>The resource (audience) every access token names.</summary>
    public const string Audience = "saas-api";

    /// <summary>
    /// Token issuer, e.g. <c>https://trade.example.com</c>. Never taken from a request's Host header. When empty,
    /// the first configured URL (<c>urls</c>/<c>ASPNETCORE_URLS</c>, else the server's first address) is used,
    /// decided once at start; nodes behind a proxy or reached by several names must all set the same value.
    /// </summary>
    public string? Issuer { get; set; }

    /// <summary>
    /// PEM of an X.509 certificate with its private key: encrypts the ASP.NET data-protection keys at rest (which
    /// in turn protect the token keys, cookies and antiforgery tokens). Every node needs the same one. When empty,
    /// one is created once under <c>{DataDirectory}/keys/</c> (owner-only), which suits the embedded mode only.
    /// </summary>
    public string? KeyProtectionCertificatePem { get; set; }

    public TimeSpan AccessTokenLifetime { get; set; } = TimeSpan.FromMinutes(15);
    public TimeSpan RefreshTokenLifetime { get; set; } = TimeSpan.FromDays(14);
    public TimeSpan AuthorizationCodeLifetime { get; set; } = TimeSpan.FromMinutes(5);
    public TimeSpan InvitationLifetime { get; set; } = TimeSpan.FromDays(7);

    /// <summary>How long one signing/encryption key signs or encrypts new tokens before the next one takes over.</summary>
    public TimeSpan KeyRotationPeriod { get; set; } = TimeSpan.FromDays(30);

    /// <summary>How often every node re-reads the keys from the database.</summary>
    public TimeSpan KeyRefreshInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// How long before it signs a new key is published: more than twice <see cref="KeyRefreshInterval"/>, so
    /// every node accepts its tokens before the first one is issued.
    /// </summary>
    public TimeSpan KeyPropagation { get; set; } = TimeSpan.FromMinutes(10);
}
