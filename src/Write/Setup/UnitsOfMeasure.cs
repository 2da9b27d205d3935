using Microsoft.EntityFrameworkCore;
using Saas.Write.Common;
using Saas.Write.Finance.Setup.Editing;

namespace Saas.Write.Setup;

/// <summary>The fields of a unit of measure; null leaves a field as it is (PATCH).</summary>
public sealed record UnitOfMeasureChange
{
    public string? Code { get; init; }
    public string? Description { get; init; }
    public string? InternationalStandardCode { get; init; }
}

/// <summary>
/// The Units of Measure table. Its code is the key items refer to, so it cannot change (create a new unit and move
/// the items to it), and a unit that is an item's base unit of measure cannot be deleted.
/// </summary>
public sealed class UnitsOfMeasure(WriteDbContext db, TimeProvider clock)
{
    public const string Caption = "Unit of measure";

    public Guid IdOf(UnitOfMeasure unit) => SetupKeys.Id(db.CurrentTenantId, "unitsOfMeasure", unit.Code);

    public static long VersionOf(UnitOfMeasure u) =>
        SetupKeys.Version(u.Code, u.Description, u.InternationalStandardCode, u.LastModifiedUtc.Ticks);

    public async Task<List<UnitOfMeasure>> ListAsync(CancellationToken cancellationToken = default) =>
        await db.UnitsOfMeasure.AsNoTracking().OrderBy(u => u.Code).ToListAsync(cancellationToken);

    /// <summary>The id is a hash of the code, not a column: the unit is found among the company's (few) units.</summary>
    public async Task<UnitOfMeasure?> FindAsync(Guid id, CancellationToken cancellationToken = default) =>
        (await ListAsync(cancellationToken)).SingleOrDefault(u => IdOf(u) == id);

    public Task<UnitOfMeasure> CreateAsync(UnitOfMeasureChange change, CancellationToken cancellationToken = default) =>
        SaveErrors.RetryOnConcurrencyAsync(db, async () =>
        {
            var v = new Validation();
            var code = Codes.Normalize(change.Code);
            v.Required("code", code, UnitOfMeasure.CodeLength);
            Check(v, change);
            v.ThrowIfInvalid();
            if (await db.UnitsOfMeasure.AnyAsync(u => u.Code == code, cancellationToken))
            {
                throw new ConflictException("code", $"{Caption} {code} already exists.");
            }

            var unit = new UnitOfMeasure
            {
                TenantId = db.CurrentTenantId,
                Code = code,
                Description = change.Description?.Trim() ?? "",
                InternationalStandardCode = Codes.Normalize(change.InternationalStandardCode),
                LastModifiedUtc = Now(),
            };
            db.UnitsOfMeasure.Add(unit);
            await WriteSaves.SaveNewAsync(db, "code", $"{Caption} {code} already exists.", cancellationToken);
            return unit;
        });

    public Task<UnitOfMeasure> UpdateAsync(Guid id, long? expectedVersion, UnitOfMeasureChange change, CancellationToken cancellationToken = default) =>
        SaveErrors.RetryOnConcurrencyAsync(db, async () =>
        {
            var unit = await LockedAsync(id, cancellationToken);
            SetupKeys.CheckVersion($"{Caption} {unit.Code}", expectedVersion, VersionOf(unit));
            var v = new Validation();
            if (change.Code is not null && Codes.Normalize(change.Code) != unit.Code)
            {
                v.Add("code", $"cannot be changed ({Caption} {unit.Code}); create a new unit and move its items to it.");
            }

            Check(v, change);
            v.ThrowIfInvalid();
            unit.Description = change.Description?.Trim() ?? unit.Description;
            unit.InternationalStandardCode = Codes.NormalizeOrNull(change.InternationalStandardCode) ?? unit.InternationalStandardCode;
            unit.LastModifiedUtc = Now();
            await db.SaveChangesAsync(cancellationToken);
            return unit;
        });

