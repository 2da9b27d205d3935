using System.Globalization;
using System.Text;
using Saas.Identity.Audit;

namespace Saas.Web.People;

/// <summary>
/// The audit log as RFC 4180 CSV (UTF-8 with BOM, so Excel reads the encoding). Text that a spreadsheet would run as a
/// formula (starting with <c>= + - @</c>, tab or carriage return) gets a leading apostrophe: an e-mail address such
/// as <c>=HYPERLINK(…)@x.example</c> must stay text in the finance user's Excel (CSV injection).
/// </summary>
public static class AuditCsv
{
    public static async Task WriteAsync(Stream output, IAsyncEnumerable<AuditEntry> entries, CancellationToken cancellationToken)
    {
        await using var writer = new StreamWriter(output, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), bufferSize: 16 * 1024, leaveOpen: true);
        await writer.WriteAsync("Occurred (UTC),Actor,Action,Person,Before,After\r\n");
        await foreach (var e in entries.WithCancellation(cancellationToken))
        {
            await writer.WriteAsync(string.Join(',',
                e.OccurredUtc.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
                Cell(e.Actor), Cell(e.Action), Cell(e.Subject), Cell(e.Before), Cell(e.After)) + "\r\n");
        }

        await writer.FlushAsync(cancellationToken);
    }

    public static string Cell(string? text)
    {
        var value = text ?? "";
        if (value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
        {
            value = "'" + value;
        }

        return value.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + value.Replace("\"", "\"\"") + "\"" : value;
    }
}
