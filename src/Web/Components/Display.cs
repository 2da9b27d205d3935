using System.Globalization;

namespace Saas.Web.Components;

/// <summary>
/// One way to show numbers and dates everywhere, independent of the server's culture: the same page must
/// look the same on every machine, and users copy these values into Excel.
/// </summary>
public static class Display
{
    private static readonly CultureInfo Culture = CultureInfo.InvariantCulture;

    public static string Money(decimal amount) => amount.ToString("#,##0.00", Culture);

    public static string Money(decimal? amount) => amount is { } value ? Money(value) : "";

    /// <summary>Quantities keep up to five decimals (BC's precision) but drop trailing zeros.</summary>
    public static string Quantity(decimal quantity) => quantity.ToString("#,##0.#####", Culture);

    public static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", Culture);

    public static string Date(DateTime instant) => instant.ToString("yyyy-MM-dd", Culture);

    public static string Date(DateTimeOffset instant) => instant.ToString("yyyy-MM-dd", Culture);

    public static string Count(int count) => count.ToString("#,##0", Culture);

    public static string Count(long count) => count.ToString("#,##0", Culture);

    /// <summary>An enum as stored by the ledgers, shown with BC's caption ("Positive Adjmt."); unknown text as is.</summary>
    public static string Word<TEnum>(string stored)
        where TEnum : struct, Enum =>
        Saas.Write.Common.BcEnum.TryParse<TEnum>(stored, out var value) ? Saas.Write.Common.BcEnum.ToWord(value) : stored;
}
