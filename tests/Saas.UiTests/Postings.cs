using Microsoft.Extensions.DependencyInjection;
using Saas.Tenancy.Context;
using Saas.Write.Finance.Posting;
using Saas.Write.Inventory.Ledger;
using Saas.Write.Inventory.Transfers;
using Saas.Write.Setup;

namespace Saas.UiTests;

/// <summary>
/// Postings a test needs as its starting point, made through the company's own services (as an API client would):
/// the pages that post have tests of their own, and the tests that start from posted entries stay short.
/// </summary>
public static class Postings
{
    public static Task AdjustAsync(AppServer server, Guid company, string item, decimal quantity, decimal unitCost, DateOnly date) =>
        InCompanyAsync(server, company, services => services.GetRequiredService<ItemPostingEngine>().PostAsync(new ItemPosting
        {
            Lines =
            [
                new ItemPostingLine
                {
                    EntryType = ItemLedgerEntryType.PositiveAdjmt, ItemNo = item, Quantity = quantity, UnitCost = unitCost, PostingDate = date,
                    LocationCode = "MAIN",
                },
            ],
        }));

    /// <summary>A new location, a transfer order from MAIN to it, and its shipment: returns the posted shipment.</summary>
    public static Task<TransferPosted> ShipAsync(AppServer server, Guid company, string item, decimal quantity, DateOnly date, string to) =>
        InCompanyAsync(server, company, async services =>
        {
            await services.GetRequiredService<CreateLocationHandler>().HandleAsync(new CreateLocation { Code = to, DisplayName = to });
            var orders = services.GetRequiredService<TransferOrders>();
            var order = await orders.CreateAsync(new CreateTransferOrder
            {
                TransferFromCode = "MAIN", TransferToCode = to, InTransitCode = TenantOnboarding.InTransitLocationCode, ShipmentDate = date, ReceiptDate = date,
            });
            await orders.SaveLineAsync(new SaveTransferLine { TransferOrderId = order.Id, ItemNumber = item, Quantity = quantity });
            return await services.GetRequiredService<TransferPosting>().ShipAsync(order.Id, null);
        });

    private static async Task<T> InCompanyAsync<T>(AppServer server, Guid company, Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = await server.Services.GetRequiredService<TenantScopes>().BeginScope(company);
        return await work(scope.Services);
    }
}
