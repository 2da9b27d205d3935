namespace Saas.Web.Components.Interactive.Documents;

/// <summary>A line of a document's lines grid: the grid needs to tell saved lines from new ones and keep each row's identity.</summary>
public interface IDocumentLine
{
    /// <summary>The saved line's id; null for a line that exists only in the grid until the document is saved.</summary>
    Guid? Id { get; }

    /// <summary>The saved line's number (BC's Line No.); 0 for a new line.</summary>
    int LineNo { get; }

    /// <summary>A new line goes before this saved line when saved (BC's Insert Line); null adds it at the end.</summary>
    int? InsertBeforeLineNo { get; set; }

    /// <summary>The row's identity in the grid (render key, field ids), stable while the page lives.</summary>
    string Key { get; set; }

    /// <summary>A new line the user has not typed anything into; saving ignores it.</summary>
    bool IsBlank { get; }
}

/// <summary>
/// The editing rules every document's lines grid shares (sales, purchase and transfer lines alike): the grid opens
/// with one blank line at the end to type into, as in Business Central; New Line goes to the blank line at the end
/// (or adds one when that is in use), Insert Line puts a blank line above the selected one, Delete Line removes a
/// new line at once and marks a saved one for deletion on save (undoable until then). A row keeps its key while the
/// page lives (it travels with the form), so its fields, labels and errors stay its own across a failed save.
/// </summary>
public sealed class DocumentLines<TLine>(Func<TLine> blank)
    where TLine : class, IDocumentLine
{
    private readonly List<TLine> lines = [];
    private readonly List<TLine> deleted = [];
    private int keys;

    public IReadOnlyList<TLine> Lines => lines;

    /// <summary>Saved lines marked for deletion; they are deleted when the document is saved.</summary>
    public IReadOnlyList<TLine> Deleted => deleted;

    public int Selected { get; private set; }

    public TLine? SelectedLine => Selected >= 0 && Selected < lines.Count ? lines[Selected] : null;

    public void Load(IEnumerable<TLine> rows, IEnumerable<TLine> deletedRows)
    {
        lines.Clear();
        deleted.Clear();
        foreach (var row in rows)
        {
            Keep(row);
        }

        deleted.AddRange(deletedRows.Where(d => d.Id is not null));
        keys = lines.Select(l => l.Key).Where(k => k.StartsWith('n')).Select(k => int.TryParse(k[1..], out var n) ? n : 0).DefaultIfEmpty(0).Max();
        EnsureBlankAtEnd();
        Selected = 0;
    }

    public void Select(int index) => Selected = Math.Clamp(index, 0, Math.Max(lines.Count - 1, 0));

    /// <summary>BC's New Line: the blank line at the end, or a new one after it if that is already in use.</summary>
    public int NewLine()
    {
        EnsureBlankAtEnd();
        Selected = lines.Count - 1;
        return Selected;
    }

    /// <summary>BC's Insert Line: a blank line above the selected one, placed before it when saved.</summary>
    public int InsertLine()
    {
        var at = Math.Clamp(Selected, 0, lines.Count);
        var line = Keep(blank(), at);
        line.InsertBeforeLineNo = NextSavedLineNo(at + 1);
        Selected = at;
        return at;
    }

    /// <summary>BC's Delete Line. The blank line at the end cannot go (there is always one to type into).</summary>
    public void DeleteLine(int index)
    {
        if (index < 0 || index >= lines.Count || (index == lines.Count - 1 && lines[index].IsBlank))
        {
            return;
        }

        var line = lines[index];
        lines.RemoveAt(index);
        if (line.Id is not null)
        {
            deleted.Add(line);
        }

        // New lines placed before this one move to before the next saved line, keeping their order on screen.
        foreach (var other in lines.Where(l => l.InsertBeforeLineNo == line.LineNo && line.LineNo != 0))
        {
            other.InsertBeforeLineNo = NextSavedLineNo(lines.IndexOf(other) + 1);
        }

        EnsureBlankAtEnd();
        Select(index);
    }

    public void Undelete(TLine line)
    {
        if (!deleted.Remove(line))
        {
            return;
        }

        // Back to where its number puts it among the saved lines.
        var at = lines.FindIndex(l => l.Id is not null && l.LineNo > line.LineNo);
        lines.Insert(at < 0 ? lines.Count - 1 : at, line);
    }

    private int? NextSavedLineNo(int from)
    {
        for (var i = from; i < lines.Count; i++)
        {
            if (lines[i].Id is not null)
            {
                return lines[i].LineNo;
            }
        }

        return null;
    }

    private void EnsureBlankAtEnd()
    {
        if (lines.Count == 0 || lines[^1].Id is not null || !lines[^1].IsBlank)
        {
            Keep(blank());
        }
    }

    private TLine Keep(TLine line, int? at = null)
    {
        if (string.IsNullOrEmpty(line.Key))
        {
            line.Key = line.Id is { } id ? "l" + id.ToString("N") : "n" + ++keys;
        }

        lines.Insert(at ?? lines.Count, line);
        return line;
    }
}
