using System.Globalization;
using Saas.Contracts.Inventory;
using Saas.Tenancy.Storage;
using Saas.Write.Common;

namespace Saas.Write.Inventory.Catalog;

/// <summary>
/// An item attribute definition (BC table 7500): what can be said about items (colour, depth, material), its
/// type and, for Option, the values to choose from.
/// </summary>
public sealed class ItemAttribute : ITenantOwned
{
    // BC: Name Text[250], Unit of Measure Text[30]; an option value is an Item Attribute Value, Text[250].
    public const int NameLength = 250;
    public const int UnitOfMeasureLength = 30;
    public const int ValueLength = 250;

    public Guid TenantId { get; set; }
    public Guid Id { get; set; }
    public string Name { get; set; } = "";

    /// <summary>The name in upper case: the unique key, so "Colour" and "COLOUR" cannot both exist.</summary>
    public string NormalizedName { get; set; } = "";

    public ItemAttributeType Type { get; set; } = ItemAttributeType.Text;

    /// <summary>
    /// The option values, one per line (a value cannot contain a line break). BC keeps them as rows of their own;
    /// here they are always read and written with their attribute, so one column is enough.
    /// </summary>
    public string OptionValues { get; set; } = "";

    public string UnitOfMeasure { get; set; } = "";

    /// <summary>A blocked attribute keeps its values but cannot be given to more items.</summary>
    public bool Blocked { get; set; }

    public DateTime LastModifiedUtc { get; set; }
    public long Version { get; set; }

    public IReadOnlyList<string> Options =>
        OptionValues.Length == 0 ? [] : OptionValues.Split('\n');

    public ItemAttributeChanged ToEvent() => new()
    {
        TenantId = TenantId,
        ItemAttributeId = Id,
        Version = Version,
        Name = Name,
        Type = BcEnum.ToWord(Type),
        OptionValues = Options,
        UnitOfMeasure = UnitOfMeasure,
        Blocked = Blocked,
        LastModifiedUtc = LastModifiedUtc,
    };

    /// <summary>
    /// The value as stored, or a validation error on <paramref name="field"/>: numbers in invariant notation
    /// ("1,5" is refused rather than guessed), options spelt as defined (matched case-insensitively, as BC does).
    /// </summary>
    public string NormalizeValue(string field, string? value)
    {
        var text = (value ?? "").Trim();
        if (text.Length == 0)
        {
            throw ValidationFailedException.For(field, "is required.");
        }

        switch (Type)
        {
            case ItemAttributeType.Integer:
                return long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var whole)
                    ? whole.ToString(CultureInfo.InvariantCulture)
                    : throw ValidationFailedException.For(field, $"'{text}' is not a whole number; {Name} is an Integer attribute.");
            case ItemAttributeType.Decimal:
                return decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number)
                    ? number.ToString(CultureInfo.InvariantCulture)
                    : throw ValidationFailedException.For(field, $"'{text}' is not a number (use a '.' for decimals); {Name} is a Decimal attribute.");
            case ItemAttributeType.Option:
                return Options.FirstOrDefault(o => string.Equals(o, text, StringComparison.OrdinalIgnoreCase))
                    ?? throw ValidationFailedException.For(field, $"'{text}' is not an option of {Name}; use one of {string.Join(", ", Options)}.");
            default:
                return text.Length <= ValueLength
                    ? text
                    : throw ValidationFailedException.For(field, $"must be at most {ValueLength} characters long (it is {text.Length}).");
        }
    }

    /// <summary>Validates option values and the unit of measure for an attribute of <paramref name="type"/>.</summary>
    internal static void ValidateDefinition(Validation v, ItemAttributeType type, IReadOnlyList<string>? options, string? unitOfMeasure)
    {
        v.MaxLength("unitOfMeasure", unitOfMeasure?.Trim(), UnitOfMeasureLength);
        if (!string.IsNullOrWhiteSpace(unitOfMeasure) && type is not (ItemAttributeType.Integer or ItemAttributeType.Decimal))
        {
            // BC: only numbers are measured; "10 cm" of a text attribute belongs in the text.
            v.Add("unitOfMeasure", "applies only to Integer and Decimal attributes.");
        }

        if (options is null)
        {
            return;
        }

        if (options.Count > 0 && type != ItemAttributeType.Option)
        {
            v.Add("optionValues", "apply only to Option attributes.");
        }

        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var option in options.Select(o => (o ?? "").Trim()))
        {
            if (option.Length == 0 || option.Length > ValueLength || option.Contains('\n') || option.Contains('\r'))
            {
                v.Add("optionValues", $"each value must be one line of 1 to {ValueLength} characters.");
            }
            else if (!seen.Add(option))
            {
                v.Add("optionValues", $"'{option}' is listed twice.");
            }
        }
    }

    internal static string JoinOptions(IReadOnlyList<string> options) => string.Join('\n', options.Select(o => o.Trim()));
}

public enum ItemAttributeType
{
    Option,
    Text,
    Integer,
    Decimal,
}
