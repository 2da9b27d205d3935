using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Saas.Read.MasterData;
using Saas.Tests.Infrastructure;
using Saas.Web.Jobs;
using Saas.Write;
using Saas.Write.Inventory;
using Saas.Write.Workspace;

namespace Saas.Tests.Lists;

/// <summary>Background jobs (rebuild, exports): progress while they run, a Cancel that stops them, nothing half-written after it.</summary>
public abstract class a_long_job_reports_progress_and_can_be_cancelled<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : PipelineApp
{
    private BackgroundJobs Jobs => app.Services.GetRequiredService<BackgroundJobs>();

    private Task<JobView?> ViewAsync(Guid tenant, Guid user, Guid job) =>
        app.InTenantAsync(tenant, sp => Jobs.FindAsync(sp.GetRequiredService<WriteDbContext>(), user, job));

    [Fact]
    public async Task a_running_job_shows_how_far_it_got_and_stops_when_cancelled()
    {
        var tenant = await app.NewTenantAsync();
        var other = await app.NewTenantAsync();
        var person = Guid.NewGuid();
        var reached = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var id = await Jobs.StartAsync(tenant.Id, person, "Test", async job =>
        {
            job.Report(3, 10);
            reached.SetResult();
            await Task.Delay(Timeout.Infinite, job.CancellationToken);
            return new JobOutcome("never");
        });
        await reached.Task.WaitAsync(TimeSpan.FromSeconds(20));

        var running = await ViewAsync(tenant.Id, person, id);
        Assert.Equal(BackgroundJobStatus.Running, running!.Status);
        Assert.Equal((3L, 10L, 30), (running.Processed, running.Total!.Value, running.Percent!.Value));

        // Only its starter, in its company, sees or cancels it.
        Assert.Null(await ViewAsync(tenant.Id, Guid.NewGuid(), id));
        Assert.Null(await ViewAsync(other.Id, person, id));
        Assert.False(Jobs.Cancel(other.Id, person, id));
        Assert.False(Jobs.Cancel(tenant.Id, Guid.NewGuid(), id));

        Assert.True(Jobs.Cancel(tenant.Id, person, id));
        await Jobs.WhenEndedAsync(id).WaitAsync(TimeSpan.FromSeconds(20));
        var ended = await ViewAsync(tenant.Id, person, id);
        Assert.Equal(BackgroundJobStatus.Cancelled, ended!.Status);
        Assert.Equal(3, ended.Processed);
        Assert.NotNull(ended.FinishedUtc);
    }

    [Fact]
    public async Task a_rebuild_counts_its_rows_and_a_cancelled_one_leaves_the_lists_as_they_were()
    {
        var tenant = await app.NewTenantAsync();
        Guid position = default;
        for (var i = 0; i < 5; i++)
        {
            position = (await app.InTenantAsync(tenant.Id, sp => sp.GetRequiredService<CreateItemHandler>().HandleAsync(
                new CreateItem { DisplayName = "Rebuilt " + i }))).ReadPosition;
        }

        await app.SettleAsync(tenant.Id, position);
        var person = Guid.NewGuid();
        var id = await app.InTenantAsync(tenant.Id, sp => sp.GetRequiredService<LongJobs>().StartRebuildAsync(tenant.Id, person));
        await Jobs.WhenEndedAsync(id).WaitAsync(TimeSpan.FromSeconds(60));
        var done = await ViewAsync(tenant.Id, person, id);
        Assert.Equal(BackgroundJobStatus.Succeeded, done!.Status);
        Assert.Equal(done.Total, done.Processed);
        Assert.True(done.Processed >= 6, $"processed {done.Processed}"); // five items, the MAIN location, the inventory step
        Assert.Equal(100, done.Percent);

        // Stopped after two rows: the rebuild had already deleted every list row in its transaction, which rolls back.
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => app.InTenantAsync(tenant.Id, sp =>
            sp.GetRequiredService<MasterDataRebuild>().RebuildAsync(CancellationToken.None, (rows, _) =>
            {
                if (rows == 2)
                {
                    throw new OperationCanceledException();
                }
            })));
        await using var connection = await app.OpenOwnerConnectionAsync();
        var items = await connection.ExecuteScalarAsync<long>(
            "SELECT COUNT(*) FROM item_list WHERE tenant_id = @Tenant", new { Tenant = tenant.Id });
        Assert.Equal(5, items);
    }
}

public sealed class a_long_job_reports_progress_and_can_be_cancelled_on_sqlite(SqliteApp app)
    : a_long_job_reports_progress_and_can_be_cancelled<SqliteApp>(app);

public sealed class a_long_job_reports_progress_and_can_be_cancelled_on_postgres(PostgresApp app)
    : a_long_job_reports_progress_and_can_be_cancelled<PostgresApp>(app);
