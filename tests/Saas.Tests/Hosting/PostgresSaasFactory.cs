using Npgsql;
using Saas.Tests.Infrastructure;

namespace Saas.Tests.Hosting;

/// <summary>
/// The real application on PostgreSQL: a catalog database and a pooled data database, created fresh for this
/// factory. Requests connect as the application role (subject to row-level security), migrations and the
/// dispatcher as the owner. Siloed tenants' databases (created by the product through the owner role) and
/// both databases are dropped on dispose.
/// </summary>
public class PostgresSaasFactory : SaasFactory, IAsyncLifetime
{
    private bool dropped;

    public PostgresDatabase Catalog { get; private set; } = null!;

    public PostgresDatabase Data { get; private set; } = null!;

    public virtual async Task InitializeAsync()
    {
        Catalog = await PostgresServer.CreateDatabaseAsync("catalog");
        Data = await PostgresServer.CreateDatabaseAsync("data");
        Settings["Database:Provider"] = "Postgres";
        Settings["Database:AppRole"] = PostgresServer.AppRole;
        Settings["ConnectionStrings:Catalog"] = Catalog.OwnerConnectionString;
        Settings["ConnectionStrings:Data"] = Data.AppConnectionString;
        Settings["ConnectionStrings:DataAdmin"] = Data.OwnerConnectionString;
    }

    Task IAsyncLifetime.DisposeAsync() => DisposeAsync().AsTask();

    public override async ValueTask DisposeAsync()
    {
        if (dropped)
        {
            return;
        }

        dropped = true;
        var silos = Catalog is null ? [] : await SiloDatabasesAsync();
        await base.DisposeAsync();
        foreach (var silo in silos)
        {
            await DropAsync(silo);
        }

        if (Data is not null)
        {
            await Data.DisposeAsync();
        }

        if (Catalog is not null)
        {
            await Catalog.DisposeAsync();
        }
    }

    private async Task<List<string>> SiloDatabasesAsync()
    {
        await using var connection = new NpgsqlConnection(Catalog.OwnerConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT admin_connection_string FROM tenants WHERE isolation = 'Siloed' AND admin_connection_string IS NOT NULL", connection);
        var names = new List<string>();
        try
        {
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                names.Add(new NpgsqlConnectionStringBuilder(reader.GetString(0)).Database!);
            }
        }
        catch (PostgresException missing) when (missing.SqlState == PostgresErrorCodes.UndefinedTable)
        {
            // The host never started: no catalog, no silos.
        }

        return names;
    }

    private static async Task DropAsync(string database)
    {
        NpgsqlConnection.ClearAllPools();
        await using var admin = new NpgsqlConnection(PostgresServer.AdminConnectionString);
        await admin.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{database.Replace("\"", "\"\"")}\" WITH (FORCE)", admin);
        await drop.ExecuteNonQueryAsync();
    }
}

/// <summary>
/// PostgreSQL and RabbitMQ: the server mode. Queues and exchanges carry a prefix unique to this factory
/// (<c>Bus:Prefix</c>), so factories sharing one broker never consume each other's messages.
/// </summary>
public class RabbitMqSaasFactory : PostgresSaasFactory
{
    public string BusPrefix { get; } = "t" + Guid.NewGuid().ToString("N")[..8] + "-";

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        Settings["Bus:Transport"] = "RabbitMq";
        Settings["Bus:RabbitMq"] = RabbitMqServer.Uri;
        Settings["Bus:Prefix"] = BusPrefix;
    }
}
