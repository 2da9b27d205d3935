using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Npgsql;
using Saas.Tenancy.Context;

namespace Saas.Tenancy.Storage;

/// <summary>
/// Sets <c>app.tenant_id</c> each time EF opens a PostgreSQL connection (every logical open, not once per
/// physical connection, so a pooled connection never carries the previous tenant). Without a tenant the
/// setting is cleared and row-level security shows nothing.
/// </summary>
public sealed class PostgresTenantSession(TenantContext tenants) : DbConnectionInterceptor
{
    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        if (connection is NpgsqlConnection)
        {
            using var command = CreateCommand(connection);
            command.ExecuteNonQuery();
        }
    }

    public override async Task ConnectionOpenedAsync(
        DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (connection is NpgsqlConnection)
        {
            await using var command = CreateCommand(connection);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    private DbCommand CreateCommand(DbConnection connection)
    {
        var command = connection.CreateCommand();
        command.CommandText = "SELECT set_config('app.tenant_id', @tenant, false)";
        var parameter = command.CreateParameter();
        parameter.ParameterName = "tenant";
        parameter.Value = tenants.Current?.Id.ToString() ?? "";
        command.Parameters.Add(parameter);
        return command;
    }
}
