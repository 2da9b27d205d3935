using Microsoft.Extensions.DependencyInjection;
using Saas.Identity.Audit;
using Saas.Identity.Storage;
using Saas.Read.Administration;
using Saas.Read.Common;
using Saas.Read.Finance;
using Saas.Read.Inventory;
using Saas.Read.Workspace;
using Saas.Tests.Infrastructure;
using Saas.Tests.Inventory.Transfers;
using Saas.Tenancy.Storage;
using Saas.Tests.Posting;
using Saas.Web.Jobs;
using Saas.Write.Common;
using Saas.Write.Finance.Setup;
using Saas.Write.Inventory;
using Saas.Write.Inventory.Catalog;
using Saas.Write.Workspace;
using static Saas.Tests.Posting.PostingHarness;

namespace Saas.Tests.Lists;

/// <summary>
/// The chart of accounts, the posted transfers and the background jobs take the filter pane's expressions like the
/// master-data lists, on each provider: the rows that match, only those, and never another company's (or, for jobs,
/// another person's) rows whatever the filter.
/// </summary>
public abstract class more_lists_filter_only_their_company_rows<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : PipelineApp
{
    private static Dictionary<string, string> Filters(params (string Field, string Expression)[] filters) =>
        filters.ToDictionary(f => f.Field, f => f.Expression);

    private static Task AccountsAsync(PostingHarness company, params (string Number, string Name, AccountCategory Category, bool Blocked)[] accounts) =>
        company.InTenantAsync(async db =>
        {
            foreach (var (number, name, category, blocked) in accounts)
            {
                db.GLAccounts.Add(new GLAccount
                {
                    Number = number, Name = name, Category = category, Blocked = blocked, DirectPosting = true,
                    IncomeBalance = category is AccountCategory.Income or AccountCategory.Expense ? IncomeBalance.IncomeStatement : IncomeBalance.BalanceSheet,
                });
            }

            await db.SaveChangesAsync();
        });

    private Task<string[]> AccountNumbersAsync(PostingHarness company, params (string Field, string Expression)[] filters) =>
        company.WithServicesAsync(async sp => (await sp.GetRequiredService<LedgerQueries>()
            .AccountsAsync(new ListQuery { Filters = Filters(filters), Top = ListQuery.MaxTop })).Value.Select(a => a.Number).ToArray());

    [Fact]
    public async Task the_chart_of_accounts_is_filtered_by_ranges_wildcards_and_flags()
    {
        var company = await NewCompanyAsync(app);
        var other = await NewCompanyAsync(app);
        await AccountsAsync(company,
            ("T-100", "Petty cash", AccountCategory.Assets, false), ("T-200", "Bank", AccountCategory.Assets, true),
            ("T-300", "Rent", AccountCategory.Expense, false));
        await AccountsAsync(other, ("T-150", "Other cash", AccountCategory.Assets, false), ("T-250", "Other bank", AccountCategory.Assets, false));

        Assert.Equal(["T-100", "T-200"], await AccountNumbersAsync(company, ("number", "t-100..t-250")));
        Assert.Equal(["T-100", "T-300"], await AccountNumbersAsync(company, ("number", "T-*"), ("blocked", "No")));
        Assert.Equal(["T-300"], await AccountNumbersAsync(company, ("number", "T-*"), ("category", "expense")));
        Assert.Equal(["T-100"], await AccountNumbersAsync(company, ("number", "T-*"), ("displayName", "*CASH*")));
        Assert.Equal(["T-200", "T-300"], await AccountNumbersAsync(company, ("number", ">T-100&<=T-999")));

        // Whatever the filter, the other company's accounts never appear (and its own are all there).
        Assert.Empty(await AccountNumbersAsync(company, ("number", "T-150|T-250")));
        Assert.Empty(await AccountNumbersAsync(company, ("displayName", "Other*")));
        Assert.Equal(["T-150", "T-250"], await AccountNumbersAsync(other, ("number", "T-*")));
        var all = await AccountNumbersAsync(company, ("number", "<>''"));
        Assert.DoesNotContain("T-150", all);
        Assert.Contains("T-300", all);

        var refused = await Assert.ThrowsAsync<ValidationFailedException>(() => AccountNumbersAsync(company, ("blocked", "maybe")));
        Assert.Contains("neither Yes nor No", Assert.Single(refused.Errors["blocked"]));
    }

