using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Saas.Identity.Storage;

/// <summary>
/// A passkey's public key, counter and flags (<see cref="IdentityPasskeyData"/>) kept as one JSON text column. Identity's
/// own mapping makes it an owned JSON entity; one text column needs no provider-specific type in the hand-written
/// migration (ADR 004) and is read and written whole anyway. The comparer compares the JSON, so a changed sign
/// count is saved even when Identity updates the object in place.
/// </summary>
internal static class PasskeyDataColumn
{
    public static readonly ValueConverter<IdentityPasskeyData, string> Converter = new(
        data => JsonSerializer.Serialize(data, (JsonSerializerOptions?)null),
        json => JsonSerializer.Deserialize<IdentityPasskeyData>(json, (JsonSerializerOptions?)null)!);

    public static readonly ValueComparer<IdentityPasskeyData> Comparer = new(
        (left, right) => Json(left) == Json(right),
        data => Json(data).GetHashCode(StringComparison.Ordinal),
        data => JsonSerializer.Deserialize<IdentityPasskeyData>(Json(data), (JsonSerializerOptions?)null)!);

    private static string Json(IdentityPasskeyData? data) => JsonSerializer.Serialize(data, (JsonSerializerOptions?)null);
}
