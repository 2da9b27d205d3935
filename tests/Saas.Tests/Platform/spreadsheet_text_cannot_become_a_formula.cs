using Saas.Reporting.Exports;

namespace Saas.Tests.Platform;

/// <summary>
/// Issue 9: formula-leading text must be neutralised in Excel and CSV exports. A text cell that a spreadsheet would
/// read as a formula gets a leading apostrophe; every other text is left exactly as it was.
/// </summary>
public sealed class spreadsheet_text_cannot_become_a_formula
{
    [Theory]
    [InlineData("=HYPERLINK(\"http://evil.example\",\"Invoice\")")]
    [InlineData("+1+cmd|' /C calc'!A0")]
    [InlineData("-2+3")]
    [InlineData("@SUM(A1:A9)")]
    [InlineData("\t=1+1")]
    [InlineData("\r=1+1")]
    public void formula_leading_text_gets_an_apostrophe(string text)
    {
        Assert.Equal("'" + text, SpreadsheetText.Neutralise(text));
    }

    [Theory]
    [InlineData("Contoso Trading")]
    [InlineData("Ærø = Møbler")]
    [InlineData(" =not leading")]
    [InlineData("'already quoted")]
    [InlineData("")]
    public void other_text_is_unchanged(string text)
    {
        Assert.Equal(text, SpreadsheetText.Neutralise(text));
    }

    [Fact]
    public void no_text_is_an_empty_cell()
    {
        Assert.Equal("", SpreadsheetText.Neutralise(null));
    }
}
