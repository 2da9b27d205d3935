using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Saas.Contracts.Posting;
using Saas.Tests.Infrastructure;
using Saas.Write;
using Saas.Write.Inventory;
using Saas.Write.Outbox;
using static Saas.Tests.Posting.PostingHarness;

namespace Saas.Tests.InventoryRead;

/// <summary>
/// Delivery is at least once: the same EntriesPosted again (same message id: the inbox says so) and the same
/// posting under another message id (a replay: the register mark says so) change no quantity.
/// </summary>
public abstract class a_redelivered_posting_is_counted_once<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : PipelineApp
{
    [Fact]
    public async Task neither_the_same_message_nor_a_replay_of_its_register_adds_again()
    {
        var company = await NewCompanyAsync(app);
        var item = await company.ItemAsync("TWICE-1", CostingMethod.FIFO);
        var posted = await company.PostAsync(PositiveAdjmt(item, 5, 2m, Day1), Transfer(item, 2, Day1, "MAIN", await company.LocationAsync("EAST")));
        var position = posted.ReadPosition!.Value;
        await app.SettleAsync(company.TenantId, position);
        var once = await InventoryRows.ProjectedAsync(app, company.TenantId);
        Assert.Equal([3m, 2m], once.OrderBy(r => r.LocationCode == "MAIN" ? 0 : 1).Select(r => r.Quantity));

        var message = await company.InTenantAsync(async db =>
        {
            var row = await db.Outbox.AsNoTracking().SingleAsync(o => o.MessageId == position);
            return (EntriesPosted)JsonSerializer.Deserialize(row.Body, typeof(EntriesPosted), OutboxMessageTypes.Json)!;
        });

        await Events.PublishAsync(app, message, position, company.TenantId.ToString());
        await app.Messages.WaitConsumedAsync(position, 2);
        Assert.Equal(once, await InventoryRows.ProjectedAsync(app, company.TenantId));

        var replay = Guid.NewGuid();
        await Events.PublishAsync(app, message, replay, company.TenantId.ToString());
        await app.SettleAsync(company.TenantId, replay);
        Assert.Equal(once, await InventoryRows.ProjectedAsync(app, company.TenantId));
        Assert.Equal(InventoryRows.Expected(await company.LedgersAsync()), once);
    }
}

public sealed class a_redelivered_posting_is_counted_once_on_sqlite(SqliteApp app)
    : a_redelivered_posting_is_counted_once<SqliteApp>(app);

public sealed class a_redelivered_posting_is_counted_once_on_postgres(PostgresApp app)
    : a_redelivered_posting_is_counted_once<PostgresApp>(app);

public sealed class a_redelivered_posting_is_counted_once_on_postgres_and_rabbitmq(PostgresRabbitMqApp app)
    : a_redelivered_posting_is_counted_once<PostgresRabbitMqApp>(app);
