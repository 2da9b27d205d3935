using System.Text.Json.Serialization;
using Saas.Identity;
using Saas.Web.MasterData;
using Saas.Write.Common;
using Saas.Write.Finance.Setup;
using Saas.Write.Finance.Setup.Editing;

namespace Saas.Web.Finance;

/// <summary>
/// The posting setup matrices: <c>generalPostingSetups</c>, <c>inventoryPostingSetups</c>, <c>vatPostingSetups</c>
/// (GET list/one, POST, PATCH, DELETE). A row's key (its two codes) is fixed once created.
/// </summary>
internal static class PostingSetupApi
{
    public static void Map(RouteGroupBuilder company)
    {
        FinanceSetupApi.MapSetupTable<GeneralPostingSetups, GeneralPostingSetup, GeneralPostingSetupChange, GeneralPostingSetupInput>(
            company, "generalPostingSetups", "General Posting Setup", GeneralPostingSetups.VersionOf,
            s => [s.GenBusPostingGroup, s.GenProdPostingGroup], General);
        FinanceSetupApi.MapSetupTable<InventoryPostingSetups, InventoryPostingSetup, InventoryPostingSetupChange, InventoryPostingSetupInput>(
            company, "inventoryPostingSetups", "Inventory Posting Setup", InventoryPostingSetups.VersionOf,
            s => [s.LocationCode, s.InventoryPostingGroup], Inventory);
        FinanceSetupApi.MapSetupTable<VatPostingSetups, VatPostingSetup, VatPostingSetupChange, VatPostingSetupInput>(
            company, "vatPostingSetups", "VAT Posting Setup", VatPostingSetups.VersionOf,
            s => [s.VatBusPostingGroup, s.VatProdPostingGroup], Vat);
    }

    private static GeneralPostingSetupResource General(GeneralPostingSetups setups, GeneralPostingSetup s) => new()
    {
        ETag = ApiSupport.ETag(GeneralPostingSetups.VersionOf(s)), Id = setups.IdOf(s),
        GeneralBusinessPostingGroup = s.GenBusPostingGroup, GeneralProductPostingGroup = s.GenProdPostingGroup,
        SalesAccount = s.SalesAccount, SalesCreditMemoAccount = s.SalesCreditMemoAccount, PurchaseAccount = s.PurchaseAccount,
        PurchaseCreditMemoAccount = s.PurchaseCreditMemoAccount, CogsAccount = s.CogsAccount, CogsInterimAccount = s.CogsInterimAccount,
        InventoryAdjustmentAccount = s.InventoryAdjustmentAccount, InventoryAccrualInterimAccount = s.InventoryAccrualInterimAccount,
        DirectCostAppliedAccount = s.DirectCostAppliedAccount, OverheadAppliedAccount = s.OverheadAppliedAccount,
        PurchaseVarianceAccount = s.PurchaseVarianceAccount,
    };

    private static InventoryPostingSetupResource Inventory(InventoryPostingSetups setups, InventoryPostingSetup s) => new(
        ApiSupport.ETag(InventoryPostingSetups.VersionOf(s)), setups.IdOf(s), s.LocationCode, s.InventoryPostingGroup, s.InventoryAccount, s.InventoryInterimAccount);

    private static VatPostingSetupResource Vat(VatPostingSetups setups, VatPostingSetup s) => new(
        ApiSupport.ETag(VatPostingSetups.VersionOf(s)), setups.IdOf(s), s.VatBusPostingGroup, s.VatProdPostingGroup, s.VatPercent,
        BcEnum.ToWord(s.CalculationType), s.SalesVatAccount, s.PurchaseVatAccount, s.ReverseChargeVatAccount);

    private sealed record GeneralPostingSetupResource
    {
        [JsonPropertyName("@odata.etag")]
        public required string ETag { get; init; }

        public required Guid Id { get; init; }
        public required string GeneralBusinessPostingGroup { get; init; }
        public required string GeneralProductPostingGroup { get; init; }
        public required string SalesAccount { get; init; }
        public required string SalesCreditMemoAccount { get; init; }
        public required string PurchaseAccount { get; init; }
        public required string PurchaseCreditMemoAccount { get; init; }
        public required string CogsAccount { get; init; }
        public required string CogsInterimAccount { get; init; }
        public required string InventoryAdjustmentAccount { get; init; }
        public required string InventoryAccrualInterimAccount { get; init; }
        public required string DirectCostAppliedAccount { get; init; }
        public required string OverheadAppliedAccount { get; init; }
        public required string PurchaseVarianceAccount { get; init; }
    }

