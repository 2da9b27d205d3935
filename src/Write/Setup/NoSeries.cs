using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Saas.Tenancy.Storage;
using Saas.Write.Common;

namespace Saas.Write.Setup;

/// <summary>
/// A number series (BC table 308/309 folded into one row: this product has one line per series).
/// A create command without a number takes the next one; the step is saved in the command's own
/// transaction, so a failed command does not use up a number.
/// </summary>
public sealed class NoSeries : ITenantOwned
{
    public const int CodeLength = 20;
    public const int DescriptionLength = 100;

    public const string Items = "ITEM";
    public const string Customers = "CUST";
    public const string Vendors = "VEND";

    public Guid TenantId { get; set; }
    public string Code { get; set; } = "";
    public string Description { get; set; } = "";
    public string StartingNo { get; set; } = "";
    public int IncrementBy { get; set; } = 1;
    public string LastNoUsed { get; set; } = "";

    /// <summary>Concurrency token: two commands that take a number at once cannot both win.</summary>
    public long Version { get; set; }

    public string Next() => LastNoUsed.Length == 0 ? StartingNo : Increment(LastNoUsed, IncrementBy);

    /// <summary>
    /// BC's rule: the right-most run of digits is the counter; it keeps its width ("C00010" + 10 = "C00020")
    /// and the text around it stays.
    /// </summary>
    public static string Increment(string number, int by)
    {
        var end = number.Length - 1;
        while (end >= 0 && !char.IsAsciiDigit(number[end]))
        {
            end--;
        }

        if (end < 0)
        {
            throw new InvalidOperationException($"Number '{number}' has no digits to increment.");
        }

        var start = end;
        while (start > 0 && char.IsAsciiDigit(number[start - 1]))
        {
            start--;
        }

        var digits = number[start..(end + 1)];
        var next = (decimal.Parse(digits, CultureInfo.InvariantCulture) + by).ToString(CultureInfo.InvariantCulture).PadLeft(digits.Length, '0');
        return number[..start] + next + number[(end + 1)..];
    }
}

/// <summary>Takes numbers from the tenant's series inside the caller's unit of work.</summary>
public sealed class NumberSeries(WriteDbContext db)
{
    /// <summary>
    /// The next number of <paramref name="seriesCode"/> that <paramref name="isFree"/> accepts. Numbers that
    /// someone typed by hand are skipped, as BC would refuse them as duplicates.
    /// </summary>
    public async Task<string> TakeNextAsync(
        string seriesCode, string field, Func<string, Task<bool>> isFree, CancellationToken cancellationToken = default)
    {
        var series = await db.NoSeries.SingleOrDefaultAsync(s => s.Code == seriesCode, cancellationToken)
            ?? throw ValidationFailedException.For(field, $"is required: no number series '{seriesCode}' is set up to assign one.");
        for (var attempt = 0; attempt < 1000; attempt++)
        {
            series.LastNoUsed = series.Next();
            if (await isFree(series.LastNoUsed))
            {
                series.Version++;
                return series.LastNoUsed;
            }
        }

        throw new ConflictException(field, $"Number series '{seriesCode}' found no free number after 1000 tries.");
    }
}
