using Microsoft.Extensions.Diagnostics.HealthChecks;
using Saas.Tenancy.Storage;

namespace Saas.Web.Hosting;

/// <summary>Ready only when both the catalog and the pooled data database answer.</summary>
public sealed class DatabaseHealthCheck(DatabaseOptions options) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            foreach (var (name, connectionString) in new[] { ("catalog", options.Catalog), ("data", options.Data) })
            {
                await using var connection = DatabaseProviders.CreateConnection(options.Provider, connectionString);
                await connection.OpenAsync(cancellationToken);
                await using var command = connection.CreateCommand();
                command.CommandText = "SELECT 1";
                await command.ExecuteScalarAsync(cancellationToken);
                _ = name;
            }

            return HealthCheckResult.Healthy($"{options.Provider} databases answer.");
        }
        catch (Exception ex)
        {
            return HealthCheckResult.Unhealthy($"{options.Provider} database unreachable.", ex);
        }
    }
}
