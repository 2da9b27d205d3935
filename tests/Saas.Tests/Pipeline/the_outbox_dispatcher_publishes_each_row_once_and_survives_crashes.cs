using Dapper;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Saas.Read.MasterData;
using Saas.Tenancy.Context;
using Saas.Tenancy.Storage;
using Saas.Tests.Infrastructure;
using Saas.Write.Inventory;
using Saas.Write.Outbox;

namespace Saas.Tests.Pipeline;

/// <summary>Runs with the background dispatcher off, so each test decides when and how rows are dispatched.</summary>
public abstract class the_outbox_dispatcher_publishes_each_row_once_and_survives_crashes<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : PipelineApp
{
    [Fact]
    public async Task a_crash_between_publish_and_mark_publishes_again_and_the_inbox_ignores_the_duplicate()
    {
        var tenant = await app.NewTenantAsync();
        var created = await app.InTenantAsync(tenant.Id, sp => sp.GetRequiredService<CreateItemHandler>()
            .HandleAsync(new CreateItem { DisplayName = "Lamp" }));
        var updated = await app.InTenantAsync(tenant.Id, sp => sp.GetRequiredService<UpdateItemHandler>()
            .HandleAsync(new UpdateItem { Id = created.Snapshot.ItemId, ExpectedVersion = 1, UnitPrice = 30m }));
        await app.SettleAsync(tenant.Id, updated.ReadPosition);
        await app.Messages.WaitConsumedAsync(created.ReadPosition, 1);

        // The state a crash leaves: the message went out, but the transaction that marked it never committed.
        await using (var owner = await app.OpenOwnerConnectionAsync())
        {
            await owner.ExecuteAsync("UPDATE outbox SET published_utc = NULL WHERE message_id = @M", new { M = created.ReadPosition });
        }

        await app.DispatchAllAsync();
        Assert.Equal(2, app.Messages.Published(created.ReadPosition));
        await app.Messages.WaitConsumedAsync(created.ReadPosition, 2);

        var row = await app.InTenantAsync(tenant.Id, sp => sp.GetRequiredService<ItemQueries>().GetAsync(created.Snapshot.ItemId));
        Assert.Equal(2, row!.Version);
        Assert.Equal(30m, row.UnitPrice);
        Assert.Equal(1, await InboxRowsAsync(tenant.Id, created.ReadPosition));
    }

    [Fact]
    public async Task two_dispatchers_running_at_once_publish_every_row_exactly_once()
    {
        var tenant = await app.NewTenantAsync();
        var positions = new List<Guid>();
        await app.InTenantAsync(tenant.Id, async sp =>
        {
            var handler = sp.GetRequiredService<CreateItemHandler>();
            for (var i = 0; i < 120; i++)
            {
                positions.Add((await handler.HandleAsync(new CreateItem { DisplayName = $"Part {i}" })).ReadPosition);
            }
        });

        // Small batches so the two really interleave instead of one taking everything in one pass.
        var first = NewDispatcher(batchSize: 7);
        var second = NewDispatcher(batchSize: 7);
        await Task.WhenAll(RunUntilEmptyAsync(first), RunUntilEmptyAsync(second));

        Assert.All(positions, p => Assert.Equal(1, app.Messages.Published(p)));
        await using var owner = await app.OpenOwnerConnectionAsync();
        var unpublished = await owner.ExecuteScalarAsync<long>(
            "SELECT COUNT(*) FROM outbox WHERE tenant_id = @T AND published_utc IS NULL", new { T = tenant.Id });
        Assert.Equal(0, unpublished);
        await app.SettleAsync(tenant.Id, positions[^1]);
    }

    [Fact]
    public async Task a_poison_row_is_retried_then_parked_and_a_replay_puts_it_back()
    {
        var tenant = await app.NewTenantAsync();
        var poison = Guid.NewGuid();
        await using (var owner = await app.OpenOwnerConnectionAsync())
        {
            // A row no publisher can handle (its type does not exist), as a bad deployment could leave behind.
            await owner.ExecuteAsync(
                """
                INSERT INTO outbox (message_id, tenant_id, type, body, occurred_utc, attempts, next_attempt_utc, parked)
                VALUES (@M, @T, 'Saas.Contracts.Nope', '{}', @Now, 0, @Now, @No)
                """,
                new { M = poison, T = tenant.Id, Now = DateTime.UtcNow.AddMinutes(-1), No = false });
        }

        var dispatcher = NewDispatcher(batchSize: 10, maxAttempts: 2);
        await dispatcher.DispatchOnceAsync();
        Assert.Equal((1, false), await StateAsync(poison));
        await dispatcher.DispatchOnceAsync();
        Assert.Equal((2, true), await StateAsync(poison));
        await dispatcher.DispatchOnceAsync();
        Assert.Equal((2, true), await StateAsync(poison)); // parked rows are left alone

        Assert.True(await dispatcher.ReplayParkedAsync() >= 1);
        Assert.Equal((0, false), await StateAsync(poison));

        // Out of the way of the other tests of this class.
        await using var cleanup = await app.OpenOwnerConnectionAsync();
        await cleanup.ExecuteAsync("DELETE FROM outbox WHERE message_id = @M", new { M = poison });
    }

    private OutboxDispatcher NewDispatcher(int batchSize, int maxAttempts = 10) => new(
        app.Services.GetRequiredService<TenantScopes>(),
        app.Services.GetRequiredService<TenantDatabases>(),
        app.Services.GetRequiredService<IBus>(),
        Options.Create(new OutboxOptions { BatchSize = batchSize, MaxAttempts = maxAttempts, FirstBackoff = TimeSpan.Zero }),
        TimeProvider.System,
        NullLogger<OutboxDispatcher>.Instance);

    private static async Task RunUntilEmptyAsync(OutboxDispatcher dispatcher)
    {
        while (await dispatcher.DispatchOnceAsync() > 0)
        {
        }
    }

    private async Task<(int Attempts, bool Parked)> StateAsync(Guid messageId)
    {
        await using var owner = await app.OpenOwnerConnectionAsync();
        var row = await owner.QuerySingleAsync<OutboxState>(
            "SELECT attempts AS Attempts, parked AS Parked FROM outbox WHERE message_id = @M", new { M = messageId });
        return (row.Attempts, row.Parked);
    }

    private Task<long> InboxRowsAsync(Guid tenantId, Guid messageId) =>
        app.InTenantAsync(tenantId, sp => sp.GetRequiredService<TenantDb>().ReadAsync(s =>
            s.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM inbox WHERE tenant_id = @TenantId AND message_id = @M", new { M = messageId })));

    private sealed class OutboxState
    {
        public int Attempts { get; set; }
        public bool Parked { get; set; }
    }
}

public sealed class the_outbox_dispatcher_publishes_each_row_once_and_survives_crashes_on_sqlite(SqliteManualDispatchApp app)
    : the_outbox_dispatcher_publishes_each_row_once_and_survives_crashes<SqliteManualDispatchApp>(app);

public sealed class the_outbox_dispatcher_publishes_each_row_once_and_survives_crashes_on_postgres(PostgresManualDispatchApp app)
    : the_outbox_dispatcher_publishes_each_row_once_and_survives_crashes<PostgresManualDispatchApp>(app);
