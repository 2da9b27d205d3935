namespace Saas.Reporting.Exports;

/// <summary>
/// Text cells of CSV and Excel exports. A cell that starts with <c>=</c>, <c>+</c>, <c>-</c> or <c>@</c> (or a tab or
/// carriage return, which some readers skip before looking) is taken as a formula by Excel and LibreOffice: a
/// customer named <c>=HYPERLINK("http://evil.example","Invoice")</c> would become a live link in a finance user's
/// export. Such text gets a leading apostrophe, which both show as text and which survives a round trip; every
/// other text is left exactly as it is. Numbers and dates are written as typed cells and never pass through here.
/// </summary>
public static class SpreadsheetText
{
    public static string Neutralise(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return text ?? "";
        }

        return text[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + text : text;
    }
}
