using System.Globalization;

namespace Saas.Write.Common;

/// <summary>Quantities in messages as people write them: 5, 2.5 — never 5.0 (SQLite hands decimals back with trailing zeros).</summary>
public static class Quantities
{
    public static string Show(decimal quantity) => quantity.ToString("0.#####", CultureInfo.InvariantCulture);
}
