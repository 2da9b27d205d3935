using Microsoft.Extensions.DependencyInjection;
using Saas.Identity.Audit;
using Saas.Read.Administration;
using Saas.Read.Common;
using Saas.Read.Inventory;
using Saas.Read.MasterData;
using Saas.Tenancy.Storage;
using Saas.Web.People;
using Saas.Write.Workspace;

namespace Saas.Web.Jobs;

/// <summary>
/// The long operations a person can start from the UI, each as a <see cref="BackgroundJobs"/> job that reports its
/// progress and stops cleanly when cancelled.
/// </summary>
public sealed class LongJobs(BackgroundJobs jobs, DatabaseOptions database)
{
    public const string RebuildKind = "Rebuild lists";
    public const string AuditExportKind = "Audit log export";

    /// <summary>
    /// The company's read side (lists, inventory) rebuilt from the write side, as the operator's <c>rebuild</c> does for
    /// every company. The master data is one transaction: a Cancel rolls it back and the lists stay as they were.
    /// </summary>
    public Task<Guid> StartRebuildAsync(Guid tenantId, Guid userId) =>
        jobs.StartAsync(tenantId, userId, RebuildKind, async job =>
        {
            var rows = 0;
            var total = 0;
            await job.Services.GetRequiredService<MasterDataRebuild>().RebuildAsync(job.CancellationToken, (done, all) =>
            {
                (rows, total) = (done, all);

                // One step more than the rows: the inventory sums come after them.
                job.Report(done, all + 1);
            });

            // Its own transaction, after the master data (as the operator's rebuild); nothing to undo if cancelled before it.
            job.CancellationToken.ThrowIfCancellationRequested();
            var registers = await job.Services.GetRequiredService<InventoryRebuild>().RebuildAsync(job.CancellationToken);
            job.Report(total + 1, total + 1);
            return new JobOutcome($"Rebuilt {rows} list row(s) and the inventory from {registers} register(s).");
        });

    /// <summary>
    /// The audit log as CSV, with the search and filters of the page it was started from, written to a part file that
    /// becomes the download only when complete; a Cancel or a failure deletes it, so no half file is ever offered.
    /// </summary>
    public Task<Guid> StartAuditExportAsync(Guid tenantId, Guid userId, ListQuery filters)
    {
        var folder = ExportFolder(database, tenantId);

        // Oldest first, as the log was written; pages of the maximum size keep memory flat over years of history.
        var query = filters with { OrderBy = "occurred", Descending = false, Top = ListQuery.MaxTop, Skip = 0 };
        return jobs.StartAsync(tenantId, userId, AuditExportKind, async job =>
        {
            var audit = job.Services.GetRequiredService<AuditLogQueries>();
            var total = (await audit.ListAsync(query with { Top = 0 }, job.CancellationToken)).Count;
            job.Report(0, total);
            PrivateFiles.EnsureDirectory(folder);
            var name = $"audit-{Guid.NewGuid():N}.csv";
            var part = Path.Combine(folder, name + ".part");
            try
            {
                var written = 0;
                await using (var file = new FileStream(part, FileMode.CreateNew, FileAccess.Write, FileShare.None, 16 * 1024, useAsync: true))
                {
                    await AuditCsv.WriteAsync(file, Entries(), job.CancellationToken);

                    async IAsyncEnumerable<AuditEntry> Entries()
                    {
                        for (var skip = 0; ; skip += ListQuery.MaxTop)
                        {
                            var page = await audit.ListAsync(query with { Skip = skip }, job.CancellationToken);
                            foreach (var row in page.Value)
                            {
                                yield return new AuditEntry
                                {
                                    Id = row.Id, OccurredUtc = row.OccurredUtc, Actor = row.Actor, Action = row.Action, Subject = row.Subject,
                                    Before = row.Before, After = row.After,
                                };
                                job.Report(++written, Math.Max(total, written));
                            }

                            if (page.Value.Count < ListQuery.MaxTop)
                            {
                                yield break;
                            }
                        }
                    }
                }

                File.Move(part, Path.Combine(folder, name));
                return new JobOutcome($"{written} audit entries exported.", name);
            }
            catch
            {
                File.Delete(part);
                throw;
            }
        });
    }

    /// <summary>A company's finished exports: one folder per company, so a file name of another company never resolves.</summary>
    public static string ExportFolder(DatabaseOptions database, Guid tenantId) =>
        Path.Combine(database.DataDirectory, "exports", tenantId.ToString("N"));
}
