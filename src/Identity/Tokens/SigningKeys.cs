using System.Security.Cryptography;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.Tokens;
using Saas.Tenancy.Storage;

namespace Saas.Identity.Tokens;

/// <summary>
/// The RSA key that signs access tokens. Server mode reads it from <c>Identity:SigningKeyPem</c> (shared by
/// every node); embedded mode creates one on first start under <c>{DataDirectory}/keys/</c> so tokens survive
/// restarts. The key id is the RFC 7638 thumbprint, so it changes exactly when the key does.
/// </summary>
public sealed class SigningKeys
{
    public const string Algorithm = SecurityAlgorithms.RsaSha256;
    public const string KeyFileName = "token-signing.pem";

    private readonly RSA rsa;

    public SigningKeys(IdentitySettings settings, DatabaseOptions database, ILogger<SigningKeys> logger)
    {
        rsa = RSA.Create();
        if (!string.IsNullOrWhiteSpace(settings.SigningKeyPem))
        {
            rsa.ImportFromPem(settings.SigningKeyPem);
        }
        else
        {
            if (database.Provider != DatabaseProvider.Sqlite)
            {
                logger.LogWarning(
                    "Identity:SigningKeyPem is not set: using a key file under {Directory}; every node must share it or tokens will not validate across nodes",
                    database.DataDirectory);
            }

            rsa.ImportFromPem(LoadOrCreateKeyFile(Path.Combine(database.DataDirectory, "keys"), logger));
        }

        if (rsa.KeySize < 2048)
        {
            throw new InvalidOperationException($"The token signing key has {rsa.KeySize} bits; at least 2048 are required.");
        }

        var publicJwk = JsonWebKeyConverter.ConvertFromRSASecurityKey(new RsaSecurityKey(rsa.ExportParameters(false)));
        KeyId = Base64UrlEncoder.Encode(publicJwk.ComputeJwkThumbprint());
        Key = new RsaSecurityKey(rsa) { KeyId = KeyId };
        Credentials = new SigningCredentials(Key, Algorithm);
        PublicJwk = new PublicSigningKey("RSA", "sig", KeyId, Algorithm, publicJwk.N, publicJwk.E);
    }

    public string KeyId { get; }

    /// <summary>Private key: for signing and for JwtBearer validation in this process.</summary>
    public RsaSecurityKey Key { get; }

    public SigningCredentials Credentials { get; }

    /// <summary>What <c>/.well-known/jwks.json</c> publishes: modulus and exponent only.</summary>
    public PublicSigningKey PublicJwk { get; }

    private static string LoadOrCreateKeyFile(string directory, ILogger logger)
    {
        var path = Path.Combine(directory, KeyFileName);
        if (File.Exists(path))
        {
            return File.ReadAllText(path);
        }

        Directory.CreateDirectory(directory);
        using var fresh = RSA.Create(2048);
        var pem = fresh.ExportPkcs8PrivateKeyPem();
        var temporary = path + "." + Guid.NewGuid().ToString("N") + ".tmp";
        var fileOptions = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            fileOptions.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using (var writer = new StreamWriter(temporary, System.Text.Encoding.ASCII, fileOptions))
        {
            writer.Write(pem);
        }

        try
        {
            // No overwrite: when two processes start together, the first key written wins and both use it.
            File.Move(temporary, path, overwrite: false);
            logger.LogInformation("Created a new token signing key at {Path}", path);
        }
        catch (IOException) when (File.Exists(path))
        {
            File.Delete(temporary);
        }

        return File.ReadAllText(path);
    }
}

/// <summary>One entry of a JSON Web Key Set (RFC 7517), public parameters only.</summary>
public sealed record PublicSigningKey(string Kty, string Use, string Kid, string Alg, string N, string E);
