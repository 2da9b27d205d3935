using Microsoft.EntityFrameworkCore;
using Saas.Write.Common;
using Saas.Write.Finance.Setup;
using Saas.Write.Inventory.Ledger;

namespace Saas.Write.Finance.Posting;

/// <summary>
/// BC's inventory posting to G/L: the accounts of a value entry come from the inventory posting setup (location ×
/// inventory posting group) and the general posting setup (business × product group). Missing setup or an unusable
/// account refuses the posting with a message that names what to set up. Looked up once per combination per posting.
/// </summary>
public sealed class InventoryAccounts(WriteDbContext db)
{
    private readonly Dictionary<(string, string), InventoryPostingSetup> inventorySetups = [];
    private readonly Dictionary<(string, string), GeneralPostingSetup> generalSetups = [];
    private readonly Dictionary<string, GLAccount?> accounts = [];

    /// <summary>The G/L lines of one value entry: debit/credit pairs for its actual and (when posted to G/L) expected cost.</summary>
    public async Task<List<(string Account, decimal Amount)>> LinesForAsync(ValueEntry value, bool expectedCostToGL, CancellationToken cancellationToken)
    {
        var inventory = await InventorySetupAsync(value.LocationCode, value.InventoryPostingGroup, cancellationToken);
        var general = await GeneralSetupAsync(value.GenBusPostingGroup, value.GenProdPostingGroup, cancellationToken);
        var lines = new List<(string, decimal)>();

        var inventoryAccount = await AccountAsync(inventory.InventoryAccount, "Inventory Account", inventory.Describe(), cancellationToken);
        var (counterName, counterNo) = ActualCounterpart(value, general);
        var counter = await AccountAsync(counterNo, counterName, general.Describe(), cancellationToken);
        if (value.CostAmountActual != 0)
        {
            lines.Add((inventoryAccount, value.CostAmountActual));
            lines.Add((counter, -value.CostAmountActual));
        }

        if (expectedCostToGL)
        {
            var interim = await AccountAsync(inventory.InventoryInterimAccount, "Inventory Account (Interim)", inventory.Describe(), cancellationToken);
            var (expectedName, expectedNo) = value.ItemLedgerEntryType switch
            {
                ItemLedgerEntryType.Purchase => ("Invt. Accrual Acc. (Interim)", general.InventoryAccrualInterimAccount),
                ItemLedgerEntryType.Sale => ("COGS Account (Interim)", general.CogsInterimAccount),
                _ => ("Inventory Adjmt. Account", general.InventoryAdjustmentAccount),
            };
            var expectedCounter = await AccountAsync(expectedNo, expectedName, general.Describe(), cancellationToken);
            if (value.CostAmountExpected != 0)
            {
                lines.Add((interim, value.CostAmountExpected));
                lines.Add((expectedCounter, -value.CostAmountExpected));
            }
        }

        return lines;
    }

    /// <summary>Where the other side of inventory goes, by BC's rules for the value entry type and item ledger entry type.</summary>
    private static (string Name, string Account) ActualCounterpart(ValueEntry value, GeneralPostingSetup setup) => value.EntryType switch
    {
        ValueEntryType.Variance => ("Purchase Variance Account", setup.PurchaseVarianceAccount),
        ValueEntryType.IndirectCost => ("Overhead Applied Account", setup.OverheadAppliedAccount),
        ValueEntryType.Revaluation or ValueEntryType.Rounding => ("Inventory Adjmt. Account", setup.InventoryAdjustmentAccount),
        _ => value.ItemLedgerEntryType switch
        {
            ItemLedgerEntryType.Purchase => ("Direct Cost Applied Account", setup.DirectCostAppliedAccount),
            ItemLedgerEntryType.Sale => ("COGS Account", setup.CogsAccount),
            _ => ("Inventory Adjmt. Account", setup.InventoryAdjustmentAccount),
        },
    };

    private async Task<InventoryPostingSetup> InventorySetupAsync(string location, string group, CancellationToken cancellationToken)
    {
        if (!inventorySetups.TryGetValue((location, group), out var setup))
        {
            setup = await db.InventoryPostingSetups.AsNoTracking()
                .SingleOrDefaultAsync(s => s.LocationCode == location && s.InventoryPostingGroup == group, cancellationToken)
                ?? throw ValidationFailedException.For(
                    "inventoryPostingSetup",
                    $"Inventory Posting Setup {GeneralPostingSetup.Show(location)} × {GeneralPostingSetup.Show(group)} does not exist.");
            inventorySetups[(location, group)] = setup;
        }

        return setup;
    }

    private async Task<GeneralPostingSetup> GeneralSetupAsync(string bus, string product, CancellationToken cancellationToken)
    {
        if (!generalSetups.TryGetValue((bus, product), out var setup))
        {
            setup = await db.GeneralPostingSetups.AsNoTracking()
                .SingleOrDefaultAsync(s => s.GenBusPostingGroup == bus && s.GenProdPostingGroup == product, cancellationToken)
                ?? throw ValidationFailedException.For(
                    "generalPostingSetup",
                    $"General Posting Setup {GeneralPostingSetup.Show(bus)} × {GeneralPostingSetup.Show(product)} does not exist.");
            generalSetups[(bus, product)] = setup;
        }

        return setup;
    }

    private async Task<string> AccountAsync(string number, string field, string setup, CancellationToken cancellationToken)
    {
        if (number.Length == 0)
        {
            throw ValidationFailedException.For("postingSetup", $"{field} is missing in {setup}.");
        }

        if (!accounts.TryGetValue(number, out var account))
        {
            account = await db.GLAccounts.AsNoTracking().SingleOrDefaultAsync(a => a.Number == number, cancellationToken);
            accounts[number] = account;
        }

        if (account is null)
        {
            throw ValidationFailedException.For("postingSetup", $"G/L Account {number} ({field} in {setup}) does not exist.");
        }

        if (account.Blocked)
        {
            throw ValidationFailedException.For("postingSetup", $"G/L Account {number} ({field} in {setup}) is blocked.");
        }

        return number;
    }
}