    [Fact]
    public async Task posted_transfers_are_filtered_by_posting_date_range_and_number()
    {
        var company = await NewCompanyAsync(app);
        var other = await NewCompanyAsync(app);
        var shipments = new List<string>();
        foreach (var (harness, days) in new[] { (company, new[] { 1, 5, 9 }), (other, new[] { 5 }) })
        {
            var steps = new TransferSteps(harness);
            var item = await harness.ItemAsync("PT-ITEM", CostingMethod.FIFO);
            var east = await harness.LocationAsync("EAST");
            await harness.PostAsync(Purchase(item, 100, 10, Day1));
            foreach (var day in days)
            {
                var order = await steps.OrderAsync("MAIN", east, Day1.AddDays(day));
                await steps.LineAsync(order.Id, item, 1);
                var shipped = await steps.ShipAsync(order.Id);
                if (harness == company)
                {
                    shipments.Add(shipped.DocumentNo);
                }
            }
        }

        Task<string[]> NumbersAsync(PostingHarness harness, params (string, string)[] filters) => harness.WithServicesAsync(async sp =>
            (await sp.GetRequiredService<TransferQueries>().PostedAsync(TransferQueries.Shipment, new ListQuery { Filters = Filters(filters) }))
            .Value.Select(d => d.Number).ToArray());

        // Day1 is 2027-01-04: the shipments are dated the 5th, the 9th and the 13th.
        Assert.Equal([shipments[0], shipments[1]], await NumbersAsync(company, ("postingDate", "2027-01-05..2027-01-09")));
        Assert.Equal([shipments[2]], await NumbersAsync(company, ("postingDate", "2027-01-10..")));
        Assert.Equal([shipments[1]], await NumbersAsync(company, ("number", shipments[1].ToLowerInvariant())));
        Assert.Equal([shipments[0], shipments[2]], await NumbersAsync(company, ("number", $"<>{shipments[1]}"), ("transferToCode", "east")));
        Assert.Empty(await NumbersAsync(company, ("postingDate", "..2027-01-04")));

        // The other company shipped on the 9th too, from the same number series (so likely under a number this company
        // also uses); no filter reaches its document.
        var theirs = Assert.Single(await NumbersAsync(other, ("postingDate", "2027-01-01..2027-12-31")));
        Assert.Equal(shipments, await NumbersAsync(company, ("postingDate", "2027-01-01..2027-12-31")));
        Assert.Equal([shipments[1]], await NumbersAsync(company, ("postingDate", "2027-01-09")));
        Assert.Equal(shipments.Contains(theirs) ? 1 : 0, (await NumbersAsync(company, ("number", theirs))).Length);
        Assert.Equal(shipments.Count, (await NumbersAsync(company, ("number", "*"))).Length);
    }

