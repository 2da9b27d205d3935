using System.Net.Mail;
using System.Text.RegularExpressions;
using Npgsql;
using Saas.Identity;
using Saas.Tenancy.Catalog;
using Saas.Tenancy.Context;
using Saas.Tenancy.Storage;
using Saas.Write.Setup;

namespace Saas.Web.Resellers;

public sealed record OnboardTenant(string? Name, string? Identifier, string? CurrencyCode, string? AdminEmail, TenantIsolation? Isolation);

public sealed record OnboardedTenant(TenantInfo Tenant, string InvitationToken);

/// <summary>
/// A reseller creates a company for a customer. When the call returns the company is ready to use: its data
/// database is migrated (siloed) or shared (pooled), number series and a location are seeded, and the first
/// administrator is invited. Steps that can fail run before the catalog entry exists, so a failure leaves no
/// half-made tenant that anyone could sign in to.
/// </summary>
public sealed partial class OnboardTenantHandler(
    TenantCatalog catalog,
    TenantScopes scopes,
    SchemaMigrator migrator,
    DatabaseOptions database,
    IdentityAdministration identity,
    ILogger<OnboardTenantHandler> logger)
{
    public async Task<OnboardedTenant> Handle(OnboardTenant command, Guid? resellerId, CancellationToken cancellationToken)
    {
        var errors = Validate(command);
        if (errors.Count == 0 && await catalog.FindByIdentifierAsync(command.Identifier!, cancellationToken) is not null)
        {
            errors["identifier"] = [$"The identifier '{command.Identifier}' is already taken."];
        }

        if (errors.Count > 0)
        {
            throw new OnboardingValidationException(errors);
        }

        var identifier = command.Identifier!.Trim().ToLowerInvariant();
        var id = Guid.NewGuid();
        var isolation = command.Isolation ?? TenantIsolation.Pooled;
        var (app, admin) = isolation == TenantIsolation.Siloed ? await CreateSiloAsync(identifier, cancellationToken) : (null, null);
        var tenant = new TenantInfo
        {
            Id = id,
            Identifier = identifier,
            Name = command.Name!.Trim(),
            ResellerId = resellerId,
            Isolation = isolation,
            ConnectionString = app,
            AdminConnectionString = admin,
            CurrencyCode = command.CurrencyCode!.Trim().ToUpperInvariant(),
        };

        await using (var scope = scopes.BeginScope(tenant))
        {
            await scope.Services.GetRequiredService<TenantOnboarding>().SeedAsync(cancellationToken);
        }

        await catalog.AddAsync(tenant, cancellationToken);
        var invitation = await identity.InviteAsync(command.AdminEmail!.Trim(), tenant.Id, SaasRoles.Administrator, cancellationToken);
        logger.LogInformation("Tenant {Tenant} ({TenantId}) onboarded by reseller {ResellerId}", tenant.Identifier, tenant.Id, resellerId);
        return new OnboardedTenant(tenant, invitation.Token);
    }

    /// <summary>A siloed tenant's own database: a file beside the others, or a PostgreSQL database owned by the owner role.</summary>
    private async Task<(string App, string Admin)> CreateSiloAsync(string identifier, CancellationToken cancellationToken)
    {
        var name = "tenant_" + identifier.Replace('-', '_');
        string app, admin;
        if (database.Provider == DatabaseProvider.Sqlite)
        {
            app = admin = DatabaseProviders.SqliteFile(database.DataDirectory, name + ".db");
        }
        else
        {
            var adminBuilder = new NpgsqlConnectionStringBuilder(database.DataAdminOrData);
            await using (var connection = new NpgsqlConnection(adminBuilder.ConnectionString))
            {
                await connection.OpenAsync(cancellationToken);
                await using var create = connection.CreateCommand();
                create.CommandText = $"CREATE DATABASE \"{name}\"";
                await create.ExecuteNonQueryAsync(cancellationToken);
            }

            adminBuilder.Database = name;
            admin = adminBuilder.ConnectionString;
            app = new NpgsqlConnectionStringBuilder(database.Data) { Database = name }.ConnectionString;
        }

        await migrator.MigrateDataDatabaseAsync(admin, cancellationToken);
        return (app, admin);
    }

    private static Dictionary<string, string[]> Validate(OnboardTenant command)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(command.Name) || command.Name.Trim().Length > 100)
        {
            errors["name"] = ["A name of 1 to 100 characters is required."];
        }

        if (string.IsNullOrWhiteSpace(command.Identifier) || !Slug().IsMatch(command.Identifier.Trim().ToLowerInvariant()))
        {
            errors["identifier"] = ["Use 2 to 63 lower-case letters, digits or hyphens, starting with a letter (it becomes part of URLs)."];
        }

        if (string.IsNullOrWhiteSpace(command.CurrencyCode) || !Currency().IsMatch(command.CurrencyCode.Trim().ToUpperInvariant()))
        {
            errors["currencyCode"] = ["An ISO 4217 currency code of three letters is required, e.g. EUR."];
        }

        if (string.IsNullOrWhiteSpace(command.AdminEmail) || !MailAddress.TryCreate(command.AdminEmail.Trim(), out _) || command.AdminEmail.Length > 256)
        {
            errors["adminEmail"] = ["The first administrator's e-mail address is required."];
        }

        return errors;
    }

    [GeneratedRegex("^[a-z][a-z0-9-]{1,62}$")]
    private static partial Regex Slug();

    [GeneratedRegex("^[A-Z]{3}$")]
    private static partial Regex Currency();
}

public sealed class OnboardingValidationException(IDictionary<string, string[]> errors)
    : Exception("The company could not be created: " + string.Join("; ", errors.Select(e => $"{e.Key}: {string.Join(' ', e.Value)}")))
{
    public IDictionary<string, string[]> Errors { get; } = errors;
}
