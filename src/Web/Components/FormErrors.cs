namespace Saas.Web.Components;

/// <summary>
/// Messages to show next to form fields, keyed by field name without regard to case (handlers report
/// API-style names like "displayName", forms use the same names for their inputs).
/// </summary>
public sealed class FormErrors
{
    private readonly Dictionary<string, List<string>> byField = new(StringComparer.OrdinalIgnoreCase);

    public bool Any => byField.Count > 0;

    public IEnumerable<string> For(string field) => byField.TryGetValue(field, out var messages) ? messages : [];

    public bool Has(string field) => byField.ContainsKey(field);

    public void Add(string field, string message)
    {
        if (!byField.TryGetValue(field, out var messages))
        {
            byField[field] = messages = [];
        }

        messages.Add(message);
    }

    public void Add(IEnumerable<KeyValuePair<string, string[]>> errors)
    {
        foreach (var (field, messages) in errors)
        {
            foreach (var message in messages)
            {
                Add(field, message);
            }
        }
    }

    /// <summary>
    /// The input's ARIA state: invalid, and described by its messages (the ids <see cref="MessageId"/> gives the
    /// spans of FieldError), so a screen reader reads the error with the field. Empty when the field is valid.
    /// Spread on the input with <c>@attributes</c>.
    /// </summary>
    /// <summary>The ids of the field's messages for <c>aria-describedby</c>, or null when it has none (islands take it as text).</summary>
    public string? MessageIds(string field) =>
        Has(field) ? string.Join(' ', Enumerable.Range(0, For(field).Count()).Select(i => MessageId(field, i))) : null;

    public IReadOnlyDictionary<string, object> Aria(string field)
    {
        var count = For(field).Count();
        return count == 0
            ? NoAttributes
            : new Dictionary<string, object>
            {
                ["aria-invalid"] = "true",
                ["aria-describedby"] = string.Join(' ', Enumerable.Range(0, count).Select(i => MessageId(field, i))),
            };
    }

    /// <summary>The id of the field's <paramref name="index"/>th message (field names are unique on a form).</summary>
    public static string MessageId(string field, int index) => $"e-{field}-{index}";

    private static readonly IReadOnlyDictionary<string, object> NoAttributes = new Dictionary<string, object>();

    /// <summary>Messages for fields the form has no input for, so that nothing reported is silently dropped.</summary>
    public IEnumerable<string> Except(IEnumerable<string> shownFields)
    {
        var shown = new HashSet<string>(shownFields, StringComparer.OrdinalIgnoreCase);
        return byField.Where(e => !shown.Contains(e.Key)).SelectMany(e => e.Value);
    }

    /// <summary>The messages as plain data, for an interactive island (its parameters travel as JSON).</summary>
    public Dictionary<string, string[]> ToDictionary() =>
        byField.ToDictionary(e => e.Key, e => e.Value.ToArray(), StringComparer.OrdinalIgnoreCase);
}
