using System.Collections.Concurrent;
using MassTransit;

namespace Saas.Tests.Infrastructure;

/// <summary>Counts publishes and consumes per message id, to prove "once" and to wait for a redelivery.</summary>
public sealed class MessageLog : IPublishObserver, IConsumeObserver
{
    private readonly ConcurrentDictionary<Guid, int> published = new();
    private readonly ConcurrentDictionary<Guid, int> consumed = new();

    public int Published(Guid messageId) => published.GetValueOrDefault(messageId);

    public int Consumed(Guid messageId) => consumed.GetValueOrDefault(messageId);

    /// <summary>Waits until the consumers finished <paramref name="messageId"/> at least <paramref name="times"/> times.</summary>
    public async Task WaitConsumedAsync(Guid messageId, int times, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(20));
        while (Consumed(messageId) < times)
        {
            Assert.True(DateTime.UtcNow < deadline, $"Message {messageId} was consumed {Consumed(messageId)} time(s), expected {times}.");
            await Task.Delay(20);
        }
    }

    public Task PrePublish<T>(PublishContext<T> context) where T : class => Task.CompletedTask;

    public Task PostPublish<T>(PublishContext<T> context) where T : class
    {
        if (context.MessageId is { } id)
        {
            published.AddOrUpdate(id, 1, (_, n) => n + 1);
        }

        return Task.CompletedTask;
    }

    public Task PublishFault<T>(PublishContext<T> context, Exception exception) where T : class => Task.CompletedTask;

    public Task PreConsume<T>(ConsumeContext<T> context) where T : class => Task.CompletedTask;

    public Task PostConsume<T>(ConsumeContext<T> context) where T : class
    {
        if (context.MessageId is { } id)
        {
            consumed.AddOrUpdate(id, 1, (_, n) => n + 1);
        }

        return Task.CompletedTask;
    }

    public Task ConsumeFault<T>(ConsumeContext<T> context, Exception exception) where T : class => Task.CompletedTask;
}
