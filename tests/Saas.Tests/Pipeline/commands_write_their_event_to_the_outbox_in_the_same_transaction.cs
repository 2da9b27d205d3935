using System.Data.Common;
using Dapper;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Saas.Tenancy.Context;
using Saas.Tenancy.Storage;
using Saas.Tests.Infrastructure;
using Saas.Write;
using Saas.Write.Inventory;
using Saas.Write.Outbox;
using Saas.Write.Setup;

namespace Saas.Tests.Pipeline;

public abstract class commands_write_their_event_to_the_outbox_in_the_same_transaction<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : PipelineApp
{
    [Fact]
    public async Task a_created_item_has_one_outbox_row_whose_message_id_is_the_read_position()
    {
        var tenant = await app.NewTenantAsync();
        var result = await app.InTenantAsync(tenant.Id, sp => sp.GetRequiredService<CreateItemHandler>()
            .HandleAsync(new CreateItem { DisplayName = "Bicycle", UnitPrice = 120.5m, UnitCost = 80m }));

        Assert.Equal("1000", result.Snapshot.Number); // the ITEM series seeded by onboarding
        Assert.Equal(1, result.Snapshot.Version);
        var row = await app.InTenantAsync(tenant.Id, sp => sp.GetRequiredService<WriteDbContext>().Outbox
            .SingleAsync(o => o.MessageId == result.ReadPosition));
        Assert.Equal(tenant.Id, row.TenantId);
        Assert.Equal(typeof(Saas.Contracts.MasterData.ItemChanged).FullName, row.Type);
        Assert.Contains("\"Bicycle\"", row.Body);
    }

    [Fact]
    public async Task a_failing_save_leaves_neither_the_item_nor_its_outbox_row()
    {
        var tenant = await app.NewTenantAsync();
        var outboxBefore = await CountOutboxAsync(tenant.Id);

        await using (var scope = await app.Services.GetRequiredService<TenantScopes>().BeginScope(tenant.Id))
        {
            var sp = scope.Services;
            var databases = sp.GetRequiredService<TenantDatabases>();
            var builder = new DbContextOptionsBuilder<WriteDbContext>();
            builder.UseDatabase(databases.Provider, databases.AppConnectionString(tenant), WriteDbContext.HistoryTable)
                .AddInterceptors(
                    sp.GetRequiredService<TenantStampingInterceptor>(),
                    sp.GetRequiredService<PostgresTenantSession>(),
                    new FailAfterOutboxInsert());
            await using var db = new WriteDbContext(builder.Options, sp.GetRequiredService<TenantContext>(), new OutboxSignal());
            var handler = new CreateItemHandler(db, new NumberSeries(db), TimeProvider.System);

            var error = await Assert.ThrowsAnyAsync<Exception>(() =>
                handler.HandleAsync(new CreateItem { Number = "CRASH-1", DisplayName = "Never saved" }));
            Assert.True(
                error is SimulatedCrashException || error.InnerException is SimulatedCrashException,
                $"Expected the simulated crash, got {error}");
        }

        var items = await app.InTenantAsync(tenant.Id, sp => sp.GetRequiredService<WriteDbContext>().Items.CountAsync(i => i.Number == "CRASH-1"));
        Assert.Equal(0, items);
        Assert.Equal(outboxBefore, await CountOutboxAsync(tenant.Id));

        // The number series step rolled back as well: the next item still gets the first number.
        var next = await app.InTenantAsync(tenant.Id, sp => sp.GetRequiredService<CreateItemHandler>()
            .HandleAsync(new CreateItem { DisplayName = "Saved" }));
        Assert.Equal("1000", next.Snapshot.Number);
    }

    private Task<int> CountOutboxAsync(Guid tenantId) =>
        app.InTenantAsync(tenantId, sp => sp.GetRequiredService<WriteDbContext>().Outbox.CountAsync());

    /// <summary>Lets the INSERT of the outbox row reach the database, then fails as a crash would, before the commit.</summary>
    private sealed class FailAfterOutboxInsert : DbCommandInterceptor
    {
        public override ValueTask<DbDataReader> ReaderExecutedAsync(
            DbCommand command, CommandExecutedEventData eventData, DbDataReader result, CancellationToken cancellationToken = default) =>
            Fail(command) ? throw new SimulatedCrashException() : ValueTask.FromResult(result);

        public override ValueTask<int> NonQueryExecutedAsync(
            DbCommand command, CommandExecutedEventData eventData, int result, CancellationToken cancellationToken = default) =>
            Fail(command) ? throw new SimulatedCrashException() : ValueTask.FromResult(result);

        // Npgsql's SQL leaves lower-case names unquoted, SQLite's quotes them.
        private static bool Fail(DbCommand command) =>
            command.CommandText.Replace("\"", "").Contains("INSERT INTO outbox", StringComparison.OrdinalIgnoreCase);
    }

    private sealed class SimulatedCrashException() : Exception("Simulated crash after the outbox insert.");
}

public sealed class commands_write_their_event_to_the_outbox_in_the_same_transaction_on_sqlite(SqliteApp app)
    : commands_write_their_event_to_the_outbox_in_the_same_transaction<SqliteApp>(app);

public sealed class commands_write_their_event_to_the_outbox_in_the_same_transaction_on_postgres(PostgresApp app)
    : commands_write_their_event_to_the_outbox_in_the_same_transaction<PostgresApp>(app);
