using System.Security.Cryptography;

// Shared with Saas.UiTests (linked there), so it holds no tests itself.
namespace Saas.Tests.Identity.TwoFactor;

/// <summary>
/// RFC 6238 written out for the tests, independent of the library the product checks codes with, and checked
/// against the RFC's own test vector (<see cref="totp_reference"/>).
/// </summary>
public static class Totp
{
    public static long StepNow => DateTimeOffset.UtcNow.ToUnixTimeSeconds() / 30;

    public static string Code(string base32Key, long step, int digits = 6) => Code(Base32(base32Key), step, digits);

    public static string Code(byte[] key, long step, int digits = 6)
    {
        var counter = new byte[8];
        for (var i = 7; i >= 0; i--, step >>= 8)
        {
            counter[i] = (byte)(step & 0xff);
        }

        var hash = HMACSHA1.HashData(key, counter);
        var offset = hash[^1] & 0x0f;
        var binary = ((hash[offset] & 0x7f) << 24) | (hash[offset + 1] << 16) | (hash[offset + 2] << 8) | hash[offset + 3];
        return (binary % (int)Math.Pow(10, digits)).ToString().PadLeft(digits, '0');
    }

    public static byte[] Base32(string text)
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var bits = 0;
        var value = 0;
        var bytes = new List<byte>();
        foreach (var c in text.ToUpperInvariant().Where(c => c != ' ' && c != '='))
        {
            value = (value << 5) | alphabet.IndexOf(c);
            bits += 5;
            if (bits >= 8)
            {
                bytes.Add((byte)(value >> (bits - 8)));
                bits -= 8;
            }
        }

        return [.. bytes];
    }
}
