using System.Globalization;
using Dapper;
using Saas.Tenancy.Storage;
using Saas.Write.Common;

namespace Saas.Read.Common.Filtering;

/// <summary>
/// Turns the filters of a list (field → BC expression) into SQL conditions. Column names come only from the list's
/// own <see cref="FilterColumn"/>s; every value typed by the user travels as a parameter.
/// </summary>
public sealed class FilterSql(SqlDialect dialect, DynamicParameters parameters)
{
    private int next;

    /// <summary>
    /// Adds a condition per filter to <paramref name="conditions"/>; a field that is not filterable or an expression
    /// that does not parse is reported under the field's name (the UI shows it next to that filter).
    /// </summary>
    public void Apply(
        IReadOnlyDictionary<string, string>? filters, IReadOnlyList<FilterColumn> columns, FilterFormat format, List<string> conditions, Validation errors)
    {
        if (filters is null)
        {
            return;
        }

        foreach (var (field, text) in filters)
        {
            if (string.IsNullOrWhiteSpace(text))
            {
                continue;
            }

            var column = columns.FirstOrDefault(c => string.Equals(c.Field, field, StringComparison.OrdinalIgnoreCase));
            if (column is null)
            {
                errors.Add(field, $"cannot be filtered on; use one of {string.Join(", ", columns.Select(c => c.Field))}.");
                continue;
            }

            if (!FilterParser.TryParse(text.Trim(), column.Kind, format, out var expression, out var error))
            {
                errors.Add(column.Field, error);
                continue;
            }

            conditions.Add(Condition(expression, column));
        }
    }

    public string Condition(FilterExpression expression, FilterColumn column) =>
        "(" + string.Join(" OR ", expression.Alternatives.Select(a => "(" + string.Join(" AND ", a.Select(c => Compare(c, column))) + ")")) + ")";

    private string Compare(FilterCondition condition, FilterColumn column)
    {
        var sql = ColumnExpression(column);
        var like = dialect.CaseInsensitiveLike;
        return condition switch
        {
            { Value: LikePattern pattern, Operator: FilterOperator.Like } => $"{sql} {like} {Bind(Wildcards(pattern.Text))} ESCAPE '\\'",
            { Value: LikePattern pattern } => $"NOT ({sql} {like} {Bind(Wildcards(pattern.Text))} ESCAPE '\\')",

            // An empty value ('') also matches a missing one: BC has no NULL, the read tables sometimes do.
            { Value: "", Operator: FilterOperator.Equal } => $"COALESCE({sql}, '') = ''",
            { Value: "", Operator: FilterOperator.NotEqual } => $"COALESCE({sql}, '') <> ''",

            // Text is matched without regard to case, as the search box does (BC needs @ for that; see ADR 017).
            { Value: string text, Operator: FilterOperator.Equal } when column.Kind == FilterKind.Text =>
                $"{sql} {like} {Bind(Escape(text))} ESCAPE '\\'",
            { Value: string text, Operator: FilterOperator.NotEqual } when column.Kind == FilterKind.Text =>
                $"NOT ({sql} {like} {Bind(Escape(text))} ESCAPE '\\')",
            { Operator: FilterOperator.Between } => $"{sql} >= {Bind(condition.Value)} AND {sql} <= {Bind(condition.To!)}",
            _ => $"{sql} {Symbol(condition.Operator)} {Bind(condition.Value)}",
        };
    }

    private string ColumnExpression(FilterColumn column) =>
        column.Kind == FilterKind.Number ? dialect.NumericSortKey(column.Sql) : column.Sql;

    private string Bind(object value)
    {
        var name = "f" + next++.ToString(CultureInfo.InvariantCulture);
        switch (value)
        {
            case DateOnly date:
                // Dates are ISO text in SQLite and date in PostgreSQL; ISO text compares in date order on both.
                parameters.Add(name, date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                return dialect.Provider == DatabaseProvider.Postgres ? $"CAST(@{name} AS date)" : "@" + name;
            case decimal number:
                parameters.Add(name, number);

                // SQLite keeps EF decimals as text and binds a decimal parameter as text: compare both as numbers.
                return dialect.Provider == DatabaseProvider.Postgres ? "@" + name : $"CAST(@{name} AS REAL)";
            default:
                parameters.Add(name, value);
                return "@" + name;
        }
    }

    private static string Symbol(FilterOperator op) => op switch
    {
        FilterOperator.Equal => "=",
        FilterOperator.NotEqual => "<>",
        FilterOperator.Less => "<",
        FilterOperator.LessOrEqual => "<=",
        FilterOperator.Greater => ">",
        FilterOperator.GreaterOrEqual => ">=",
        _ => throw new ArgumentOutOfRangeException(nameof(op), op, "not a comparison"),
    };

    public static string Escape(string value) =>
        value.Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_");

    private static string Wildcards(string value) => Escape(value).Replace('*', '%').Replace('?', '_');
}