    public Task DeleteAsync(Guid id, CancellationToken cancellationToken = default) =>
        SaveErrors.RetryOnConcurrencyAsync(db, async () =>
        {
            var unit = await LockedAsync(id, cancellationToken);
            var item = await db.Items.Where(i => i.BaseUnitOfMeasureCode == unit.Code).OrderBy(i => i.Number)
                .Select(i => i.Number).FirstOrDefaultAsync(cancellationToken);
            if (item is not null)
            {
                throw new ConflictException("code", $"{Caption} {unit.Code} cannot be deleted: it is the base unit of measure of item {item}.");
            }

            var catalogItem = await db.CatalogItems.Where(i => i.UnitOfMeasureCode == unit.Code).OrderBy(i => i.EntryNumber)
                .Select(i => i.EntryNumber).FirstOrDefaultAsync(cancellationToken);
            if (catalogItem is not null)
            {
                throw new ConflictException("code", $"{Caption} {unit.Code} cannot be deleted: catalog item {catalogItem} uses it.");
            }

            db.UnitsOfMeasure.Remove(unit);
            await db.SaveChangesAsync(cancellationToken);
            return true;
        });

    /// <summary>
    /// Fails with a validation error on <paramref name="field"/> unless <paramref name="code"/> ("" = none, as BC
    /// allows) is a unit of the company. On PostgreSQL the unit row stays share-locked until the caller's transaction
    /// ends, so a concurrent delete waits and then sees the new item (and refuses); SQLite's write transaction already
    /// excludes every other writer.
    /// </summary>
    public static async Task EnsureExistsAsync(WriteDbContext db, string code, string field, CancellationToken cancellationToken)
    {
        if (code.Length == 0)
        {
            return;
        }

        bool exists;
        if (db.Database.IsNpgsql() && db.Database.CurrentTransaction is not null)
        {
            // Not composed into EXISTS(...): the lock clause must stay on the outer SELECT.
            var rows = await db.Database
                .SqlQuery<int>($"SELECT 1 AS \"Value\" FROM units_of_measure WHERE tenant_id = {db.CurrentTenantId} AND code = {code} FOR SHARE")
                .ToListAsync(cancellationToken);
            exists = rows.Count > 0;
        }
        else
        {
            exists = await db.UnitsOfMeasure.AnyAsync(u => u.Code == code, cancellationToken);
        }

        if (!exists)
        {
            throw ValidationFailedException.For(field, $"there is no unit of measure '{code}'; choose one from Units of Measure or create it there first.");
        }
    }

    /// <summary>Adds BC's usual units the company does not have yet (onboarding; running it again changes nothing).</summary>
    public async Task SeedAsync(CancellationToken cancellationToken = default)
    {
        var existing = await db.UnitsOfMeasure.Select(u => u.Code).ToListAsync(cancellationToken);
        var now = Now();
        foreach (var (code, description, isc) in UnitOfMeasure.Standard.Where(s => !existing.Contains(s.Code)))
        {
            db.UnitsOfMeasure.Add(new UnitOfMeasure
            {
                TenantId = db.CurrentTenantId, Code = code, Description = description, InternationalStandardCode = isc, LastModifiedUtc = now,
            });
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>To the microsecond: PostgreSQL keeps no more, and the ETag hashes the value as it is read back.</summary>
    private DateTime Now()
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return now.AddTicks(-(now.Ticks % 10));
    }

    private static void Check(Validation v, UnitOfMeasureChange change)
    {
        v.MaxLength("displayName", change.Description?.Trim(), UnitOfMeasure.DescriptionLength);
        v.MaxLength("internationalStandardCode", change.InternationalStandardCode?.Trim(), UnitOfMeasure.InternationalStandardCodeLength);
    }

    /// <summary>The unit, locked for the rest of the transaction on PostgreSQL (item writers share-lock it).</summary>
    private async Task<UnitOfMeasure> LockedAsync(Guid id, CancellationToken cancellationToken)
    {
        var unit = (await db.UnitsOfMeasure.ToListAsync(cancellationToken)).SingleOrDefault(u => IdOf(u) == id)
            ?? throw new NotFoundException(Caption, id);
        if (db.Database.IsNpgsql())
        {
            await db.Database.ExecuteSqlInterpolatedAsync(
                $"SELECT 1 FROM units_of_measure WHERE tenant_id = {db.CurrentTenantId} AND code = {unit.Code} FOR UPDATE", cancellationToken);
            await db.Entry(unit).ReloadAsync(cancellationToken);
        }

        return unit;
    }
}
