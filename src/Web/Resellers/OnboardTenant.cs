using System.Net.Mail;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Saas.Identity;
using Saas.Identity.Audit;
using Saas.Identity.Storage;
using Saas.Identity.Users;
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
/// administrator is invited.
/// <para>
/// The catalog entry comes first, as <see cref="TenantStatus.Provisioning"/>: the unique identifier index
/// settles races between two onboardings of the same identifier before anything else is made, and the
/// seeded location's event can be consumed (consumers need the tenant in the catalog) while nobody can sign
/// in or resolve the tenant. Only the last step makes it <see cref="TenantStatus.Active"/>. Any failure on
/// the way (including the caller going away) undoes every step already done — see <see cref="CompensateAsync"/>.
/// </para>
/// </summary>
public sealed partial class OnboardTenantHandler(
    TenantCatalog catalog,
    CatalogDbContext catalogDb,
    TenantScopes scopes,
    SchemaMigrator migrator,
    DatabaseOptions database,
    TenantDataEraser eraser,
    IdentityAdministration identity,
    IdentityDb identityDb,
    UserManager<SaasUser> users,
    Mail.AccountMail mail,
    ILogger<OnboardTenantHandler> logger)
{
    public Task<OnboardedTenant> Handle(OnboardTenant command, Guid? resellerId, CancellationToken cancellationToken) =>
        Handle(command, resellerId, null, cancellationToken);

    /// <param name="actor">Who onboards, for the audit entry of the invitation; null for the system.</param>
    public async Task<OnboardedTenant> Handle(OnboardTenant command, Guid? resellerId, AuditActor? actor, CancellationToken cancellationToken)
    {
        var errors = Validate(command);
        if (errors.Count == 0 && await catalog.FindByIdentifierAsync(command.Identifier!, cancellationToken) is not null)
        {
            errors["identifier"] = [IdentifierTaken(command.Identifier!)];
        }

        if (errors.Count > 0)
        {
            throw new OnboardingValidationException(errors);
        }

        var identifier = command.Identifier!.Trim().ToLowerInvariant();
        var adminEmail = command.AdminEmail!.Trim();
        var id = Guid.NewGuid();
        var isolation = command.Isolation ?? TenantIsolation.Pooled;
        var silo = isolation == TenantIsolation.Siloed ? SiloFor(id) : null;
        var tenant = new TenantInfo
        {
            Id = id,
            Identifier = identifier,
            Name = command.Name!.Trim(),
            ResellerId = resellerId,
            Isolation = isolation,
            ConnectionString = silo?.App,
            AdminConnectionString = silo?.Admin,
            CurrencyCode = command.CurrencyCode!.Trim().ToUpperInvariant(),
            Status = TenantStatus.Provisioning,
        };

        try
        {
            await catalog.AddAsync(tenant, cancellationToken);
        }
        catch (DbUpdateException)
        {
            if (!await IdentifierExistsAsync(identifier))
            {
                throw;
            }

            // Lost a race with another onboarding of the same identifier: nothing of ours exists yet.
            throw new OnboardingValidationException(new Dictionary<string, string[]> { ["identifier"] = [IdentifierTaken(identifier)] });
        }

        var made = new Progress();
        try
        {
            if (silo is not null)
            {
                await CreateSiloAsync(silo, made, cancellationToken);
            }

            made.Data = true;
            await using (var scope = scopes.BeginScope(tenant))
            {
                await scope.Services.GetRequiredService<TenantOnboarding>().SeedAsync(cancellationToken);
            }

            logger.LogInformation("Tenant {Tenant} ({TenantId}) seeded; inviting its first administrator", identifier, id);
            made.UserExisted = await users.FindByEmailAsync(adminEmail) is not null;
            var invitation = await identity.InviteAsync(adminEmail, id, SaasRoles.Administrator, actor, cancellationToken);
            await catalog.SetStatusAsync(id, TenantStatus.Active, cancellationToken);
            tenant.Status = TenantStatus.Active;
            logger.LogInformation("Tenant {Tenant} ({TenantId}) onboarded by reseller {ResellerId}", identifier, id, resellerId);

            // After activation: the company exists whether or not the mail goes out (a failure is logged, not thrown).
            await mail.SendInvitationAsync(adminEmail, tenant.Name, invitation.Role,
                $"{ResellerEndpoints.InvitationPage}?token={Uri.EscapeDataString(invitation.Token)}", invitation.ExpiresUtc, CancellationToken.None);
            return new OnboardedTenant(tenant, invitation.Token);
        }
        catch (Exception failure)
        {
            logger.LogError(failure, "Onboarding of tenant {Tenant} ({TenantId}) failed; undoing what was made", identifier, id);
            await CompensateAsync(tenant, adminEmail, made);
            if (failure is IdentityValidationException refused)
            {
                throw new OnboardingValidationException(new Dictionary<string, string[]> { ["adminEmail"] = [refused.Message] });
            }

            throw;
        }
    }

    /// <summary>
    /// Undoes a failed onboarding in reverse order. Runs without the caller's cancellation token: a client that
    /// went away must not also stop the clean-up. Each step is attempted even if an earlier one fails, so
    /// one stuck step leaves as little behind as possible (and is logged for the operator).
    /// </summary>
    private async Task CompensateAsync(TenantInfo tenant, string adminEmail, Progress made)
    {
        var none = CancellationToken.None;
        await Attempt("identity", async () =>
        {
            identityDb.ChangeTracker.Clear();
            await identityDb.Invitations.Where(i => i.TenantId == tenant.Id).ExecuteDeleteAsync(none);
            await identityDb.TenantMemberships.Where(m => m.TenantId == tenant.Id).ExecuteDeleteAsync(none);
            if (made.UserExisted == false && await users.FindByEmailAsync(adminEmail) is { } created
                && !await identityDb.TenantMemberships.AnyAsync(m => m.UserId == created.Id, none))
            {
                await users.DeleteAsync(created);
            }
        });

        // The catalog entry goes before the data, so that events still in flight for this tenant find no
        // tenant and fault instead of writing read rows after the erase.
        await Attempt("catalog", async () =>
        {
            catalogDb.ChangeTracker.Clear();
            await catalogDb.Tenants.Where(t => t.Id == tenant.Id).ExecuteDeleteAsync(none);
            catalog.Invalidate(tenant);
        });

        if (made.Data)
        {
            await Attempt("data", () => eraser.EraseAsync(tenant, dropSilo: made.SiloCreated, none));
        }

        async Task Attempt(string step, Func<Task> undo)
        {
            try
            {
                await undo();
            }
            catch (Exception error)
            {
                logger.LogCritical(error, "Could not undo the {Step} step of the failed onboarding of tenant {TenantId}: clean up by hand", step, tenant.Id);
            }
        }
    }

    /// <summary>
    /// A siloed tenant's own database, named after the tenant's id (identifiers may be 63 characters,
    /// PostgreSQL truncates names longer than that, and an id never collides with another environment's).
    /// </summary>
    private Silo SiloFor(Guid id)
    {
        var name = $"tenant_{id:N}";
        if (database.Provider == DatabaseProvider.Sqlite)
        {
            var file = DatabaseProviders.SqliteFile(database.DataDirectory, name + ".db", mustExist: true);
            return new Silo(name, file, file);
        }

        var admin = new NpgsqlConnectionStringBuilder(database.DataAdminOrData) { Database = name }.ConnectionString;
        var app = new NpgsqlConnectionStringBuilder(database.Data) { Database = name }.ConnectionString;
        return new Silo(name, app, admin);
    }

    private async Task CreateSiloAsync(Silo silo, Progress made, CancellationToken cancellationToken)
    {
        if (database.Provider == DatabaseProvider.Sqlite)
        {
            var path = Path.Combine(database.DataDirectory, silo.Name + ".db");
            if (File.Exists(path))
            {
                // Never adopt a file we did not create: it could hold another company's rows.
                throw new InvalidOperationException($"The database file {path} already exists.");
            }

            // Created here, private (0600), rather than by SQLite's first connection with the process umask.
            PrivateFiles.EnsureFile(path);
            made.SiloCreated = true;
        }
        else
        {
            // The owner role creates it (it needs CREATEDB), so it owns the tables the migrator creates.
            await using var connection = new NpgsqlConnection(database.DataAdminOrData);
            await connection.OpenAsync(cancellationToken);
            await using var create = connection.CreateCommand();
            create.CommandText = $"CREATE DATABASE \"{silo.Name}\"";
            await create.ExecuteNonQueryAsync(cancellationToken);
            made.SiloCreated = true;
        }

        await migrator.MigrateDataDatabaseAsync(silo.Admin, cancellationToken);
    }

    private async Task<bool> IdentifierExistsAsync(string identifier)
    {
        catalogDb.ChangeTracker.Clear();
        return await catalogDb.Tenants.AsNoTracking().AnyAsync(t => t.Identifier == identifier);
    }

    private static string IdentifierTaken(string identifier) => $"The identifier '{identifier.Trim().ToLowerInvariant()}' is already taken.";

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

        var email = command.AdminEmail?.Trim();
        if (string.IsNullOrEmpty(email) || email.Length > 256 || !MailAddress.TryCreate(email, out var address) || address.Address != email)
        {
            // MailAddress also accepts "Name <a@b>" and bare "a@b" display forms: only a plain address is an address here.
            errors["adminEmail"] = ["The first administrator's e-mail address (name@domain) is required."];
        }

        return errors;
    }

    [GeneratedRegex("^[a-z][a-z0-9-]{1,62}$")]
    private static partial Regex Slug();

    [GeneratedRegex("^[A-Z]{3}$")]
    private static partial Regex Currency();

    private sealed record Silo(string Name, string App, string Admin);

    /// <summary>What has been made so far, so that compensation undoes exactly that.</summary>
    private sealed class Progress
    {
        public bool SiloCreated { get; set; }
        public bool Data { get; set; }
        public bool? UserExisted { get; set; }
    }
}

public sealed class OnboardingValidationException(IDictionary<string, string[]> errors)
    : Exception("The company could not be created: " + string.Join("; ", errors.Select(e => $"{e.Key}: {string.Join(' ', e.Value)}")))
{
    public IDictionary<string, string[]> Errors { get; } = errors;
}
