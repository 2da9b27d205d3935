using Saas.Read.Common.Filtering;

namespace Saas.Tests.Lists;

/// <summary>The filter pane's expressions read as in Business Central; a bad one gets one sentence, never an exception.</summary>
public sealed class bc_filter_expressions_are_parsed_and_checked
{
    private static readonly FilterFormat Format = FilterFormat.Iso(new DateOnly(2026, 3, 15));

    private static FilterExpression Parse(string text, FilterKind kind)
    {
        Assert.True(FilterParser.TryParse(text, kind, Format, out var expression, out var error), error);
        return expression;
    }

    private static string Error(string text, FilterKind kind)
    {
        Assert.False(FilterParser.TryParse(text, kind, Format, out _, out var error));
        Assert.False(string.IsNullOrWhiteSpace(error));
        return error;
    }

    [Fact]
    public void ranges_comparisons_and_alternatives_become_conditions()
    {
        var range = Assert.Single(Assert.Single(Parse("10..20", FilterKind.Number).Alternatives));
        Assert.Equal(new FilterCondition(FilterOperator.Between, 10m, 20m), range);
        Assert.Equal(new FilterCondition(FilterOperator.LessOrEqual, new DateOnly(2026, 1, 31)),
            Parse("..2026-01-31", FilterKind.Date).Alternatives[0][0]);
        Assert.Equal(new FilterCondition(FilterOperator.GreaterOrEqual, 1.5m), Parse("1.5..", FilterKind.Number).Alternatives[0][0]);
        Assert.Equal(new FilterCondition(FilterOperator.Greater, 5m), Parse(">5", FilterKind.Number).Alternatives[0][0]);
        Assert.Equal(new FilterCondition(FilterOperator.NotEqual, 0m), Parse("<>0", FilterKind.Number).Alternatives[0][0]);
        Assert.Equal(new FilterCondition(FilterOperator.Equal, new DateOnly(2026, 3, 15)), Parse("t", FilterKind.Date).Alternatives[0][0]);

        var either = Parse("a|b..c&<>bb", FilterKind.Code);
        Assert.Equal(2, either.Alternatives.Count);
        Assert.Equal(new FilterCondition(FilterOperator.Equal, "A"), either.Alternatives[0][0]);
        Assert.Equal([new FilterCondition(FilterOperator.Between, "B", "C"), new FilterCondition(FilterOperator.NotEqual, "BB")], either.Alternatives[1]);
    }

    [Fact]
    public void wildcards_quotes_and_yes_no_are_understood()
    {
        Assert.Equal(new FilterCondition(FilterOperator.Like, new LikePattern("Bi*e")), Parse("Bi*e", FilterKind.Text).Alternatives[0][0]);
        Assert.Equal(new FilterCondition(FilterOperator.NotEqual, new LikePattern("A*")), Parse("<>a*", FilterKind.Code).Alternatives[0][0]);

        // Quoted text is literal: the bar, the stars and the dots are not operators.
        Assert.Equal(new FilterCondition(FilterOperator.Equal, "a|b*..c's"), Parse("'a|b*..c''s'", FilterKind.Text).Alternatives[0][0]);
        Assert.Equal(new FilterCondition(FilterOperator.Equal, ""), Parse("''", FilterKind.Text).Alternatives[0][0]);
        Assert.Equal(new FilterCondition(FilterOperator.Equal, true), Parse("Yes", FilterKind.Boolean).Alternatives[0][0]);
        Assert.Equal(new FilterCondition(FilterOperator.NotEqual, false), Parse("<>no", FilterKind.Boolean).Alternatives[0][0]);
    }

    [Fact]
    public void bad_expressions_say_what_is_wrong()
    {
        Assert.Contains("not a number", Error("abc", FilterKind.Number));
        Assert.Contains("not a date", Error("31.01.2026", FilterKind.Date));
        Assert.Contains("yyyy-MM-dd", Error("2026-02-30", FilterKind.Date));
        Assert.Contains("wildcards", Error("1*", FilterKind.Number));
        Assert.Contains("wildcards", Error(">A*", FilterKind.Text));
        Assert.Contains("not a range", Error("1..2..3", FilterKind.Number));
        Assert.Contains("not a range", Error("..", FilterKind.Number));
        Assert.Contains("empty part", Error("A||B", FilterKind.Code));
        Assert.Contains("needs a value", Error(">", FilterKind.Number));
        Assert.Contains("not closed", Error("'abc", FilterKind.Text));
        Assert.Contains("Yes or No", Error("1..2", FilterKind.Boolean));
        Assert.Contains("too long", Error(new string('A', FilterParser.MaxLength + 1), FilterKind.Code));
    }
}