    [Fact]
    public async Task a_persons_jobs_are_filtered_by_kind_status_and_day_and_nobody_elses_appear()
    {
        var jobs = app.Services.GetRequiredService<BackgroundJobs>();
        var company = await app.NewTenantAsync();
        var other = await app.NewTenantAsync();
        var person = Guid.NewGuid();
        var colleague = Guid.NewGuid();

        async Task<Guid> RunAsync(Guid tenant, Guid user, string kind, bool fail = false)
        {
            var id = await jobs.StartAsync(tenant, user, kind, job =>
            {
                job.Report(4, 4);
                return fail ? throw new InvalidOperationException("Broken on purpose.") : Task.FromResult(new JobOutcome("Done: 4 rows."));
            });
            await jobs.WhenEndedAsync(id).WaitAsync(TimeSpan.FromSeconds(30));
            return id;
        }

        var export = await RunAsync(company.Id, person, "Audit log export");
        var rebuild = await RunAsync(company.Id, person, "Rebuild lists");
        var failed = await RunAsync(company.Id, person, "Rebuild lists", fail: true);
        await RunAsync(company.Id, colleague, "Rebuild lists");
        await RunAsync(other.Id, person, "Rebuild lists");

        Task<Guid[]> IdsAsync(Guid tenant, Guid user, params (string, string)[] filters) => app.InTenantAsync(tenant, async sp =>
            (await sp.GetRequiredService<JobQueries>().ListAsync(user, new ListQuery { Filters = Filters(filters), OrderBy = "started" }))
            .Value.Select(j => j.Id).ToArray());

        Assert.Equal([rebuild, failed], await IdsAsync(company.Id, person, ("kind", "rebuild*")));
        Assert.Equal([rebuild], await IdsAsync(company.Id, person, ("kind", "rebuild*"), ("status", "Succeeded")));
        Assert.Equal([failed], await IdsAsync(company.Id, person, ("status", "<>Succeeded")));
        Assert.Equal([export], await IdsAsync(company.Id, person, ("kind", "Audit log export|Something else")));

        // The start day counts whole: "today" and a range ending today both include every job started today.
        var today = DateTime.UtcNow.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal([export, rebuild, failed], await IdsAsync(company.Id, person, ("started", "t")));
        Assert.Equal([export, rebuild, failed], await IdsAsync(company.Id, person, ("started", ".." + today)));
        Assert.Empty(await IdsAsync(company.Id, person, ("started", "..2020-01-01")));

        // Neither the colleague's job nor the person's job in another company appears under any filter.
        Assert.Equal(3, (await IdsAsync(company.Id, person, ("kind", "*"), ("processed", ">=0"))).Length);
        Assert.Single(await IdsAsync(company.Id, colleague));
        Assert.Single(await IdsAsync(other.Id, person, ("kind", "*")));
    }

    [Fact]
    public async Task the_audit_log_is_filtered_by_day_range_action_and_person_and_exported_so()
    {
        var company = await app.NewTenantAsync();
        var other = await app.NewTenantAsync();
        var tag = Guid.NewGuid().ToString("N")[..8];
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<IdentityDb>();
            foreach (var (tenant, day, action, subject) in new[]
                     {
                         (company.Id, "2026-03-01 09:15:00", AuditActions.InvitationSent, $"ann-{tag}@example.com"),
                         (company.Id, "2026-03-02 23:59:00", AuditActions.RoleChanged, $"bob-{tag}@example.com"),
                         (company.Id, "2026-03-05 00:00:00", AuditActions.Removed, $"bob-{tag}@example.com"),
                         (other.Id, "2026-03-02 12:00:00", AuditActions.RoleChanged, $"bob-{tag}@example.com"),
                     })
            {
                db.AuditEntries.Add(new AuditEntry
                {
                    TenantId = tenant, OccurredUtc = DateTime.Parse(day, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AdjustToUniversal | System.Globalization.DateTimeStyles.AssumeUniversal),
                    Actor = $"admin-{tag}@example.com", Action = action, Subject = subject,
                });
            }

            await db.SaveChangesAsync();
        }

        Task<string[]> RowsAsync(Guid tenant, params (string, string)[] filters) => app.InTenantAsync(tenant, async sp =>
            (await sp.GetRequiredService<AuditLogQueries>().ListAsync(new ListQuery { Filters = Filters(filters), OrderBy = "occurred" }))
            .Value.Select(e => $"{e.OccurredUtc:yyyy-MM-dd} {e.Action}").ToArray());

        // A day filter takes the whole day: 23:59 is still the 2nd.
        Assert.Equal(["2026-03-01 Invitation sent", "2026-03-02 Role changed"], await RowsAsync(company.Id, ("occurred", "2026-03-01..2026-03-02")));
        Assert.Equal(["2026-03-05 Removed from company"], await RowsAsync(company.Id, ("occurred", "2026-03-03..")));
        Assert.Equal(["2026-03-02 Role changed", "2026-03-05 Removed from company"], await RowsAsync(company.Id, ("subject", $"bob-{tag}*")));
        Assert.Equal(["2026-03-01 Invitation sent"], await RowsAsync(company.Id, ("action", "invitation*"), ("actor", $"admin-{tag}@example.com")));

