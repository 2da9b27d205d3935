using System.Globalization;
using System.Text;

namespace Saas.Read.Common.Filtering;

/// <summary>
/// Reads Business Central's filter expressions for one column: <c>10..20</c>, <c>..2026-01-31</c>, <c>&gt;5</c>,
/// <c>&lt;&gt;0</c>, <c>A*</c>, <c>A|B</c>, <c>&gt;=1&amp;&lt;=9</c>, <c>'a|b'</c> (quoted: taken literally), <c>''</c> (empty),
/// <c>t</c> (today). Every value is checked against the column's kind here, so a bad expression is refused with one
/// sentence for the user before any SQL exists.
/// </summary>
public static class FilterParser
{
    /// <summary>A filter longer than this is not something a person typed.</summary>
    public const int MaxLength = 250;

    private static readonly (string Symbol, FilterOperator Operator)[] Prefixes =
    [
        ("<>", FilterOperator.NotEqual), (">=", FilterOperator.GreaterOrEqual), ("<=", FilterOperator.LessOrEqual),
        (">", FilterOperator.Greater), ("<", FilterOperator.Less), ("=", FilterOperator.Equal),
    ];

    public static bool TryParse(string text, FilterKind kind, FilterFormat format, out FilterExpression expression, out string error)
    {
        expression = new FilterExpression([]);
        error = "";
        if (text.Length > MaxLength)
        {
            error = $"is too long (at most {MaxLength} characters).";
            return false;
        }

        if (Split(text, '\'') is null)
        {
            error = "has a quote (') that is not closed.";
            return false;
        }

        var alternatives = new List<IReadOnlyList<FilterCondition>>();
        foreach (var alternative in Split(text, '|')!)
        {
            var conditions = new List<FilterCondition>();
            foreach (var term in Split(alternative, '&')!)
            {
                if (!TryParseTerm(term.Trim(), kind, format, out var condition, out error))
                {
                    return false;
                }

                conditions.Add(condition);
            }

            alternatives.Add(conditions);
        }

        expression = new FilterExpression(alternatives);
        return true;
    }

    private static bool TryParseTerm(string term, FilterKind kind, FilterFormat format, out FilterCondition condition, out string error)
    {
        condition = new FilterCondition(FilterOperator.Equal, "");
        error = "";
        if (term.Length == 0)
        {
            error = "has an empty part: remove the extra | or &.";
            return false;
        }

        foreach (var (symbol, op) in Prefixes)
        {
            if (term.StartsWith(symbol, StringComparison.Ordinal))
            {
                return TryValue(term[symbol.Length..].Trim(), kind, format, op, out condition, out error);
            }
        }

        var range = IndexOutsideQuotes(term, "..");
        if (range < 0)
        {
            return TryValue(term, kind, format, FilterOperator.Equal, out condition, out error);
        }

        var from = term[..range].Trim();
        var to = term[(range + 2)..].Trim();
        if (IndexOutsideQuotes(to, "..") >= 0 || (from.Length == 0 && to.Length == 0))
        {
            error = $"'{term}' is not a range; write from..to, ..to or from..";
            return false;
        }

        if (kind == FilterKind.Boolean)
        {
            error = "takes Yes or No, not a range.";
            return false;
        }

        if (from.Length == 0)
        {
            return TryValue(to, kind, format, FilterOperator.LessOrEqual, out condition, out error);
        }

        if (to.Length == 0)
        {
            return TryValue(from, kind, format, FilterOperator.GreaterOrEqual, out condition, out error);
        }

        if (!TryValue(from, kind, format, FilterOperator.GreaterOrEqual, out var lower, out error)
            || !TryValue(to, kind, format, FilterOperator.LessOrEqual, out var upper, out error))
        {
            return false;
        }

        condition = new FilterCondition(FilterOperator.Between, lower.Value, upper.Value);
        return true;
    }

