using System.Globalization;
using Saas.Write.Common;

namespace Saas.Web.Components;

/// <summary>
/// Card forms keep what the user typed as text, so a value that does not parse is shown again exactly as
/// typed, next to its message, instead of being lost or silently turned into 0.
/// </summary>
internal static class FormValues
{
    // Thousands separators are accepted because users paste amounts as the lists show them ("1,234.50").
    private const NumberStyles Amount = NumberStyles.Number;

    public static string Edit(decimal value) => value.ToString("0.00###", CultureInfo.InvariantCulture);

    /// <summary>Empty means 0, as an empty amount field does in Business Central.</summary>
    public static decimal Decimal(string? text, string field, FormErrors errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return 0m;
        }

        if (decimal.TryParse(text.Trim(), Amount, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }

        errors.Add(field, $"'{text.Trim()}' is not a number. Use digits with a point for decimals, e.g. 1234.50.");
        return 0m;
    }

    public static TEnum Word<TEnum>(string? word, string field, FormErrors errors)
        where TEnum : struct, Enum
    {
        if (BcEnum.TryParse<TEnum>(word, out var value))
        {
            return value;
        }

        errors.Add(field, $"Choose one of {BcEnum.Allowed<TEnum>()}.");
        return default;
    }

    public static IEnumerable<string> Words<TEnum>()
        where TEnum : struct, Enum =>
        Enum.GetValues<TEnum>().Select(BcEnum.ToWord);
}
