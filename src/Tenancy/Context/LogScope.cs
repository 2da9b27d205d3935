using System.Collections;
using System.Globalization;

namespace Saas.Tenancy.Context;

/// <summary>
/// The state of a logging scope (tenant, user, message): structured pairs for the JSON formatter and OpenTelemetry,
/// and "TenantId:… Tenant:…" for the one-line console formatter, which prints a scope with ToString (a dictionary
/// printed its type name there).
/// </summary>
public sealed class LogScope(params (string Key, object? Value)[] pairs) : IReadOnlyList<KeyValuePair<string, object?>>
{
    private readonly KeyValuePair<string, object?>[] pairs = [.. pairs.Select(p => new KeyValuePair<string, object?>(p.Key, p.Value))];

    public int Count => pairs.Length;

    public KeyValuePair<string, object?> this[int index] => pairs[index];

    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator() => ((IEnumerable<KeyValuePair<string, object?>>)pairs).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public override string ToString() =>
        string.Join(" ", pairs.Select(p => $"{p.Key}:{Convert.ToString(p.Value, CultureInfo.InvariantCulture)}"));
}
