using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Saas.Tenancy.Context;
using Saas.Write;
using Saas.Write.Inventory;
using Saas.Write.Inventory.Transfers;
using Saas.Write.Setup;
using Xunit.Abstractions;

namespace Saas.UiTests;

/// <summary>
/// Two people on one transfer order: while the card is open, someone else changes a line. Saving the card must not
/// put the old values back over that change: it says the order was changed and keeps the other person's quantity.
/// </summary>
public sealed class a_stale_transfer_order_card_does_not_overwrite_a_newer_change(ITestOutputHelper output) : UiTest(output)
{
    [Fact]
    public Task the_second_save_is_refused_with_a_clear_message() => Flow(async () =>
    {
        await Server.EnsurePersonAsync(AppServer.AdministratorOfBoth, "Administrator", AppServer.Contoso, AppServer.Fabrikam);
        var (orderId, line) = await InContosoAsync(async sp =>
        {
            await sp.GetRequiredService<CreateLocationHandler>().HandleAsync(new CreateLocation { Code = "DEPOT", DisplayName = "Depot" });
            var item = await sp.GetRequiredService<WriteDbContext>().Items.AsNoTracking()
                .Where(i => i.Type == ItemType.Inventory && !i.Blocked).OrderBy(i => i.Number).Select(i => i.Number).FirstAsync();
            var orders = sp.GetRequiredService<TransferOrders>();
            var order = await orders.CreateAsync(new CreateTransferOrder { TransferFromCode = "MAIN", TransferToCode = "DEPOT" });
            return (order.Id, await orders.SaveLineAsync(new SaveTransferLine { TransferOrderId = order.Id, ItemNumber = item, Quantity = 4 }));
        });

        await SignIn(AppServer.AdministratorOfBoth, startAt: $"/transferOrders/{orderId}");
        await Expect(Page.GetByLabel("Quantity, line 10000")).ToHaveValueAsync("4");

        // Meanwhile, in another session: the line's quantity becomes 7.
        await InContosoAsync(sp => sp.GetRequiredService<TransferOrders>()
            .SaveLineAsync(new SaveTransferLine { TransferOrderId = orderId, LineId = line.Id, Quantity = 7 }));

        await Page.GetByLabel("Qty. to Ship, line 10000").FillAsync("2");
        await Page.GetByRole(Microsoft.Playwright.AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Expect(Page.GetByTestId("form-errors")).ToContainTextAsync("Someone else changed this order after you opened it");

        var stored = await InContosoAsync(sp => sp.GetRequiredService<WriteDbContext>().TransferLines.AsNoTracking().SingleAsync(l => l.Id == line.Id));
        Assert.Equal((7m, 7m), (stored.Quantity, stored.QtyToShip));

        // Opened again, the card shows the current values and saves.
        await Page.GotoAsync($"/transferOrders/{orderId}");
        await Expect(Page.GetByLabel("Quantity, line 10000")).ToHaveValueAsync("7");
        await Page.GetByLabel("Qty. to Ship, line 10000").FillAsync("2");
        await Page.GetByRole(Microsoft.Playwright.AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Expect(Page.GetByLabel("Qty. to Ship, line 10000")).ToHaveValueAsync("2");
        await Expect(Page.GetByTestId("form-errors")).ToHaveCountAsync(0);
    });

    private async Task<T> InContosoAsync<T>(Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = await Server.Services.GetRequiredService<TenantScopes>().BeginScope(AppServer.Contoso);
        return await work(scope.Services);
    }
}