    private static bool TryValue(string raw, FilterKind kind, FilterFormat format, FilterOperator op, out FilterCondition condition, out string error)
    {
        condition = new FilterCondition(op, "");
        error = "";
        var quoted = raw.Length >= 2 && raw[0] == '\'' && raw[^1] == '\'';
        var text = quoted ? raw[1..^1].Replace("''", "'", StringComparison.Ordinal) : raw;
        if (text.Length == 0 && !quoted)
        {
            error = "needs a value after the comparison.";
            return false;
        }

        var wildcard = !quoted && text.IndexOfAny(['*', '?']) >= 0;
        if (wildcard && op is not (FilterOperator.Equal or FilterOperator.NotEqual))
        {
            error = $"'{raw}': wildcards (* and ?) cannot be combined with a range or <, >.";
            return false;
        }

        if (wildcard && kind is not (FilterKind.Text or FilterKind.Code))
        {
            error = $"'{raw}': wildcards (* and ?) work on text only.";
            return false;
        }

        switch (kind)
        {
            case FilterKind.Text or FilterKind.Code:
                var value = kind == FilterKind.Code ? text.ToUpperInvariant() : text;
                condition = wildcard
                    ? new FilterCondition(op == FilterOperator.Equal ? FilterOperator.Like : FilterOperator.NotEqual, new LikePattern(value))
                    : new FilterCondition(op, value);
                return true;
            case FilterKind.Number:
                if (decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number))
                {
                    condition = new FilterCondition(op, number);
                    return true;
                }

                error = $"'{raw}' is not a number (use a point for decimals, e.g. 12.5).";
                return false;
            case FilterKind.Date:
                if (text.Equals("t", StringComparison.OrdinalIgnoreCase) || text.Equals("today", StringComparison.OrdinalIgnoreCase))
                {
                    condition = new FilterCondition(op, format.Today);
                    return true;
                }

                if (DateOnly.TryParseExact(text, format.DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
                {
                    condition = new FilterCondition(op, date);
                    return true;
                }

                var example = new DateOnly(2026, 1, 31).ToString(format.DateFormat, CultureInfo.InvariantCulture);
                error = $"'{raw}' is not a date; use {format.DateFormat} (e.g. {example}) or t for today.";
                return false;
            default:
                if (op is not (FilterOperator.Equal or FilterOperator.NotEqual))
                {
                    error = "takes Yes or No, not <, >.";
                    return false;
                }

                bool? flag = text.ToUpperInvariant() switch
                {
                    "YES" or "TRUE" or "1" => true,
                    "NO" or "FALSE" or "0" => false,
                    _ => null,
                };
                if (flag is null)
                {
                    error = $"'{raw}' is neither Yes nor No.";
                    return false;
                }

                condition = new FilterCondition(op, flag.Value);
                return true;
        }
    }

    /// <summary>The parts of <paramref name="text"/> between separators outside quotes; null when a quote is left open.</summary>
    private static List<string>? Split(string text, char separator)
    {
        var parts = new List<string>();
        var current = new StringBuilder();
        var inQuotes = false;
        foreach (var c in text)
        {
            if (c == '\'')
            {
                // '' inside quotes is a quote: toggling twice leaves the state as it was.
                inQuotes = !inQuotes;
            }

            if (c == separator && !inQuotes && separator != '\'')
            {
                parts.Add(current.ToString());
                current.Clear();
                continue;
            }

            current.Append(c);
        }

        if (inQuotes)
        {
            return null;
        }

        parts.Add(current.ToString());
        return parts;
    }

    private static int IndexOutsideQuotes(string text, string token)
    {
        var inQuotes = false;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\'')
            {
                inQuotes = !inQuotes;
            }
            else if (!inQuotes && string.CompareOrdinal(text, i, token, 0, token.Length) == 0)
            {
                return i;
            }
        }

        return -1;
    }
}

/// <summary>A text value with BC wildcards: <c>*</c> any characters, <c>?</c> one character.</summary>
public sealed record LikePattern(string Text);
