using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Saas.Write.Common;

namespace Saas.Write.Finance.Setup.Editing;

/// <summary>
/// How a posting setup matrix is named: its table (part of every row's API id), its caption in messages, and the API
/// fields of its two key codes. Duplicates are reported on the second key field, the one the user picks last.
/// </summary>
public sealed record PostingSetupMatrixNames(string Table, string Caption, string FirstKeyField, string SecondKeyField);

/// <summary>
/// The editing rules the three posting setup matrices (general, inventory, VAT) share: a row is keyed by two codes
/// that are fixed once created (its API id is derived from them), If-Match compares a hash of the stored values,
/// and every change runs under the company's <see cref="SetupLock"/>. Each matrix says which codes key it, how a
/// key is checked and how its other fields are applied; the flows around them are the same for all three.
/// </summary>
public abstract class PostingSetupMatrix<TRow, TChange> : ISetupTable<TRow, TChange>
    where TRow : class
{
    private readonly WriteDbContext db;
    private readonly PostingSetupMatrixNames names;

    private protected PostingSetupMatrix(WriteDbContext db, PostingSetupMatrixNames names)
    {
        this.db = db;
        this.names = names;
    }

    private protected WriteDbContext Db => db;

    /// <summary>The row's two key codes, in the order of <see cref="PostingSetupMatrixNames"/>.</summary>
    private protected abstract (string First, string Second) KeyOf(TRow row);

    /// <summary>The key codes a change names (null where it names none).</summary>
    private protected abstract (string? First, string? Second) KeyOf(TChange change);

    /// <summary>A new row of this company with the given (normalized) key codes and nothing else set.</summary>
    private protected abstract TRow NewRow(string first, string second);

    /// <summary>The row with these key codes, as a query the database answers (its collation decides equality).</summary>
    private protected abstract Expression<Func<TRow, bool>> HasKey(string first, string second);

    private protected abstract IQueryable<TRow> InKeyOrder(IQueryable<TRow> rows);

    /// <summary>The row in messages, e.g. "General Posting Setup DOMESTIC × RETAIL".</summary>
    private protected abstract string Caption(TRow row);

    private protected abstract long Version(TRow row);

    /// <summary>Checks that the new row's key codes name existing groups (or locations), adding errors to <paramref name="v"/>.</summary>
    private protected abstract Task CheckKeyAsync(Validation v, TRow row, CancellationToken cancellationToken);

    /// <summary>Applies the change's non-key fields (null leaves a field as it is), adding errors to <paramref name="v"/>.</summary>
    private protected abstract Task ApplyAsync(Validation v, TRow row, TChange change, CancellationToken cancellationToken);

    public Guid IdOf(TRow row)
    {
        var (first, second) = KeyOf(row);
        return SetupKeys.Id(db.CurrentTenantId, names.Table, first, second);
    }

    public async Task<List<TRow>> ListAsync(CancellationToken cancellationToken = default) =>
        await InKeyOrder(db.Set<TRow>().AsNoTracking()).ToListAsync(cancellationToken);

    public async Task<TRow?> FindAsync(Guid id, CancellationToken cancellationToken = default) =>
        (await ListAsync(cancellationToken)).SingleOrDefault(s => IdOf(s) == id);

    public Task<TRow> CreateAsync(TChange change, CancellationToken cancellationToken = default) =>
        SetupLock.RunAsync(db, () => CreateCoreAsync(change, cancellationToken), cancellationToken);

    private async Task<TRow> CreateCoreAsync(TChange change, CancellationToken cancellationToken)
    {
        var v = new Validation();
        var (givenFirst, givenSecond) = KeyOf(change);
        var (first, second) = (Codes.Normalize(givenFirst), Codes.Normalize(givenSecond));
        var row = NewRow(first, second);
        await CheckKeyAsync(v, row, cancellationToken);
        await ApplyAsync(v, row, change, cancellationToken);
        v.ThrowIfInvalid();

        // Checked before saving so the refusal names the field; SaveNewAsync answers the same if the unique key refuses it anyway.
        var message = $"{Caption(row)} already exists.";
        if (await db.Set<TRow>().AnyAsync(HasKey(first, second), cancellationToken))
        {
            throw new ConflictException(names.SecondKeyField, message);
        }

        db.Set<TRow>().Add(row);
        await WriteSaves.SaveNewAsync(db, names.SecondKeyField, message, cancellationToken);
        return row;
    }

    public Task<TRow> UpdateAsync(Guid id, long? expectedVersion, TChange change, CancellationToken cancellationToken = default) =>
        SetupLock.RunAsync(db, () => UpdateCoreAsync(id, expectedVersion, change, cancellationToken), cancellationToken);

    private async Task<TRow> UpdateCoreAsync(Guid id, long? expectedVersion, TChange change, CancellationToken cancellationToken)
    {
        var row = await TrackedAsync(id, cancellationToken);
        SetupKeys.CheckVersion(Caption(row), expectedVersion, Version(row));
        var v = new Validation();
        var (current, given) = (KeyOf(row), KeyOf(change));
        KeyUnchanged(v, names.FirstKeyField, given.First, current.First);
        KeyUnchanged(v, names.SecondKeyField, given.Second, current.Second);
        await ApplyAsync(v, row, change, cancellationToken);
        v.ThrowIfInvalid();
        await db.SaveChangesAsync(cancellationToken);
        return row;
    }

    public Task DeleteAsync(Guid id, CancellationToken cancellationToken = default) =>
        SetupLock.RunAsync(db, () => DeleteCoreAsync(id, cancellationToken), cancellationToken);

    private async Task DeleteCoreAsync(Guid id, CancellationToken cancellationToken)
    {
        db.Set<TRow>().Remove(await TrackedAsync(id, cancellationToken));
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>The id is a hash of the key, not a column, so the row is found among the company's (few) rows.</summary>
    private async Task<TRow> TrackedAsync(Guid id, CancellationToken cancellationToken) =>
        (await db.Set<TRow>().ToListAsync(cancellationToken)).SingleOrDefault(s => IdOf(s) == id)
        ?? throw new NotFoundException(names.Caption, id);

    /// <summary>The setup's key is its identity: a different combination is a new row, not a change of this one.</summary>
    private static void KeyUnchanged(Validation v, string field, string? given, string current)
    {
        if (given is not null && Codes.Normalize(given) != current)
        {
            v.Add(field, "cannot be changed; delete this row and create the new combination.");
        }
    }

    /// <summary>A key code naming a posting group of <paramref name="kind"/>; blank only where BC posts through a blank row.</summary>
    private protected async Task CheckGroupAsync(
        Validation v, string field, PostingGroupKind kind, string code, bool blankAllowed, CancellationToken cancellationToken)
    {
        if (code.Length == 0)
        {
            if (!blankAllowed)
            {
                v.Add(field, "is required.");
            }

            return;
        }

        if (!await db.PostingGroups.AnyAsync(g => g.Kind == kind && g.Code == code, cancellationToken))
        {
            v.Add(field, $"{PostingGroups.Caption(kind)} {code} does not exist.");
        }
    }

    /// <summary>The field's new value (checked), or the current one when the change leaves it alone. Empty clears it.</summary>
    private protected async Task<string> AccountAsync(Validation v, string field, string? given, string current, CancellationToken cancellationToken)
    {
        if (given is null)
        {
            return current;
        }

        var number = Codes.Normalize(given);
        await SetupAccountFields.CheckAsync(db, v, field, number, cancellationToken);
        return number;
    }
}
