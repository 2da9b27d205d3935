using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Saas.Read.MasterData;
using Saas.Tests.Infrastructure;
using Saas.Web.Startup;

namespace Saas.Tests.Pipeline;

/// <summary>
/// Issue 8: on an empty broker the demo seed's events went out before the consumers' queues and bindings
/// existed, RabbitMQ dropped them as unroutable, and the read side stayed empty until a rebuild.
/// </summary>
public sealed class a_node_started_on_a_fresh_broker_projects_what_was_written_before(PostgresRabbitMqDemoApp app)
    : IClassFixture<PostgresRabbitMqDemoApp>
{
    [Fact]
    public async Task the_demo_seed_reaches_the_read_side_without_a_rebuild()
    {
        List<OutboxRow> rows;
        await using (var owner = await app.OpenOwnerConnectionAsync())
        {
            rows = (await owner.QueryAsync<OutboxRow>("SELECT tenant_id AS TenantId, message_id AS MessageId FROM outbox ORDER BY id")).ToList();
        }

        Assert.NotEmpty(rows);

        // Every event the seed wrote before the bus had started is processed by the read side (bounded wait per
        // position; a dropped message never arrives and fails here).
        foreach (var row in rows)
        {
            await app.SettleAsync(row.TenantId, row.MessageId);
        }

        foreach (var company in DemoData.Companies)
        {
            long written;
            await using (var owner = await app.OpenOwnerConnectionAsync())
            {
                written = await owner.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM items WHERE tenant_id = @T", new { T = company.Id });
            }

            var listed = await app.InTenantAsync(company.Id, sp => sp.GetRequiredService<ItemQueries>()
                .ListAsync(new ItemListQuery { Top = 1000 }));
            Assert.True(written > 0, $"The demo seeds items for {company.Name}.");
            Assert.Equal(written, listed.Count);
        }
    }

    private sealed class OutboxRow
    {
        public Guid TenantId { get; set; }
        public Guid MessageId { get; set; }
    }
}