        // The other company's entry of the 2nd, for the same person by the same actor, never appears.
        Assert.Equal(3, (await RowsAsync(company.Id, ("actor", $"*{tag}*"))).Length);
        Assert.Equal(["2026-03-02 Role changed"], await RowsAsync(other.Id, ("actor", $"*{tag}*")));

        // The export takes the same filters: only the company's matching entries are in the file.
        var person = Guid.NewGuid();
        var job = await app.InTenantAsync(company.Id, sp => sp.GetRequiredService<LongJobs>().StartAuditExportAsync(company.Id, person,
            new ListQuery { Filters = Filters(("subject", $"bob-{tag}*")) }));
        var jobs = app.Services.GetRequiredService<BackgroundJobs>();
        await jobs.WhenEndedAsync(job).WaitAsync(TimeSpan.FromSeconds(30));
        var done = await app.InTenantAsync(company.Id, sp => jobs.FindAsync(sp.GetRequiredService<Saas.Write.WriteDbContext>(), person, job));
        Assert.Equal(BackgroundJobStatus.Succeeded, done!.Status);
        var file = Path.Combine(LongJobs.ExportFolder(app.Services.GetRequiredService<DatabaseOptions>(), company.Id), done.ResultFile!);
        var lines = (await File.ReadAllLinesAsync(file)).Skip(1).ToArray();
        Assert.Equal(2, lines.Length);
        Assert.Contains("Role changed", lines[0]);
        Assert.Contains("Removed from company", lines[1]);
    }

    [Fact]
    public async Task item_categories_are_filtered_by_code_range_and_parent()
    {
        var company = await app.NewTenantAsync();
        var other = await app.NewTenantAsync();
        foreach (var (tenant, code, parent) in new[]
                 {
                     (company.Id, "FC-A", ""), (company.Id, "FC-B", "FC-A"), (company.Id, "FC-C", "FC-A"), (company.Id, "FC-D", ""),
                     (other.Id, "FC-A", ""), (other.Id, "FC-B2", "FC-A"),
                 })
        {
            var created = await app.InTenantAsync(tenant, sp => sp.GetRequiredService<CreateItemCategoryHandler>()
                .HandleAsync(new CreateItemCategory { Code = code, DisplayName = "Filtered " + code, ParentCategory = parent }));
            await app.SettleAsync(tenant, created.ReadPosition);
        }

        Task<string[]> CodesAsync(Guid tenant, params (string, string)[] filters) => app.InTenantAsync(tenant, async sp =>
            (await sp.GetRequiredService<ItemCategoryQueries>().ListAsync(new ItemCategoryListQuery { Filters = Filters(filters) }))
            .Value.Select(c => c.Code).ToArray());

        Assert.Equal(["FC-B", "FC-C"], await CodesAsync(company.Id, ("parentCategory", "fc-a")));
        Assert.Equal(["FC-A", "FC-B", "FC-C"], await CodesAsync(company.Id, ("code", "FC-A..FC-C")));
        Assert.Equal(["FC-A", "FC-D"], await CodesAsync(company.Id, ("code", "FC-*"), ("parentCategory", "''")));
        Assert.Equal(["FC-B", "FC-C"], await CodesAsync(company.Id, ("displayName", "*fc-b*|*FC-C")));

        // The other company's FC-A and its child never appear under this company's filters.
        Assert.Equal(["FC-A", "FC-B", "FC-C", "FC-D"], await CodesAsync(company.Id, ("code", "FC*")));
        Assert.Equal(["FC-B2"], await CodesAsync(other.Id, ("parentCategory", "FC-A")));
    }
}

public sealed class more_lists_filter_only_their_company_rows_on_sqlite(SqliteApp app) : more_lists_filter_only_their_company_rows<SqliteApp>(app);

public sealed class more_lists_filter_only_their_company_rows_on_postgres(PostgresApp app) : more_lists_filter_only_their_company_rows<PostgresApp>(app);
