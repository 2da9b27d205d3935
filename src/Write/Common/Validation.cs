namespace Saas.Write.Common;

/// <summary>Collects every broken rule of one command, so a form shows all of them at once, not the first.</summary>
public sealed class Validation
{
    private readonly Dictionary<string, List<string>> errors = new(StringComparer.Ordinal);

    public bool IsValid => errors.Count == 0;

    public void Add(string field, string reason)
    {
        if (!errors.TryGetValue(field, out var reasons))
        {
            errors[field] = reasons = [];
        }

        reasons.Add(reason);
    }

    /// <summary>A required text: present, not blank, within the column's length.</summary>
    public void Required(string field, string? value, int maxLength)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            Add(field, "is required.");
            return;
        }

        MaxLength(field, value, maxLength);
    }

    public void MaxLength(string field, string? value, int maxLength)
    {
        if (value is not null && value.Length > maxLength)
        {
            Add(field, $"must be at most {maxLength} characters long (it is {value.Length}).");
        }
    }

    public void NotNegative(string field, decimal? value)
    {
        if (value < 0)
        {
            Add(field, "must not be negative.");
        }
    }

    /// <summary>
    /// The largest quantity or amount a field takes (BC's decimal fields stop at about a trillion too). Beyond it a
    /// quantity × unit cost could overflow decimal arithmetic at posting; refusing it up front names the field.
    /// </summary>
    public const decimal MaxMagnitude = 999_999_999_999m;

    /// <summary>What a field beyond <see cref="MaxMagnitude"/> is told (also a JSON number too large for a decimal).</summary>
    public static readonly string RangeReason =
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"must be between -{MaxMagnitude:N0} and {MaxMagnitude:N0}.");

    public void WithinRange(string field, decimal? value)
    {
        if (value is { } number && Math.Abs(number) > MaxMagnitude)
        {
            Add(field, RangeReason);
        }
    }

    public void Defined<TEnum>(string field, TEnum? value)
        where TEnum : struct, Enum
    {
        if (value is { } v && !Enum.IsDefined(v))
        {
            Add(field, $"must be one of {BcEnum.Allowed<TEnum>()}.");
        }
    }

    /// <summary>A light e-mail check: BC accepts anything with one '@' and a dot after it; so do we.</summary>
    public void Email(string field, string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return;
        }

        var at = value.IndexOf('@');
        if (at <= 0 || at != value.LastIndexOf('@') || value.IndexOf('.', at) < 0 || value.Any(char.IsWhiteSpace))
        {
            Add(field, "is not a valid e-mail address.");
        }
    }

    public void ThrowIfInvalid()
    {
        if (!IsValid)
        {
            throw new ValidationFailedException(errors.ToDictionary(e => e.Key, e => e.Value.ToArray(), StringComparer.Ordinal));
        }
    }
}

/// <summary>Normalising of BC "Code" fields: trimmed and upper case, as BC stores them.</summary>
public static class Codes
{
    public static string Normalize(string? value) => (value ?? "").Trim().ToUpperInvariant();

    public static string? NormalizeOrNull(string? value) => value is null ? null : Normalize(value);
}
