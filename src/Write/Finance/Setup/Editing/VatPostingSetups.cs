using System.Linq.Expressions;
using Saas.Write.Common;

namespace Saas.Write.Finance.Setup.Editing;

public sealed record VatPostingSetupChange
{
    public string? VatBusPostingGroup { get; init; }
    public string? VatProdPostingGroup { get; init; }
    public decimal? VatPercent { get; init; }
    public VatCalculationType? CalculationType { get; init; }
    public string? SalesVatAccount { get; init; }
    public string? PurchaseVatAccount { get; init; }
    public string? ReverseChargeVatAccount { get; init; }
}

/// <summary>The VAT posting setup (BC table 325): VAT business × VAT product posting group, rate and accounts.</summary>
public sealed class VatPostingSetups(WriteDbContext db) : PostingSetupMatrix<VatPostingSetup, VatPostingSetupChange>(
    db, new("vatPostingSetups", "VAT Posting Setup", "vatBusinessPostingGroup", "vatProductPostingGroup"))
{
    public static string Describe(VatPostingSetup s) =>
        $"VAT Posting Setup {GeneralPostingSetup.Show(s.VatBusPostingGroup)} × {GeneralPostingSetup.Show(s.VatProdPostingGroup)}";

    public static long VersionOf(VatPostingSetup s) => SetupKeys.Version(
        s.VatBusPostingGroup, s.VatProdPostingGroup, s.VatPercent.ToString("0.#####", System.Globalization.CultureInfo.InvariantCulture),
        s.CalculationType, s.SalesVatAccount, s.PurchaseVatAccount, s.ReverseChargeVatAccount);

    private protected override (string First, string Second) KeyOf(VatPostingSetup s) => (s.VatBusPostingGroup, s.VatProdPostingGroup);

    private protected override (string? First, string? Second) KeyOf(VatPostingSetupChange c) => (c.VatBusPostingGroup, c.VatProdPostingGroup);

    private protected override VatPostingSetup NewRow(string first, string second) =>
        new() { TenantId = Db.CurrentTenantId, VatBusPostingGroup = first, VatProdPostingGroup = second };

    private protected override Expression<Func<VatPostingSetup, bool>> HasKey(string first, string second) =>
        s => s.VatBusPostingGroup == first && s.VatProdPostingGroup == second;

    private protected override IQueryable<VatPostingSetup> InKeyOrder(IQueryable<VatPostingSetup> rows) =>
        rows.OrderBy(s => s.VatBusPostingGroup).ThenBy(s => s.VatProdPostingGroup);

    private protected override string Caption(VatPostingSetup s) => Describe(s);

    private protected override long Version(VatPostingSetup s) => VersionOf(s);

    private protected override async Task CheckKeyAsync(Validation v, VatPostingSetup s, CancellationToken cancellationToken)
    {
        // BC allows blank on both sides (documents without VAT groups use the blank × blank row).
        await CheckGroupAsync(v, "vatBusinessPostingGroup", PostingGroupKind.VatBusiness, s.VatBusPostingGroup, true, cancellationToken);
        await CheckGroupAsync(v, "vatProductPostingGroup", PostingGroupKind.VatProduct, s.VatProdPostingGroup, true, cancellationToken);
    }

    private protected override async Task ApplyAsync(Validation v, VatPostingSetup s, VatPostingSetupChange c, CancellationToken cancellationToken)
    {
        if (c.VatPercent is { } percent)
        {
            // BC: VAT % between 0 and 100; amounts are rounded elsewhere, the rate keeps BC's decimals.
            if (percent is < 0 or > 100)
            {
                v.Add("vatPercent", "must be between 0 and 100.");
            }

            s.VatPercent = percent;
        }

        s.CalculationType = c.CalculationType ?? s.CalculationType;
        s.SalesVatAccount = await AccountAsync(v, "salesVatAccount", c.SalesVatAccount, s.SalesVatAccount, cancellationToken);
        s.PurchaseVatAccount = await AccountAsync(v, "purchaseVatAccount", c.PurchaseVatAccount, s.PurchaseVatAccount, cancellationToken);
        s.ReverseChargeVatAccount = await AccountAsync(v, "reverseChargeVatAccount", c.ReverseChargeVatAccount, s.ReverseChargeVatAccount, cancellationToken);
        if (s.CalculationType == VatCalculationType.ReverseCharge && s.ReverseChargeVatAccount.Length == 0)
        {
            v.Add("reverseChargeVatAccount", "is required for Reverse Charge VAT.");
        }
    }
}
