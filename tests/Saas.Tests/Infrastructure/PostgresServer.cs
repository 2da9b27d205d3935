using System.Security.Cryptography;
using Npgsql;

namespace Saas.Tests.Infrastructure;

/// <summary>
/// The test PostgreSQL server named by <c>SAAS_TEST_PG_ADMIN</c> (a superuser connection string; ./test.sh
/// starts a private cluster and sets it). Creates the two roles the product expects — <c>saas_owner</c>
/// (owns and migrates, BYPASSRLS like any job that must see every tenant) and <c>saas_app</c> (what requests
/// connect as: NOBYPASSRLS, not an owner) — with passwords generated for this run, and a fresh database per fixture.
/// </summary>
public static class PostgresServer
{
    public const string OwnerRole = "saas_owner";
    public const string AppRole = "saas_app";

    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static (string Owner, string App)? passwords;

    public static string AdminConnectionString =>
        Environment.GetEnvironmentVariable("SAAS_TEST_PG_ADMIN") is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException(
                "SAAS_TEST_PG_ADMIN is not set. Run the tests with ./test.sh (it starts a private PostgreSQL and RabbitMQ), " +
                "or start one with infra/postgres.sh start DIR and `source DIR/pg.env` first.");

    /// <summary>A new, empty database owned by <see cref="OwnerRole"/>; dropped when disposed.</summary>
    public static async Task<PostgresDatabase> CreateDatabaseAsync(string purpose)
    {
        var (owner, app) = await EnsureRolesAsync();
        var name = $"saas_{Guid.NewGuid():N}"[..21] + "_" + new string(purpose.ToLowerInvariant().Where(char.IsAsciiLetterOrDigit).Take(30).ToArray());
        await using (var admin = new NpgsqlConnection(AdminConnectionString))
        {
            await admin.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\" OWNER {OwnerRole}", admin);
            await create.ExecuteNonQueryAsync();
        }

        return new PostgresDatabase(name, For(name, OwnerRole, owner), For(name, AppRole, app));
    }

    private static string For(string database, string role, string password) =>
        new NpgsqlConnectionStringBuilder(AdminConnectionString)
        {
            Database = database,
            Username = role,
            Password = password,
            Pooling = true,
        }.ConnectionString;

    private static async Task<(string Owner, string App)> EnsureRolesAsync()
    {
        await Gate.WaitAsync();
        try
        {
            if (passwords is { } known)
            {
                return known;
            }

            var created = (Owner: NewPassword(), App: NewPassword());
            await using var admin = new NpgsqlConnection(AdminConnectionString);
            await admin.OpenAsync();

            // Roles are cluster-wide: create them once, then (re)set this run's passwords and attributes.
            await using var command = new NpgsqlCommand(
                $"""
                DO $$
                BEGIN
                    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '{OwnerRole}') THEN CREATE ROLE {OwnerRole}; END IF;
                    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '{AppRole}') THEN CREATE ROLE {AppRole}; END IF;
                END $$;
                ALTER ROLE {OwnerRole} LOGIN BYPASSRLS NOSUPERUSER CREATEDB PASSWORD '{created.Owner}';
                ALTER ROLE {AppRole} LOGIN NOBYPASSRLS NOSUPERUSER NOCREATEDB PASSWORD '{created.App}';
                -- Dropping a siloed company's database (onboarding compensation) must end the app role's sessions.
                GRANT pg_signal_backend TO {OwnerRole};
                """,
                admin);
            await command.ExecuteNonQueryAsync();
            passwords = created;
            return created;
        }
        finally
        {
            Gate.Release();
        }
    }

    // Hex: never needs quoting in SQL or in a connection string.
    private static string NewPassword() => Convert.ToHexString(RandomNumberGenerator.GetBytes(18)).ToLowerInvariant();
}

/// <summary>One throw-away database: owner and application-role connection strings.</summary>
public sealed class PostgresDatabase(string name, string ownerConnectionString, string appConnectionString) : IAsyncDisposable
{
    public string Name { get; } = name;
    public string OwnerConnectionString { get; } = ownerConnectionString;
    public string AppConnectionString { get; } = appConnectionString;

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearPool(new NpgsqlConnection(OwnerConnectionString));
        NpgsqlConnection.ClearPool(new NpgsqlConnection(AppConnectionString));
        await using var admin = new NpgsqlConnection(PostgresServer.AdminConnectionString);
        await admin.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{Name}\" WITH (FORCE)", admin);
        await drop.ExecuteNonQueryAsync();
    }
}

/// <summary>The test RabbitMQ broker named by <c>SAAS_TEST_RABBITMQ</c> (an amqp:// URI; ./test.sh sets it).</summary>
public static class RabbitMqServer
{
    public static string Uri =>
        Environment.GetEnvironmentVariable("SAAS_TEST_RABBITMQ") is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException(
                "SAAS_TEST_RABBITMQ is not set. Run the tests with ./test.sh (it starts a private RabbitMQ), " +
                "or start one with infra/rabbitmq.sh start DIR and `source DIR/rabbit.env` first.");
}