    private sealed record InventoryPostingSetupResource(
        [property: JsonPropertyName("@odata.etag")] string ETag, Guid Id, string LocationCode, string InventoryPostingGroup,
        string InventoryAccount, string InventoryInterimAccount);

    private sealed record VatPostingSetupResource(
        [property: JsonPropertyName("@odata.etag")] string ETag, Guid Id, string VatBusinessPostingGroup, string VatProductPostingGroup,
        decimal VatPercent, string VatCalculationType, string SalesVatAccount, string PurchaseVatAccount, string ReverseChargeVatAccount);

    private sealed record GeneralPostingSetupInput : ISetupInput<GeneralPostingSetupChange>
    {
        [JsonPropertyName("@odata.etag")]
        public string? ODataETag { get; init; }

        public string? GeneralBusinessPostingGroup { get; init; }
        public string? GeneralProductPostingGroup { get; init; }
        public string? SalesAccount { get; init; }
        public string? SalesCreditMemoAccount { get; init; }
        public string? PurchaseAccount { get; init; }
        public string? PurchaseCreditMemoAccount { get; init; }
        public string? CogsAccount { get; init; }
        public string? CogsInterimAccount { get; init; }
        public string? InventoryAdjustmentAccount { get; init; }
        public string? InventoryAccrualInterimAccount { get; init; }
        public string? DirectCostAppliedAccount { get; init; }
        public string? OverheadAppliedAccount { get; init; }
        public string? PurchaseVarianceAccount { get; init; }

        public GeneralPostingSetupChange ToChange() => new()
        {
            GenBusPostingGroup = GeneralBusinessPostingGroup, GenProdPostingGroup = GeneralProductPostingGroup,
            SalesAccount = SalesAccount, SalesCreditMemoAccount = SalesCreditMemoAccount, PurchaseAccount = PurchaseAccount,
            PurchaseCreditMemoAccount = PurchaseCreditMemoAccount, CogsAccount = CogsAccount, CogsInterimAccount = CogsInterimAccount,
            InventoryAdjustmentAccount = InventoryAdjustmentAccount, InventoryAccrualInterimAccount = InventoryAccrualInterimAccount,
            DirectCostAppliedAccount = DirectCostAppliedAccount, OverheadAppliedAccount = OverheadAppliedAccount,
            PurchaseVarianceAccount = PurchaseVarianceAccount,
        };
    }

    private sealed record InventoryPostingSetupInput : ISetupInput<InventoryPostingSetupChange>
    {
        [JsonPropertyName("@odata.etag")]
        public string? ODataETag { get; init; }

        public string? LocationCode { get; init; }
        public string? InventoryPostingGroup { get; init; }
        public string? InventoryAccount { get; init; }
        public string? InventoryInterimAccount { get; init; }

        public InventoryPostingSetupChange ToChange() => new()
        {
            LocationCode = LocationCode, InventoryPostingGroup = InventoryPostingGroup, InventoryAccount = InventoryAccount,
            InventoryInterimAccount = InventoryInterimAccount,
        };
    }

    private sealed record VatPostingSetupInput : ISetupInput<VatPostingSetupChange>
    {
        [JsonPropertyName("@odata.etag")]
        public string? ODataETag { get; init; }

        public string? VatBusinessPostingGroup { get; init; }
        public string? VatProductPostingGroup { get; init; }
        public decimal? VatPercent { get; init; }
        public string? VatCalculationType { get; init; }
        public string? SalesVatAccount { get; init; }
        public string? PurchaseVatAccount { get; init; }
        public string? ReverseChargeVatAccount { get; init; }

        public VatPostingSetupChange ToChange()
        {
            var v = new Validation();
            var type = ApiSupport.ParseOrNull<VatCalculationType>(v, "vatCalculationType", VatCalculationType);
            v.ThrowIfInvalid();
            return new VatPostingSetupChange
            {
                VatBusPostingGroup = VatBusinessPostingGroup, VatProdPostingGroup = VatProductPostingGroup, VatPercent = VatPercent,
                CalculationType = type, SalesVatAccount = SalesVatAccount, PurchaseVatAccount = PurchaseVatAccount,
                ReverseChargeVatAccount = ReverseChargeVatAccount,
            };
        }
    }
}
