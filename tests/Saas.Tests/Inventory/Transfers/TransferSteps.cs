using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Saas.Tests.Posting;
using Saas.Write;
using Saas.Write.Inventory.Transfers;
using Saas.Write.Setup;

namespace Saas.Tests.Inventory.Transfers;

/// <summary>The transfer order calls the specs make, in one company of a <see cref="PostingHarness"/>.</summary>
public sealed class TransferSteps(PostingHarness company)
{
    public const string InTransit = TenantOnboarding.InTransitLocationCode;

    public Task<TransferHeader> OrderAsync(string from, string to, DateOnly shipment, DateOnly? receipt = null, string inTransit = InTransit) =>
        Handlers(h => h.CreateAsync(new CreateTransferOrder
        {
            TransferFromCode = from, TransferToCode = to, InTransitCode = inTransit, ShipmentDate = shipment, ReceiptDate = receipt ?? shipment,
        }));

    public Task<TransferLine> LineAsync(Guid orderId, string item, decimal quantity) =>
        Handlers(h => h.SaveLineAsync(new SaveTransferLine { TransferOrderId = orderId, ItemNumber = item, Quantity = quantity }));

    public Task<TransferLine> ChangeLineAsync(TransferLine line, decimal? qtyToShip = null, decimal? qtyToReceive = null, decimal? quantity = null) =>
        Handlers(h => h.SaveLineAsync(new SaveTransferLine
        {
            TransferOrderId = line.TransferOrderId, LineId = line.Id, QtyToShip = qtyToShip, QtyToReceive = qtyToReceive, Quantity = quantity,
        }));

    public Task<TransferHeader> DatesAsync(Guid orderId, DateOnly? shipment = null, DateOnly? receipt = null) =>
        Handlers(h => h.UpdateAsync(new UpdateTransferOrder { Id = orderId, ShipmentDate = shipment, ReceiptDate = receipt }));

    public Task<TransferPosted> ShipAsync(Guid orderId, string? key = null) =>
        company.WithServicesAsync(sp => sp.GetRequiredService<TransferPosting>().ShipAsync(orderId, key));

    public Task<TransferPosted> ReceiveAsync(Guid orderId, string? key = null) =>
        company.WithServicesAsync(sp => sp.GetRequiredService<TransferPosting>().ReceiveAsync(orderId, key));

    public Task<TransferLine?> ReloadAsync(TransferLine line) =>
        company.InTenantAsync(db => db.TransferLines.AsNoTracking().SingleOrDefaultAsync(l => l.Id == line.Id));

    public Task<TransferHeader?> HeaderAsync(Guid orderId) =>
        company.InTenantAsync(db => db.TransferHeaders.AsNoTracking().SingleOrDefaultAsync(h => h.Id == orderId));

    public Task<List<PostedTransferDocument>> DocumentsAsync() =>
        company.InTenantAsync(async db => (await db.PostedTransferDocuments.AsNoTracking().ToListAsync())
            .OrderBy(d => d.DocumentType).ThenBy(d => d.Number, StringComparer.Ordinal).ToList());

    public Task<List<PostedTransferLine>> LinesOfAsync(Guid documentId) =>
        company.InTenantAsync(db => db.PostedTransferLines.AsNoTracking().Where(l => l.DocumentId == documentId).OrderBy(l => l.LineNo).ToListAsync());

    private Task<T> Handlers<T>(Func<TransferOrders, Task<T>> work) =>
        company.WithServicesAsync(sp => work(sp.GetRequiredService<TransferOrders>()));
}
