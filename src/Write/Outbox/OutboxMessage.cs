using System.Collections.Frozen;
using System.Text.Json;
using Saas.Contracts;
using Saas.Tenancy.Storage;

namespace Saas.Write.Outbox;

/// <summary>
/// An integration event waiting to be published, written in the same transaction as the change it
/// describes: either both commit or neither. The dispatcher publishes it later, at least once.
/// </summary>
/// <remarks>
/// Tenant-owned (row-level security lets the application role insert only its own tenant's rows), but keyed
/// by the identity <see cref="Id"/> alone: it is a queue with no references to it, and SQLite can only
/// auto-increment a single-column key.
/// </remarks>
public sealed class OutboxMessage : ITenantOwned
{
    public const int TypeLength = 200;
    public const int ErrorLength = 2000;

    public long Id { get; set; }

    /// <summary>The bus message id and the read position a command returns.</summary>
    public Guid MessageId { get; set; }

    public Guid TenantId { get; set; }

    /// <summary>Full name of the contract type, resolved by <see cref="OutboxMessageTypes"/>.</summary>
    public string Type { get; set; } = "";

    public string Body { get; set; } = "";
    public DateTime OccurredUtc { get; set; }
    public int Attempts { get; set; }

    /// <summary>Not due before this; while the row is claimed, the end of the claim's lease.</summary>
    public DateTime NextAttemptUtc { get; set; }

    public DateTime? PublishedUtc { get; set; }
    public string? LastError { get; set; }

    /// <summary>Gave up after too many failures; waits for an operator's replay.</summary>
    public bool Parked { get; set; }

    // Last: a column added by a later migration comes last in the table, and the schema test compares positions.

    /// <summary>
    /// The dispatcher claim that holds the row while it is published outside any transaction; null when unclaimed.
    /// Only that claim may mark the row; a claim whose lease ran out (<see cref="NextAttemptUtc"/>) is taken over.
    /// </summary>
    public Guid? ClaimId { get; set; }

    public static OutboxMessage For(ITenantEvent message, DateTime nowUtc) => new()
    {
        MessageId = Guid.CreateVersion7(nowUtc),
        TenantId = message.TenantId,
        Type = OutboxMessageTypes.NameOf(message.GetType()),
        Body = JsonSerializer.Serialize(message, message.GetType(), OutboxMessageTypes.Json),
        OccurredUtc = nowUtc,
        NextAttemptUtc = nowUtc,
    };
}

/// <summary>The contract types the outbox can carry: every <see cref="ITenantEvent"/> in Saas.Contracts.</summary>
public static class OutboxMessageTypes
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.General);

    private static readonly FrozenDictionary<string, Type> ByName = typeof(ITenantEvent).Assembly.GetTypes()
        .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(ITenantEvent).IsAssignableFrom(t))
        .ToFrozenDictionary(t => t.FullName!, StringComparer.Ordinal);

    public static string NameOf(Type type) =>
        ByName.ContainsKey(type.FullName ?? "")
            ? type.FullName!
            : throw new InvalidOperationException($"{type} is not an integration event of Saas.Contracts.");

    public static Type? Find(string name) => ByName.GetValueOrDefault(name);
}
