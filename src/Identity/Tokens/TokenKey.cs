namespace Saas.Identity.Tokens;

/// <summary>
/// One RSA key of the token service, kept in the catalog database so that every node signs, encrypts and
/// validates with the same keys. The private key is stored protected by ASP.NET data protection (whose own keys
/// are encrypted with the certificate from configuration), never in clear and never in a file.
/// </summary>
public sealed class TokenKey
{
    public const string Signing = "sig";
    public const string Encryption = "enc";

    public Guid Id { get; init; } = Guid.CreateVersion7();

    /// <summary><see cref="Signing"/> or <see cref="Encryption"/>.</summary>
    public required string Use { get; init; }

    /// <summary>RFC 7638 thumbprint of the public key: the <c>kid</c> in token headers and in the JWKS.</summary>
    public required string KeyId { get; init; }

    /// <summary>PKCS#8 PEM of the private key, protected with data protection.</summary>
    public required string ProtectedPem { get; init; }

    public DateTime CreatedUtc { get; init; }

    /// <summary>
    /// From then on the key signs (or encrypts) new tokens. Later than <see cref="CreatedUtc"/> by the key ring's
    /// refresh interval and more, so that every node already validates with it when the first token appears.
    /// </summary>
    public DateTime ActiveFromUtc { get; init; }

    /// <summary>No new tokens after this; the key is still published and accepted until <see cref="RetiresUtc"/>.</summary>
    public DateTime ActiveUntilUtc { get; init; }

    /// <summary>Deleted after this: every token it signed or encrypted has expired by then.</summary>
    public DateTime RetiresUtc { get; init; }
}
