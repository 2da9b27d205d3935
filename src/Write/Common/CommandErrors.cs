namespace Saas.Write.Common;

/// <summary>
/// Input that breaks a rule of the model. Keys are the API's (BC's camelCase) field names so that the HTTP
/// layer can return them unchanged as a validation problem, and a Blazor form can show them next to its inputs.
/// </summary>
public sealed class ValidationFailedException(IReadOnlyDictionary<string, string[]> errors)
    : Exception("The input is not valid: " + string.Join("; ", errors.Select(e => e.Key + ": " + string.Join(", ", e.Value))))
{
    public IReadOnlyDictionary<string, string[]> Errors { get; } = errors;

    public static ValidationFailedException For(string field, string reason) =>
        new(new Dictionary<string, string[]> { [field] = [reason] });

    /// <summary>
    /// The same errors under the caller's field names: a document that posts through the engine reports
    /// <c>lines[2].itemNo</c> as its own line's field. Reasons of fields that end up with one name are kept together.
    /// </summary>
    public ValidationFailedException WithFieldsRenamed(Func<string, string> rename)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        foreach (var (field, reasons) in Errors)
        {
            var name = rename(field);
            errors[name] = errors.TryGetValue(name, out var earlier) ? [.. earlier, .. reasons] : reasons;
        }

        return new ValidationFailedException(errors);
    }
}

/// <summary>The record does not exist for the tenant in scope (another tenant's record does not exist either).</summary>
public sealed class NotFoundException(string entity, object key) : Exception($"{entity} '{key}' was not found.")
{
    public string Entity { get; } = entity;
}

/// <summary>A unique business key (item number, location code) is already taken in this company.</summary>
public sealed class ConflictException(string field, string message) : Exception(message)
{
    public string Field { get; } = field;
}

/// <summary>The caller changed an older version than the current one (ETag / If-Match mismatch).</summary>
public sealed class ConcurrencyException(string entity, long? expected, long? actual)
    : Exception(actual is null
        ? $"{entity} was changed by someone else after version {expected} was read."
        : $"{entity} was changed by someone else: expected version {expected}, current version {actual}.")
{
    public long? ExpectedVersion { get; } = expected;

    /// <summary>Null when a concurrent save was detected by the database rather than by the version check.</summary>
    public long? ActualVersion { get; } = actual;
}

/// <summary>
/// An idempotency key came back with a different request than the one it first posted (422, as Stripe answers): the
/// client reused a key by mistake, and answering with the first request's result would hide that nothing was posted.
/// </summary>
public sealed class IdempotencyKeyReusedException(string field, string message) : Exception(message)
{
    public string Field { get; } = field;
}
