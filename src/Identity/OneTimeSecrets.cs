using System.Security.Cryptography;
using Microsoft.IdentityModel.Tokens;

namespace Saas.Identity;

/// <summary>
/// Random bearer secrets (refresh tokens, invitation links, API client secrets) and how they are stored.
/// They carry 256 bits of entropy, so a plain SHA-256 is enough to make a stolen table useless; the slow
/// password hasher is for human-chosen passwords only.
/// </summary>
public static class OneTimeSecrets
{
    public static string Create(int bytes = 32) => Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(bytes));

    public static string Hash(string secret) => Convert.ToHexStringLower(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(secret)));

    /// <summary>Compares a presented secret with a stored hash in constant time.</summary>
    public static bool Matches(string secret, string storedHash) =>
        CryptographicOperations.FixedTimeEquals(
            System.Text.Encoding.ASCII.GetBytes(Hash(secret)),
            System.Text.Encoding.ASCII.GetBytes(storedHash));
}
