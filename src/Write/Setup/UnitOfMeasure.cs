using Saas.Tenancy.Storage;

namespace Saas.Write.Setup;

/// <summary>
/// A unit of measure (BC table 204): the code an item's Base Unit of Measure names. A small setup table read from
/// the write model like the posting groups (no projection): its API id is derived from the code, its ETag from the
/// stored values.
/// </summary>
public sealed class UnitOfMeasure : ITenantOwned
{
    // BC: Code Code[10], Description Text[50], International Standard Code Code[10].
    public const int CodeLength = 10;
    public const int DescriptionLength = 50;
    public const int InternationalStandardCodeLength = 10;

    public Guid TenantId { get; set; }
    public string Code { get; set; } = "";
    public string Description { get; set; } = "";

    /// <summary>The UN/ECE Recommendation 20 code e-documents carry (PCS is "EA", KG is "KGM").</summary>
    public string InternationalStandardCode { get; set; } = "";

    public DateTime LastModifiedUtc { get; set; }

    /// <summary>
    /// BC's usual codes, seeded for every new company on onboarding (companies that existed before the table got
    /// this list, as it was then, from its migration).
    /// </summary>
    public static readonly IReadOnlyList<(string Code, string Description, string InternationalStandardCode)> Standard =
    [
        ("BOX", "Box", "BX"),
        ("CAN", "Can", "CA"),
        ("DAY", "Day", "DAY"),
        ("GR", "Gram", "GRM"),
        ("HOUR", "Hour", "HUR"),
        ("KG", "Kilogram", "KGM"),
        ("KM", "Kilometer", "KMT"),
        ("L", "Liter", "LTR"),
        ("M", "Meter", "MTR"),
        ("PACK", "Pack", "PK"),
        ("PALLET", "Pallet", "PF"),
        ("PCS", "Piece", "EA"),
        ("SET", "Set", "SET"),
        ("T", "Tonne", "TNE"),
    ];
}
