namespace Saas.Read.Common.Filtering;

/// <summary>How a column's filter values are read and compared.</summary>
public enum FilterKind
{
    /// <summary>Free text (names, descriptions): matched without regard to case.</summary>
    Text,

    /// <summary>BC's Code fields (numbers, codes): stored in capitals, so filter values are capitalised too.</summary>
    Code,

    Number,
    Date,
    Boolean,
}

public enum FilterOperator { Equal, NotEqual, Less, LessOrEqual, Greater, GreaterOrEqual, Between, Like }

/// <summary>One comparison of a filter: <c>&gt;5</c>, <c>10..20</c>, <c>A*</c>. Values are typed (string, decimal, DateOnly, bool).</summary>
public sealed record FilterCondition(FilterOperator Operator, object Value, object? To = null);

/// <summary>
/// A parsed BC filter: alternatives (<c>|</c>) of conditions that must all hold (<c>&amp;</c>).
/// <c>A|B..C&amp;&lt;&gt;BB</c> is <c>A</c> or (<c>B..C</c> and not <c>BB</c>), as in BC where <c>&amp;</c> binds tighter.
/// </summary>
public sealed record FilterExpression(IReadOnlyList<IReadOnlyList<FilterCondition>> Alternatives);

/// <summary>A column a list can be filtered on: its API field name, its caption, the SQL column and its kind.</summary>
/// <remarks><see cref="Sql"/> is always a constant of the query class, never user input.</remarks>
public sealed record FilterColumn(string Field, string Label, string Sql, FilterKind Kind);

/// <summary>What a date filter means by "today" and which format the company types dates in.</summary>
public sealed record FilterFormat(string DateFormat, DateOnly Today)
{
    /// <summary>The format every page shows dates in (<c>Display.Date</c>); a company-level format plugs in here.</summary>
    public const string IsoDate = "yyyy-MM-dd";

    public static FilterFormat Iso(DateOnly today) => new(IsoDate, today);
}
