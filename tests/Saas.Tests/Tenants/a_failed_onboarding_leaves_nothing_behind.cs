using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;
using Saas.Tenancy.Catalog;
using Saas.Tenancy.Storage;
using Saas.Tests.Hosting;
using Saas.Tests.Infrastructure;
using Saas.Web.Resellers;

namespace Saas.Tests.Tenants;

/// <summary>
/// Onboarding interrupted after the company's data was seeded (the caller goes away, the host stops):
/// every step already done is undone — catalog entry, seeded rows or the silo database, the invited user —
/// and the same identifier can be onboarded again. The interruption is real: the caller's cancellation
/// token is cancelled the moment the handler reports that seeding is done.
/// </summary>
public abstract class a_failed_onboarding_leaves_nothing_behind<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : SaasFactory
{
    [Theory]
    [InlineData(TenantIsolation.Pooled)]
    [InlineData(TenantIsolation.Siloed)]
    public async Task cancelled_after_seeding_is_rolled_back(TenantIsolation isolation)
    {
        _ = factory.Services; // start the host
        var identifier = Onboarding.UniqueIdentifier("undone");
        var email = $"admin@{identifier}.example";
        using var interrupt = new CancellationTokenSource();
        var seeded = new CancelWhenSeeded(identifier, interrupt);
        factory.Services.GetRequiredService<ILoggerFactory>().AddProvider(seeded);
        var command = new OnboardTenant("Undone company", identifier, "EUR", email, isolation);

        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var handler = scope.ServiceProvider.GetRequiredService<OnboardTenantHandler>();
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => handler.Handle(command, null, interrupt.Token));
        }

        var tenantId = seeded.TenantId ?? throw new Xunit.Sdk.XunitException("The handler never reported that seeding was done.");
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var catalog = scope.ServiceProvider.GetRequiredService<TenantCatalog>();
            Assert.Null(await catalog.FindByIdAsync(tenantId));
            Assert.Null(await catalog.FindByIdentifierAsync(identifier));
        }

        Assert.False(await factory.UserExistsAsync(email));
        Assert.False((await factory.RowsPerTenantAsync()).ContainsKey(tenantId), "Seeded rows of the undone company are still in the pooled database.");
        Assert.False(await SiloExistsAsync(tenantId), "The undone company's own database still exists.");

        // Nothing blocks a second attempt.
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var again = await scope.ServiceProvider.GetRequiredService<OnboardTenantHandler>().Handle(command, null, CancellationToken.None);
            Assert.Equal(TenantStatus.Active, again.Tenant.Status);
        }
    }

    private async Task<bool> SiloExistsAsync(Guid tenantId)
    {
        var options = factory.Services.GetRequiredService<DatabaseOptions>();
        var name = $"tenant_{tenantId:N}";
        if (options.Provider == DatabaseProvider.Sqlite)
        {
            return File.Exists(Path.Combine(options.DataDirectory, name + ".db"));
        }

        await using var admin = new NpgsqlConnection(PostgresServer.AdminConnectionString);
        await admin.OpenAsync();
        await using var exists = new NpgsqlCommand("SELECT EXISTS (SELECT 1 FROM pg_database WHERE datname = @name)", admin);
        exists.Parameters.AddWithValue("name", name);
        return (bool)(await exists.ExecuteScalarAsync())!;
    }

    /// <summary>Cancels the caller's token when the handler logs that the named company's data is seeded.</summary>
    private sealed class CancelWhenSeeded(string identifier, CancellationTokenSource interrupt) : ILoggerProvider
    {
        public Guid? TenantId { get; private set; }

        private string Identifier { get; } = identifier;

        private CancellationTokenSource Interrupt { get; } = interrupt;

        public ILogger CreateLogger(string categoryName) =>
            categoryName == typeof(OnboardTenantHandler).FullName ? new Listener(this) : Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance;

        public void Dispose()
        {
        }

        private sealed class Listener(CancelWhenSeeded owner) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                if (state is not IReadOnlyList<KeyValuePair<string, object?>> values
                    || !formatter(state, exception).Contains("seeded", StringComparison.Ordinal)
                    || !Equals(values.FirstOrDefault(v => v.Key == "Tenant").Value, owner.Identifier))
                {
                    return;
                }

                owner.TenantId = (Guid?)values.First(v => v.Key == "TenantId").Value;
                owner.Interrupt.Cancel();
            }
        }
    }
}

public sealed class a_failed_onboarding_leaves_nothing_behind_on_sqlite(SaasFactory factory)
    : a_failed_onboarding_leaves_nothing_behind<SaasFactory>(factory);

public sealed class a_failed_onboarding_leaves_nothing_behind_on_postgres(PostgresSaasFactory factory)
    : a_failed_onboarding_leaves_nothing_behind<PostgresSaasFactory>(factory);
