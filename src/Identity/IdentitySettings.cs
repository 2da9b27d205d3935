namespace Saas.Identity;

/// <summary>Bound from the <c>Identity</c> configuration section.</summary>
public sealed class IdentitySettings
{
    public const string Section = "Identity";
    public const string Audience = "saas-api";

    /// <summary>
    /// Token issuer. When empty, the request's base URL is used (convenient for the embedded mode); set it
    /// in server mode so that every node behind a proxy issues and accepts the same value.
    /// </summary>
    public string? Issuer { get; set; }

    /// <summary>PEM (PKCS#8 or PKCS#1) RSA private key for server mode; every node must share it.</summary>
    public string? SigningKeyPem { get; set; }

    public TimeSpan AccessTokenLifetime { get; set; } = TimeSpan.FromMinutes(15);
    public TimeSpan RefreshTokenLifetime { get; set; } = TimeSpan.FromDays(14);
    public TimeSpan InvitationLifetime { get; set; } = TimeSpan.FromDays(7);
}
