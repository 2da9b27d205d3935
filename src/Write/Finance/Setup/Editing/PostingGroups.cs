using Microsoft.EntityFrameworkCore;
using Saas.Write.Common;

namespace Saas.Write.Finance.Setup.Editing;

/// <summary>The fields of a posting group; null leaves a field as it is (PATCH).</summary>
public sealed record PostingGroupChange
{
    public string? Code { get; init; }
    public string? Description { get; init; }

    /// <summary>Receivables account (customer groups) or payables account (vendor groups).</summary>
    public string? Account { get; init; }
}

/// <summary>
/// The posting group code tables. A group in use (by an item, or by a posting setup row) cannot be deleted, and the
/// refusal names who uses it, so the accountant knows what to change first.
/// </summary>
public sealed class PostingGroups(WriteDbContext db)
{
    public static string Caption(PostingGroupKind kind) => kind switch
    {
        PostingGroupKind.GeneralBusiness => "Gen. Business Posting Group",
        PostingGroupKind.GeneralProduct => "Gen. Product Posting Group",
        PostingGroupKind.Inventory => "Inventory Posting Group",
        PostingGroupKind.VatBusiness => "VAT Business Posting Group",
        PostingGroupKind.VatProduct => "VAT Product Posting Group",
        PostingGroupKind.Customer => "Customer Posting Group",
        _ => "Vendor Posting Group",
    };

    /// <summary>The API field of the group's account, or null for kinds without one.</summary>
    public static string? AccountField(PostingGroupKind kind) => kind switch
    {
        PostingGroupKind.Customer => "receivablesAccount",
        PostingGroupKind.Vendor => "payablesAccount",
        _ => null,
    };

    public Guid IdOf(PostingGroup group) => SetupKeys.Id(db.CurrentTenantId, "postingGroups", group.Kind.ToString(), group.Code);

    public static long VersionOf(PostingGroup g) => SetupKeys.Version(g.Kind, g.Code, g.Description, g.Account);

    public async Task<List<PostingGroup>> ListAsync(PostingGroupKind kind, CancellationToken cancellationToken = default) =>
        await db.PostingGroups.AsNoTracking().Where(g => g.Kind == kind).OrderBy(g => g.Code).ToListAsync(cancellationToken);

    public async Task<PostingGroup?> FindAsync(PostingGroupKind kind, Guid id, CancellationToken cancellationToken = default) =>
        (await ListAsync(kind, cancellationToken)).SingleOrDefault(g => IdOf(g) == id);

    public Task<PostingGroup> CreateAsync(PostingGroupKind kind, PostingGroupChange change, CancellationToken cancellationToken = default) =>
        SetupLock.RunAsync(db, () => CreateCoreAsync(kind, change, cancellationToken), cancellationToken);

    private async Task<PostingGroup> CreateCoreAsync(PostingGroupKind kind, PostingGroupChange change, CancellationToken cancellationToken = default)
    {
        var v = new Validation();
        var code = Codes.Normalize(change.Code);
        v.Required("code", code, PostingGroup.CodeLength);
        v.MaxLength("description", change.Description, PostingGroup.DescriptionLength);
        var group = new PostingGroup { TenantId = db.CurrentTenantId, Kind = kind, Code = code, Description = change.Description?.Trim() ?? "" };
        await SetAccountAsync(v, group, change.Account, cancellationToken);
        v.ThrowIfInvalid();

        if (await db.PostingGroups.AnyAsync(g => g.Kind == kind && g.Code == code, cancellationToken))
        {
            throw new ConflictException("code", $"{Caption(kind)} {code} already exists.");
        }

        db.PostingGroups.Add(group);
        await WriteSaves.SaveNewAsync(db, "code", $"{Caption(kind)} {code} already exists.", cancellationToken);
        return group;
    }

    public Task<PostingGroup> UpdateAsync(
        PostingGroupKind kind, Guid id, long? expectedVersion, PostingGroupChange change, CancellationToken cancellationToken = default) =>
        SetupLock.RunAsync(db, () => UpdateCoreAsync(kind, id, expectedVersion, change, cancellationToken), cancellationToken);

