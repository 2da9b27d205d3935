using Dapper;
using Microsoft.Extensions.DependencyInjection;
using RabbitMQ.Client;
using Saas.Contracts.MasterData;
using Saas.Read.MasterData;
using Saas.Tests.Infrastructure;
using Saas.Write.Inventory;

namespace Saas.Tests.Pipeline;

/// <summary>
/// Issue 8, the part the start-up wait cannot see: the broker has no route for an event (its consumer lives in
/// another process that has not started yet, or the broker lost its bindings). RabbitMQ would drop it; published
/// as mandatory it comes back, and the row stays in the outbox until a route exists.
/// </summary>
public sealed class an_event_no_queue_is_bound_for_stays_in_the_outbox(PostgresRabbitMqManualDispatchApp app)
    : IClassFixture<PostgresRabbitMqManualDispatchApp>
{
    [Fact]
    public async Task the_broker_returns_it_and_it_goes_out_once_the_route_exists()
    {
        var tenant = await app.NewTenantAsync();
        var created = await app.InTenantAsync(tenant.Id, sp => sp.GetRequiredService<CreateItemHandler>()
            .HandleAsync(new CreateItem { DisplayName = "Unroutable lamp" }));

        // MassTransit's topology: the message type's exchange is bound to the consumer endpoint's exchange.
        var typeExchange = $"{app.BusPrefix}{typeof(ItemChanged).Namespace}:{nameof(ItemChanged)}";
        var endpointExchange = app.BusPrefix + MasterDataProjectionConsumer.Name;
        var factory = new ConnectionFactory { Uri = new Uri(RabbitMqServer.Uri) };
        await using var connection = await factory.CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync();
        await channel.ExchangeUnbindAsync(destination: endpointExchange, source: typeExchange, routingKey: "");
        try
        {
            await app.DispatchAllAsync();
            await using var owner = await app.OpenOwnerConnectionAsync();
            var row = await owner.QuerySingleAsync<OutboxState>(
                "SELECT attempts AS Attempts, published_utc AS PublishedUtc, last_error AS LastError FROM outbox WHERE message_id = @M",
                new { M = created.ReadPosition });
            Assert.Null(row.PublishedUtc);
            Assert.Equal(1, row.Attempts);
            Assert.Contains("MessageReturnedException", row.LastError);
        }
        finally
        {
            await channel.ExchangeBindAsync(destination: endpointExchange, source: typeExchange, routingKey: "");
        }

        // The route is back: the retry (due after its backoff, brought forward here as an operator's replay would)
        // delivers it.
        await using (var owner = await app.OpenOwnerConnectionAsync())
        {
            await owner.ExecuteAsync("UPDATE outbox SET next_attempt_utc = @Now WHERE message_id = @M", new { Now = DateTime.UtcNow, M = created.ReadPosition });
        }

        await app.SettleAsync(tenant.Id, created.ReadPosition);
    }

    private sealed class OutboxState
    {
        public int Attempts { get; set; }
        public DateTime? PublishedUtc { get; set; }
        public string? LastError { get; set; }
    }
}
