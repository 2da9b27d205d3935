using System.Numerics;
using Microsoft.EntityFrameworkCore;
using Saas.Write.Common;
using Saas.Write.Finance.Setup.Editing;

namespace Saas.Write.Setup;

/// <summary>The editable fields of a number series; null leaves a field as it is (PATCH).</summary>
public sealed record NoSeriesChange
{
    public string? Description { get; init; }
    public string? StartingNo { get; init; }
    public int? IncrementBy { get; init; }
    public string? LastNoUsed { get; init; }
}

/// <summary>
/// The No. Series page's edits. The series themselves are fixed (each is named by the code that takes numbers from
/// it), so there is no create or delete. Last No. Used only moves forward within its pattern: going back would hand
/// out numbers that documents and cards already carry (BC warns for the same reason); a new pattern ("2027-0001"
/// after "2026-0456") starts a new range and is accepted.
/// </summary>
public sealed class EditNoSeries(WriteDbContext db)
{
    public const string Caption = "No. Series";

    public Guid IdOf(NoSeries series) => SetupKeys.Id(db.CurrentTenantId, "noSeries", series.Code);

    public async Task<List<NoSeries>> ListAsync(CancellationToken cancellationToken = default) =>
        await db.NoSeries.AsNoTracking().OrderBy(s => s.Code).ToListAsync(cancellationToken);

    public async Task<NoSeries?> FindAsync(Guid id, CancellationToken cancellationToken = default) =>
        (await ListAsync(cancellationToken)).SingleOrDefault(s => IdOf(s) == id);

    public Task<NoSeries> UpdateAsync(Guid id, long? expectedVersion, NoSeriesChange change, CancellationToken cancellationToken = default) =>
        SaveErrors.RetryOnConcurrencyAsync(db, async () =>
        {
            var code = (await ListAsync(cancellationToken)).SingleOrDefault(s => IdOf(s) == id)?.Code
                ?? throw new NotFoundException(Caption, id);

            // The same lock a number taker holds (NumberSeries.TakeNextAsync): an edit never interleaves with a step.
            if (db.Database.IsNpgsql())
            {
                await db.Database.ExecuteSqlInterpolatedAsync(
                    $"SELECT 1 FROM no_series WHERE tenant_id = {db.CurrentTenantId} AND code = {code} FOR UPDATE", cancellationToken);
            }

            var series = await db.NoSeries.SingleAsync(s => s.Code == code, cancellationToken);
            if (expectedVersion is { } expected && expected != series.Version)
            {
                throw new ConcurrencyException($"{Caption} {code}", expected, series.Version);
            }

            var v = new Validation();
            v.MaxLength("description", change.Description?.Trim(), NoSeries.DescriptionLength);
            var startingNo = Codes.NormalizeOrNull(change.StartingNo);
            if (startingNo is not null)
            {
                Number(v, "startingNo", startingNo, required: true);
            }

            if (change.IncrementBy is < 1 or > 1_000_000)
            {
                v.Add("incrementByNo", "must be between 1 and 1,000,000.");
            }

            var lastNoUsed = Codes.NormalizeOrNull(change.LastNoUsed);
            if (lastNoUsed is not null && lastNoUsed != series.LastNoUsed)
            {
                Number(v, "lastNoUsed", lastNoUsed, required: series.LastNoUsed.Length > 0);
                if (series.LastNoUsed.Length > 0 && lastNoUsed.Length > 0 && IsBefore(lastNoUsed, series.LastNoUsed))
                {
                    v.Add("lastNoUsed", $"can only move forward: {series.LastNoUsed} has been used, and going back would hand out numbers again.");
                }
            }

            v.ThrowIfInvalid();
            series.Description = change.Description?.Trim() ?? series.Description;
            series.StartingNo = startingNo ?? series.StartingNo;
            series.IncrementBy = change.IncrementBy ?? series.IncrementBy;
            series.LastNoUsed = lastNoUsed ?? series.LastNoUsed;
            series.Version++;
            await db.SaveChangesAsync(cancellationToken);
            return series;
        });

    private static void Number(Validation v, string field, string value, bool required)
    {
        if (value.Length == 0)
        {
            if (required)
            {
                v.Add(field, "is required.");
            }

            return;
        }

        v.MaxLength(field, value, NoSeries.CodeLength);
        if (!value.Any(char.IsAsciiDigit))
        {
            v.Add(field, $"'{value}' has no digits to count up; a number such as 'C00010' needs some.");
        }
    }

    /// <summary>True when both numbers have the same text around their counter and <paramref name="number"/>'s counter is lower.</summary>
    private static bool IsBefore(string number, string used) =>
        Split(number) is { } a && Split(used) is { } b && a.Prefix == b.Prefix && a.Suffix == b.Suffix && a.Counter < b.Counter;

    /// <summary>The number around its right-most run of digits (BC's counter, see <see cref="NoSeries.Increment"/>).</summary>
    private static (string Prefix, BigInteger Counter, string Suffix)? Split(string number)
    {
        var end = number.Length - 1;
        while (end >= 0 && !char.IsAsciiDigit(number[end]))
        {
            end--;
        }

        if (end < 0)
        {
            return null;
        }

        var start = end;
        while (start > 0 && char.IsAsciiDigit(number[start - 1]))
        {
            start--;
        }

        return (number[..start], BigInteger.Parse(number[start..(end + 1)], System.Globalization.CultureInfo.InvariantCulture), number[(end + 1)..]);
    }
}
