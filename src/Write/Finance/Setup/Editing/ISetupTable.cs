namespace Saas.Write.Finance.Setup.Editing;

/// <summary>
/// A setup table edited row by row through the API (the chart of accounts, the posting setup matrices): rows keyed
/// by codes, with an id derived from them, changed under the company's setup lock with an If-Match version check.
/// The API maps the same five routes for each one from this.
/// </summary>
public interface ISetupTable<TRow, in TChange>
{
    Guid IdOf(TRow row);

    Task<List<TRow>> ListAsync(CancellationToken cancellationToken = default);

    Task<TRow?> FindAsync(Guid id, CancellationToken cancellationToken = default);

    Task<TRow> CreateAsync(TChange change, CancellationToken cancellationToken = default);

    Task<TRow> UpdateAsync(Guid id, long? expectedVersion, TChange change, CancellationToken cancellationToken = default);

    Task DeleteAsync(Guid id, CancellationToken cancellationToken = default);
}
