using Microsoft.EntityFrameworkCore;
using Saas.Write.Common;
using Saas.Write.Finance.Posting;

namespace Saas.Write.Finance.Setup.Editing;

/// <summary>The fields of a G/L account card; null leaves a field as it is (PATCH).</summary>
public sealed record AccountChange
{
    public string? Number { get; init; }
    public string? Name { get; init; }
    public AccountCategory? Category { get; init; }
    public IncomeBalance? IncomeBalance { get; init; }
    public bool? DirectPosting { get; init; }
    public bool? Blocked { get; init; }
}

/// <summary>
/// Creating, changing and deleting G/L accounts with BC's rules (table 15): the number is unique; an account with
/// ledger entries keeps its income/balance and cannot be deleted (block it instead); an account named by posting
/// setup cannot be deleted either, and the refusal says which setup names it. Posted entries are never touched.
/// </summary>
public sealed class ChartOfAccounts(WriteDbContext db) : ISetupTable<GLAccount, AccountChange>
{
    public const string Table = "accounts";

    public Guid IdOf(GLAccount account) => SetupKeys.Id(db.CurrentTenantId, Table, account.Number);

    public static long VersionOf(GLAccount a) =>
        SetupKeys.Version(a.Number, a.Name, a.Category, a.IncomeBalance, a.DirectPosting, a.Blocked);

    public async Task<List<GLAccount>> ListAsync(CancellationToken cancellationToken = default) =>
        await db.GLAccounts.AsNoTracking().OrderBy(a => a.Number).ToListAsync(cancellationToken);

    public async Task<GLAccount?> FindAsync(Guid id, CancellationToken cancellationToken = default) =>
        (await db.GLAccounts.AsNoTracking().ToListAsync(cancellationToken)).SingleOrDefault(a => IdOf(a) == id);

    public Task<GLAccount> CreateAsync(AccountChange change, CancellationToken cancellationToken = default) =>
        SetupLock.RunAsync(db, () => CreateCoreAsync(change, cancellationToken), cancellationToken);

    private async Task<GLAccount> CreateCoreAsync(AccountChange change, CancellationToken cancellationToken = default)
    {
        var v = new Validation();
        var number = Codes.Normalize(change.Number);
        v.Required("number", number, GLAccount.NumberLength);
        v.Required("displayName", change.Name, GLAccount.NameLength);
        if (change.Category is null)
        {
            v.Add("category", "is required.");
        }

        var account = new GLAccount
        {
            TenantId = db.CurrentTenantId,
            Number = number,
            Name = change.Name?.Trim() ?? "",
            Category = change.Category ?? AccountCategory.Assets,
            DirectPosting = change.DirectPosting ?? false,
            Blocked = change.Blocked ?? false,
        };
        account.IncomeBalance = change.IncomeBalance ?? IncomeBalanceOf(account.Category);
        CheckConsistent(v, account);
        v.ThrowIfInvalid();

        if (await db.GLAccounts.AnyAsync(a => a.Number == number, cancellationToken))
        {
            throw new ConflictException("number", $"G/L Account {number} already exists.");
        }

        db.GLAccounts.Add(account);
        await WriteSaves.SaveNewAsync(db, "number", $"G/L Account {number} already exists.", cancellationToken);
        return account;
    }

    public Task<GLAccount> UpdateAsync(Guid id, long? expectedVersion, AccountChange change, CancellationToken cancellationToken = default) =>
        SetupLock.RunAsync(db, () => UpdateCoreAsync(id, expectedVersion, change, cancellationToken), cancellationToken);

    private async Task<GLAccount> UpdateCoreAsync(Guid id, long? expectedVersion, AccountChange change, CancellationToken cancellationToken = default)
    {
        var account = await TrackedAsync(id, cancellationToken);
        SetupKeys.CheckVersion($"G/L Account {account.Number}", expectedVersion, VersionOf(account));

        var v = new Validation();
        if (change.Number is not null && Codes.Normalize(change.Number) != account.Number)
        {
            // BC renames through every table that names the account; here the number is the key of posted entries.
            v.Add("number", $"cannot be changed (G/L Account {account.Number}); create a new account and block this one.");
        }

        if (change.Name is not null)
        {
            v.Required("displayName", change.Name, GLAccount.NameLength);
            account.Name = change.Name.Trim();
        }

        var incomeBalanceBefore = account.IncomeBalance;
        if (change.Category is { } category)
        {
            account.Category = category;
            account.IncomeBalance = change.IncomeBalance ?? IncomeBalanceOf(category);
        }
        else if (change.IncomeBalance is { } incomeBalance)
        {
            account.IncomeBalance = incomeBalance;
        }

        account.DirectPosting = change.DirectPosting ?? account.DirectPosting;
        account.Blocked = change.Blocked ?? account.Blocked;
        CheckConsistent(v, account);
        if (account.IncomeBalance != incomeBalanceBefore && await HasEntriesAsync(account.Number, cancellationToken))
        {
            v.Add("incomeBalance", $"cannot be changed because G/L Account {account.Number} has ledger entries.");
        }

        v.ThrowIfInvalid();
        await db.SaveChangesAsync(cancellationToken);
        return account;
    }

    public Task DeleteAsync(Guid id, CancellationToken cancellationToken = default) =>
        SetupLock.RunAsync(db, () => DeleteCoreAsync(id, cancellationToken), cancellationToken);

    private async Task DeleteCoreAsync(Guid id, CancellationToken cancellationToken = default)
    {
        var account = await TrackedAsync(id, cancellationToken);
        if (await HasEntriesAsync(account.Number, cancellationToken))
        {
            throw new ConflictException("number", $"G/L Account {account.Number} has ledger entries and cannot be deleted; block it instead.");
        }

        var uses = await SetupAccountFields.WhereUsedAsync(db, account.Number, cancellationToken);
        if (uses.Count > 0)
        {
            throw new ConflictException("number", $"G/L Account {account.Number} cannot be deleted: it is used in {string.Join("; ", uses)}.");
        }

        db.GLAccounts.Remove(account);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>The id is a hash of the number, not a column, so the account is found among the company's accounts.</summary>
    private async Task<GLAccount> TrackedAsync(Guid id, CancellationToken cancellationToken) =>
        (await db.GLAccounts.ToListAsync(cancellationToken)).SingleOrDefault(a => IdOf(a) == id)
        ?? throw new NotFoundException("G/L Account", id);

    /// <summary>
    /// Under the posting lock, so no posting can add the account's first entry between this check and the commit
    /// of the change that relies on it.
    /// </summary>
    private async Task<bool> HasEntriesAsync(string number, CancellationToken cancellationToken)
    {
        await PostingLock.TakeAsync(db, cancellationToken);
        return await db.GLEntries.AnyAsync(e => e.GLAccountNo == number, cancellationToken);
    }

    /// <summary>BC sets Income/Balance from the account category: income, cost of goods sold and expense accounts close to the income statement.</summary>
    public static IncomeBalance IncomeBalanceOf(AccountCategory category) =>
        category is AccountCategory.Income or AccountCategory.CostOfGoodsSold or AccountCategory.Expense
            ? IncomeBalance.IncomeStatement
            : IncomeBalance.BalanceSheet;

    private static void CheckConsistent(Validation v, GLAccount account)
    {
        if (account.IncomeBalance != IncomeBalanceOf(account.Category))
        {
            v.Add("incomeBalance", $"must be {BcEnum.ToWord(IncomeBalanceOf(account.Category))} for category {BcEnum.ToWord(account.Category)}.");
        }
    }
}