    private async Task<PostingGroup> UpdateCoreAsync(
        PostingGroupKind kind, Guid id, long? expectedVersion, PostingGroupChange change, CancellationToken cancellationToken = default)
    {
        var group = await TrackedAsync(kind, id, cancellationToken);
        SetupKeys.CheckVersion($"{Caption(kind)} {group.Code}", expectedVersion, VersionOf(group));
        var v = new Validation();
        if (change.Code is not null && Codes.Normalize(change.Code) != group.Code)
        {
            v.Add("code", $"cannot be changed ({Caption(kind)} {group.Code}); create a new group and move its users to it.");
        }

        if (change.Description is not null)
        {
            v.MaxLength("description", change.Description, PostingGroup.DescriptionLength);
            group.Description = change.Description.Trim();
        }

        await SetAccountAsync(v, group, change.Account, cancellationToken);
        v.ThrowIfInvalid();
        await db.SaveChangesAsync(cancellationToken);
        return group;
    }

    public Task DeleteAsync(PostingGroupKind kind, Guid id, CancellationToken cancellationToken = default) =>
        SetupLock.RunAsync(db, () => DeleteCoreAsync(kind, id, cancellationToken), cancellationToken);

    private async Task DeleteCoreAsync(PostingGroupKind kind, Guid id, CancellationToken cancellationToken = default)
    {
        var group = await TrackedAsync(kind, id, cancellationToken);
        var user = await FirstUserAsync(kind, group.Code, cancellationToken);
        if (user is not null)
        {
            throw new ConflictException("code", $"{Caption(kind)} {group.Code} cannot be deleted: {user} uses it.");
        }

        db.PostingGroups.Remove(group);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>The id is a hash of the key, not a column, so the group is found among the kind's (few) groups.</summary>
    private async Task<PostingGroup> TrackedAsync(PostingGroupKind kind, Guid id, CancellationToken cancellationToken) =>
        (await db.PostingGroups.Where(g => g.Kind == kind).ToListAsync(cancellationToken)).SingleOrDefault(g => IdOf(g) == id)
        ?? throw new NotFoundException(Caption(kind), id);

    private async Task SetAccountAsync(Validation v, PostingGroup group, string? account, CancellationToken cancellationToken)
    {
        if (account is null)
        {
            return;
        }

        var field = AccountField(group.Kind);
        if (field is null)
        {
            v.Add("account", $"{Caption(group.Kind)} has no account.");
            return;
        }

        group.Account = Codes.Normalize(account);
        await SetupAccountFields.CheckAsync(db, v, field, group.Account, cancellationToken);
    }

    /// <summary>The first item or setup row that names the group, in words; null when nothing does.</summary>
    private async Task<string?> FirstUserAsync(PostingGroupKind kind, string code, CancellationToken cancellationToken)
    {
        var item = kind switch
        {
            PostingGroupKind.GeneralProduct => await db.Items.Where(i => i.GenProdPostingGroup == code).Select(i => i.Number).FirstOrDefaultAsync(cancellationToken),
            PostingGroupKind.Inventory => await db.Items.Where(i => i.InventoryPostingGroup == code).Select(i => i.Number).FirstOrDefaultAsync(cancellationToken),
            PostingGroupKind.VatProduct => await db.Items.Where(i => i.VatProdPostingGroup == code).Select(i => i.Number).FirstOrDefaultAsync(cancellationToken),
            _ => null,
        };
        if (item is not null)
        {
            return $"Item {item}";
        }

        switch (kind)
        {
            case PostingGroupKind.GeneralBusiness or PostingGroupKind.GeneralProduct:
                var general = await db.GeneralPostingSetups.AsNoTracking()
                    .FirstOrDefaultAsync(s => kind == PostingGroupKind.GeneralBusiness ? s.GenBusPostingGroup == code : s.GenProdPostingGroup == code, cancellationToken);
                return general?.Describe();
            case PostingGroupKind.Inventory:
                return (await db.InventoryPostingSetups.AsNoTracking().FirstOrDefaultAsync(s => s.InventoryPostingGroup == code, cancellationToken))?.Describe();
            case PostingGroupKind.VatBusiness or PostingGroupKind.VatProduct:
                var vat = await db.VatPostingSetups.AsNoTracking()
                    .FirstOrDefaultAsync(s => kind == PostingGroupKind.VatBusiness ? s.VatBusPostingGroup == code : s.VatProdPostingGroup == code, cancellationToken);
                return vat is null ? null : VatPostingSetups.Describe(vat);
            default:
                return null;
        }
    }
}
