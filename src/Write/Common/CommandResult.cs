namespace Saas.Write.Common;

/// <summary>
/// What a command returns: the entity as saved (its integration-event snapshot, which carries every field
/// and the new version) and the read position — the outbox message id — that a caller can wait for
/// (<c>ReadPositions.WaitAsync</c>) before it queries the read side, to read its own write.
/// </summary>
public sealed record CommandResult<TSnapshot>(TSnapshot Snapshot, Guid ReadPosition);
