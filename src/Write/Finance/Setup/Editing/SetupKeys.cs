using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Saas.Write.Finance.Setup.Editing;

/// <summary>
/// API ids and ETags for the setup tables, which BC keys by their codes. The id is derived from the company, the
/// table and the key (so it is stable, needs no column, and the same code in two companies never has the same
/// id); keys cannot be changed through the API, which keeps ids stable. The ETag is a hash of the stored values:
/// any change by anyone gives a new ETag, so If-Match refuses a stale write just like a version column would.
/// </summary>
public static class SetupKeys
{
    public static Guid Id(Guid tenantId, string table, params string[] key)
    {
        var text = $"{tenantId:N}|{table}|{string.Join('\u001f', key)}";
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(text));
        var bytes = hash.AsSpan(0, 16).ToArray();
        bytes[7] = (byte)((bytes[7] & 0x0F) | 0x50); // version 5 layout (name-based), as RFC 4122 names it
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes);
    }

    /// <summary>A positive 62-bit number from the row's values (shown as <c>W/"n"</c>, like the version ETags).</summary>
    public static long Version(params object?[] values)
    {
        var text = string.Join('\u001f', values.Select(v => Convert.ToString(v, System.Globalization.CultureInfo.InvariantCulture)));
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(text));
        return (long)(BinaryPrimitives.ReadUInt64LittleEndian(hash) >> 2);
    }

    public static void CheckVersion(string entity, long? expected, long actual)
    {
        if (expected is { } e && e != actual)
        {
            throw new Common.ConcurrencyException(entity, e, actual);
        }
    }
}
