using Dapper;
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

    [Fact]
    public async Task while_the_broker_hangs_no_transaction_is_open_and_once_it_is_back_the_backlog_drains()
    {
        var tenant = await app.NewTenantAsync();
        var positions = await CreateItemsAsync(tenant.Id, 5);
        var broker = new BrokerStandIn(app.Services.GetRequiredService<IOutboxTransport>());
        broker.Hang();
        var dispatcher = NewDispatcher(batchSize: 100, transport: broker);
        var pass = dispatcher.DispatchOnceAsync();
        await broker.PublishEntered.WaitAsync(TimeSpan.FromSeconds(20));

        // The publish is under way and stuck: the claim was committed before it began.
        await using (var owner = await app.OpenOwnerConnectionAsync())
        {
            Assert.Equal(positions.Count, await owner.ExecuteScalarAsync<long>(
                "SELECT COUNT(*) FROM outbox WHERE tenant_id = @T AND claim_id IS NOT NULL AND published_utc IS NULL", new { T = tenant.Id }));

            // A writer of the very rows being published does not wait: no row lock (PostgreSQL) and no write lock
            // (SQLite) is held across the publish. Locked, this would fail after the command timeout.
            Assert.Equal(positions.Count, await owner.ExecuteAsync(new CommandDefinition(
                "UPDATE outbox SET last_error = last_error WHERE tenant_id = @T AND published_utc IS NULL", new { T = tenant.Id }, commandTimeout: 5)));
            if (app.Provider == DatabaseProvider.Postgres)
            {
                Assert.Equal(0, await owner.ExecuteScalarAsync<long>(
                    """
                    SELECT COUNT(*) FROM pg_stat_activity
                    WHERE datname = current_database() AND pid <> pg_backend_pid() AND state LIKE 'idle in transaction%'
                    """));
            }
        }

        // The connection is lost: the rows are handed back without counting an attempt (the broker's fault, not theirs).
        broker.GoDown();
        Assert.Equal(0, await pass.WaitAsync(TimeSpan.FromSeconds(20)));
        await using (var owner = await app.OpenOwnerConnectionAsync())
        {
            foreach (var position in positions)
            {
                var row = await owner.QuerySingleAsync<OutboxState>(
                    "SELECT attempts AS Attempts, parked AS Parked, claim_id AS ClaimId, published_utc AS PublishedUtc FROM outbox WHERE message_id = @M",
                    new { M = position });
                Assert.Equal((0, false, null, null), (row.Attempts, row.Parked, row.ClaimId, row.PublishedUtc));
            }
        }

        // The dispatcher waits for the bus instead of claiming, and drains as soon as the broker is back.
        var draining = RunUntilEmptyAsync(dispatcher);
        broker.Recover();
        await draining.WaitAsync(TimeSpan.FromSeconds(20));
        foreach (var position in positions)
        {
            await app.SettleAsync(tenant.Id, position);
        }

        Assert.All(positions, p => Assert.Equal(1, app.Messages.Published(p)));
    }

    [Fact]
    public async Task a_publish_that_never_returns_is_cut_by_the_publish_timeout_and_retried()
    {
        var tenant = await app.NewTenantAsync();
        var position = (await CreateItemsAsync(tenant.Id, 1))[0];
        var broker = new BrokerStandIn(app.Services.GetRequiredService<IOutboxTransport>());
        broker.Hang();
        var dispatcher = NewDispatcher(batchSize: 100, transport: broker, publishTimeout: TimeSpan.FromMilliseconds(300));

        Assert.Equal(0, await dispatcher.DispatchOnceAsync().WaitAsync(TimeSpan.FromSeconds(20)));
        Assert.Equal((1, false), await StateAsync(position));

        broker.Recover();
        await RunUntilEmptyAsync(dispatcher).WaitAsync(TimeSpan.FromSeconds(20));
        await app.SettleAsync(tenant.Id, position);
        Assert.Equal(1, app.Messages.Published(position));
    }

    [Fact]
    public async Task rows_of_a_dispatcher_that_stopped_responding_are_taken_over_when_its_lease_runs_out()
    {
        var tenant = await app.NewTenantAsync();
        var position = (await CreateItemsAsync(tenant.Id, 1))[0];
        var stuck = new BrokerStandIn(app.Services.GetRequiredService<IOutboxTransport>());
        stuck.Hang();
        var first = NewDispatcher(batchSize: 100, transport: stuck);
        var firstPass = first.DispatchOnceAsync();
        await stuck.PublishEntered.WaitAsync(TimeSpan.FromSeconds(20));

        // Another dispatcher leaves the claimed row alone while the lease runs…
        await NewDispatcher(batchSize: 100).DispatchOnceAsync();
        Assert.Equal(0, app.Messages.Published(position));

        // …and takes it over once the lease has run out (its clock is past the lease's end).
        await NewDispatcher(batchSize: 100, clock: new ClockAhead(TimeSpan.FromHours(1))).DispatchOnceAsync();
        await app.SettleAsync(tenant.Id, position);
        Assert.Equal(1, app.Messages.Published(position));

        // The first one wakes up and publishes too (at least once), but its claim no longer holds the row: it marks
        // nothing, so the row stays published once, by the dispatcher that took it over.
        stuck.Recover();
        await firstPass.WaitAsync(TimeSpan.FromSeconds(20));
        await app.Messages.WaitConsumedAsync(position, 2);
        Assert.Equal((1, false), await StateAsync(position));
        Assert.Equal(1, await InboxRowsAsync(tenant.Id, position));
    }

    private async Task<List<Guid>> CreateItemsAsync(Guid tenantId, int count)
    {
        var positions = new List<Guid>();
        await app.InTenantAsync(tenantId, async sp =>
        {
            var handler = sp.GetRequiredService<CreateItemHandler>();
            for (var i = 0; i < count; i++)
            {
                positions.Add((await handler.HandleAsync(new CreateItem { DisplayName = $"Crate {i}" })).ReadPosition);
            }
        });
        return positions;
    }

    private OutboxDispatcher NewDispatcher(
        int batchSize, int maxAttempts = 10, IOutboxTransport? transport = null, TimeSpan? publishTimeout = null, TimeProvider? clock = null)
    {
        var options = new OutboxOptions { BatchSize = batchSize, MaxAttempts = maxAttempts, FirstBackoff = TimeSpan.Zero };
        if (publishTimeout is { } timeout)
        {
            options.PublishTimeout = timeout;
        }

        return new(
            app.Services.GetRequiredService<TenantScopes>(),
            app.Services.GetRequiredService<TenantDatabases>(),
            transport ?? app.Services.GetRequiredService<IOutboxTransport>(),
            Options.Create(options),
            clock ?? TimeProvider.System,
            NullLogger<OutboxDispatcher>.Instance);
    }

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
        public Guid? ClaimId { get; set; }
        public DateTime? PublishedUtc { get; set; }
    }

    /// <summary>A dispatcher whose clock runs ahead: it sees every lease taken now as run out.</summary>
    private sealed class ClockAhead(TimeSpan ahead) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => base.GetUtcNow() + ahead;
    }
}

public sealed class the_outbox_dispatcher_publishes_each_row_once_and_survives_crashes_on_sqlite(SqliteManualDispatchApp app)
    : the_outbox_dispatcher_publishes_each_row_once_and_survives_crashes<SqliteManualDispatchApp>(app);

public sealed class the_outbox_dispatcher_publishes_each_row_once_and_survives_crashes_on_postgres(PostgresManualDispatchApp app)
    : the_outbox_dispatcher_publishes_each_row_once_and_survives_crashes<PostgresManualDispatchApp>(app);
