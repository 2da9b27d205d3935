using Microsoft.Extensions.Diagnostics.HealthChecks;
using Saas.Tenancy.Storage;

namespace Saas.Web.Hosting;

/// <summary>Ready only when both the catalog and the pooled data database answer.</summary>
public sealed class DatabaseHealthCheck(DatabaseOptions options) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        foreach (var (name, connectionString) in new[] { ("catalog", options.Catalog), ("data", options.Data) })
        {
            try
            {
                await using var connection = DatabaseProviders.CreateConnection(options.Provider, connectionString);
                await connection.OpenAsync(cancellationToken);
                await using var command = connection.CreateCommand();
                command.CommandText = "SELECT 1";
                await command.ExecuteScalarAsync(cancellationToken);
            }
            catch (Exception ex)
            {
                // Name the database: an operator must know which connection string to look at.
                return HealthCheckResult.Unhealthy($"The {name} database ({options.Provider}) does not answer.", ex);
            }
        }

        return HealthCheckResult.Healthy($"{options.Provider} databases answer.");
    }
}
