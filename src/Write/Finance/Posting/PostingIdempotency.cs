using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Saas.Write.Common;

namespace Saas.Write.Finance.Posting;

/// <summary>
/// Idempotency keys of postings: the register of the first posting with a key stores the key and a hash of the
/// request it answered. The same key with the same request again gets the first result; with another request it is
/// refused (<see cref="IdempotencyKeyReusedException"/>) instead of silently returning a result for something else.
/// </summary>
/// <remarks>
/// "The request" is what the caller asked for, in a canonical form, so that JSON whitespace, property order or
/// 1 vs 1.0 do not count as a difference: an item journal posted from the request body hashes the engine's posting
/// (what the body says to post); a stored batch hashes its id and document number (its lines are gone after the
/// post, and a retry must still match); a transfer order's shipment or receipt hashes the order and the action.
/// Registers written before hashes were stored have none and match any request.
/// </remarks>
public static class PostingIdempotency
{
    public const int HashLength = 64;
    public const string Field = "idempotencyKey";

    private static readonly JsonSerializerOptions Canonical = new()
    {
        Converters = { new NormalizedDecimal() },
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        WriteIndented = false,
    };

    /// <summary>SHA-256 (hex) of what is being asked (<paramref name="kind"/>: which entry point) in canonical JSON.</summary>
    public static string Hash(string kind, object request)
    {
        var json = kind + "\n" + JsonSerializer.Serialize(request, request.GetType(), Canonical);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(json)));
    }

    /// <summary>The engine's own request: the posting without its key.</summary>
    public static string Hash(ItemPosting posting) => Hash("itemPosting", posting with { IdempotencyKey = null, RequestHash = null });

    /// <summary>
    /// The register of an earlier posting with <paramref name="key"/> for the same request, null when the key is new.
    /// Call it under the posting lock (or a lock that orders the caller's postings), like the insert it guards.
    /// </summary>
    public static async Task<GLRegister?> EarlierAsync(WriteDbContext db, string? key, string hash, CancellationToken cancellationToken)
    {
        if (key is not { Length: > 0 })
        {
            return null;
        }

        var earlier = await db.GLRegisters.AsNoTracking().SingleOrDefaultAsync(r => r.IdempotencyKey == key, cancellationToken);
        if (earlier?.RequestHash is { } stored && stored != hash)
        {
            throw new IdempotencyKeyReusedException(Field,
                $"Idempotency key '{key}' was already used for a different request (register {earlier.No}). Send a new key for a new posting, or the first request unchanged to get its result.");
        }

        return earlier;
    }

    /// <summary>1, 1.0 and 1.00 are one number: decimals are written without trailing zeros.</summary>
    private sealed class NormalizedDecimal : JsonConverter<decimal>
    {
        public override decimal Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.GetDecimal();

        public override void Write(Utf8JsonWriter writer, decimal value, JsonSerializerOptions options) =>
            writer.WriteRawValue(value.ToString("G29", System.Globalization.CultureInfo.InvariantCulture));
    }
}
