using Microsoft.EntityFrameworkCore;
using Saas.Write.Common;

namespace Saas.Write.Inventory.Journals;

public sealed record SaveItemJournalBatch
{
    public Guid? Id { get; init; }
    public long? ExpectedVersion { get; init; }
    public string? Template { get; init; }
    public string? Code { get; init; }
    public string? DisplayName { get; init; }
}

/// <summary>
/// Item journal batches: the DEFAULT batch of every template seeded per company, more created by users, renamed,
/// deleted with their lines. Journal lines are work in progress, not ledgers: they are read straight from the
/// write model (no read model to wait for), and posting empties the batch.
/// </summary>
public sealed class ItemJournalBatches(WriteDbContext db, TimeProvider clock)
{
    /// <summary>
    /// Adds a DEFAULT batch to each template that has no batch at all, as BC does when a journal is opened without
    /// one: at onboarding, at startup for companies onboarded before stored journals existed, and when a template's
    /// last batch is deleted. Never on a read. Never changes or re-creates a batch a template still has.
    /// </summary>
    public async Task SeedDefaultsAsync(CancellationToken cancellationToken = default)
    {
        var existing = await db.ItemJournalBatches.Select(b => b.Template).Distinct().ToListAsync(cancellationToken);
        var missing = Enum.GetValues<ItemJournalTemplate>().Except(existing).ToList();
        if (missing.Count == 0)
        {
            return;
        }

        var added = missing.Select(template => new ItemJournalBatch
        {
            TenantId = db.CurrentTenantId,
            Id = Guid.NewGuid(),
            Template = template,
            Code = ItemJournalBatch.DefaultCode,
            DisplayName = "Default journal",
            LastModifiedUtc = clock.GetUtcNow().UtcDateTime,
            Version = 1,
        }).ToList();
        db.ItemJournalBatches.AddRange(added);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (SaveErrors.IsUniqueViolation(e) && db.Database.CurrentTransaction is null)
        {
            // Another request seeded them at the same moment: theirs are as good as ours. (Inside a transaction
            // the failed insert has aborted it: the caller's unit of work must run again instead.)
            foreach (var batch in added)
            {
                db.Entry(batch).State = EntityState.Detached;
            }
        }
    }

    public Task<List<ItemJournalBatch>> ListAsync(ItemJournalTemplate? template, CancellationToken cancellationToken = default) =>
        db.ItemJournalBatches.AsNoTracking()
            .Where(b => template == null || b.Template == template)
            .OrderBy(b => b.Template).ThenBy(b => b.Code)
            .ToListAsync(cancellationToken);

    public Task<ItemJournalBatch?> FindAsync(Guid id, CancellationToken cancellationToken = default) =>
        db.ItemJournalBatches.AsNoTracking().SingleOrDefaultAsync(b => b.Id == id, cancellationToken);

    public async Task<ItemJournalBatch> GetAsync(Guid id, CancellationToken cancellationToken = default) =>
        await FindAsync(id, cancellationToken) ?? throw new NotFoundException("Item journal", id);

    public async Task<ItemJournalBatch> CreateAsync(SaveItemJournalBatch command, CancellationToken cancellationToken = default)
    {
        var v = new Validation();
        var template = ItemJournalTemplate.Item;
        if (command.Template is not null && !BcEnum.TryParse(command.Template, out template))
        {
            v.Add("template", $"must be one of {BcEnum.Allowed<ItemJournalTemplate>()}.");
        }

        var code = Codes.Normalize(command.Code);
        v.Required("code", code, ItemJournalBatch.CodeLength);
        v.MaxLength("displayName", command.DisplayName, ItemJournalBatch.DisplayNameLength);
        v.ThrowIfInvalid();
        if (await db.ItemJournalBatches.AnyAsync(b => b.Template == template && b.Code == code, cancellationToken))
        {
            throw new ConflictException("code", $"The {BcEnum.ToWord(template)} journal already has a batch '{code}'.");
        }

        var batch = new ItemJournalBatch
        {
            TenantId = db.CurrentTenantId,
            Id = Guid.NewGuid(),
            Template = template,
            Code = code,
            DisplayName = command.DisplayName?.Trim() ?? "",
            LastModifiedUtc = clock.GetUtcNow().UtcDateTime,
            Version = 1,
        };
        db.ItemJournalBatches.Add(batch);
        await SaveAsync(cancellationToken);
        return batch;
    }

    /// <summary>Renames a batch (code, display name); its template is fixed, as BC's batches belong to one template.</summary>
    public async Task<ItemJournalBatch> UpdateAsync(SaveItemJournalBatch command, CancellationToken cancellationToken = default)
    {
        var batch = await db.ItemJournalBatches.SingleOrDefaultAsync(b => b.Id == command.Id, cancellationToken)
            ?? throw new NotFoundException("Item journal", command.Id!);
        CheckVersion(batch, command.ExpectedVersion);
        var v = new Validation();
        if (command.Template is not null && (!BcEnum.TryParse<ItemJournalTemplate>(command.Template, out var template) || template != batch.Template))
        {
            v.Add("template", "cannot be changed: create a batch under the other template instead.");
        }

        if (command.Code is not null)
        {
            v.Required("code", Codes.Normalize(command.Code), ItemJournalBatch.CodeLength);
        }

        v.MaxLength("displayName", command.DisplayName, ItemJournalBatch.DisplayNameLength);
        v.ThrowIfInvalid();
        if (command.Code is not null && Codes.Normalize(command.Code) is var code && code != batch.Code)
        {
            if (await db.ItemJournalBatches.AnyAsync(b => b.Template == batch.Template && b.Code == code, cancellationToken))
            {
                throw new ConflictException("code", $"The {BcEnum.ToWord(batch.Template)} journal already has a batch '{code}'.");
            }

            batch.Code = code;
        }

        if (command.DisplayName is not null)
        {
            batch.DisplayName = command.DisplayName.Trim();
        }

        batch.Version++;
        batch.LastModifiedUtc = clock.GetUtcNow().UtcDateTime;
        await SaveAsync(cancellationToken);
        return batch;
    }

    /// <summary>Deletes the batch and its lines together (BC deletes a batch's lines with it).</summary>
    /// <remarks>
    /// The batch row is locked first, then its lines, in the order posting takes them (no deadlock with a post).
    /// A template left without any batch gets a new empty DEFAULT in the same transaction, as BC opens a journal
    /// without a batch: seeding here, on a write, keeps reading the journals free of writes.
    /// </remarks>
    public Task DeleteAsync(Guid id, long? expectedVersion, CancellationToken cancellationToken = default) =>
        ItemJournalBatchLock.RunAsync(db, id, async batch =>
        {
            CheckVersion(batch, expectedVersion);
            await db.ItemJournalBatchLines.Where(l => l.BatchId == id).ExecuteDeleteAsync(cancellationToken);
            await db.ItemJournalBatches.Where(b => b.Id == id).ExecuteDeleteAsync(cancellationToken);
            await SeedDefaultsAsync(cancellationToken);
            return true;
        }, cancellationToken);

    internal static void CheckVersion(ItemJournalBatch batch, long? expected)
    {
        if (expected is { } version && version != batch.Version)
        {
            throw new ConcurrencyException("Item journal " + batch.Code, version, batch.Version);
        }
    }

    private async Task SaveAsync(CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new ConcurrencyException("The item journal", null, null);
        }
        catch (DbUpdateException e) when (SaveErrors.IsUniqueViolation(e))
        {
            throw new ConflictException("code", "That batch name is already taken in this journal template.");
        }
    }
}
