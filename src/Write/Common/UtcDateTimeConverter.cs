using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Saas.Write.Common;

/// <summary>
/// Every instant in the model is UTC. SQLite returns DateTimes unspecified and Npgsql refuses non-UTC values
/// for timestamptz, so values are marked UTC on the way in and out.
/// </summary>
public sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
    v => v.Kind == DateTimeKind.Local ? v.ToUniversalTime() : DateTime.SpecifyKind(v, DateTimeKind.Utc),
    v => DateTime.SpecifyKind(v, DateTimeKind.Utc));
