using Saas.Read.Common;
using Saas.Write.Common;

namespace Saas.Web.Components;

/// <summary>
/// Runs a card's command in-process and turns the handler's refusals into messages next to the fields.
/// On success it waits (bounded) until the read side has projected the change, so the list the user is
/// sent to already shows it: read-your-writes without the list ever reading the write model. The page after the
/// redirect confirms the save (<see cref="SavedNotice"/>).
/// </summary>
public sealed class CardCommands(ReadPositions positions, SavedNotice saved, ILogger<CardCommands> logger)
{
    private static readonly TimeSpan ReadWait = TimeSpan.FromSeconds(5);

    /// <summary>The field key of problems that belong to the whole record rather than one input.</summary>
    public const string RecordField = "record";

    /// <summary>
    /// Adds the command's own rule violations to the form's errors (used when some input did not even parse,
    /// so the user sees every problem after one Save rather than one round trip per problem).
    /// </summary>
    public static void CollectRules(Action validate, FormErrors errors)
    {
        try
        {
            validate();
        }
        catch (ValidationFailedException invalid)
        {
            errors.Add(invalid.Errors);
        }
    }

    /// <summary>
    /// The write side checks a taken number last, inside its transaction, so a card with other errors would learn of
    /// it only after fixing those. When other rules have already failed, the read side answers it now, in the write
    /// side's words, so that one Save shows every problem; the write side's check stays the authority on save.
    /// </summary>
    public static async Task FlagTakenNumberAsync(
        FormErrors errors, string field, string? number, Func<string, Task<bool>> takenByAnother, Func<string, string> message)
    {
        var code = Codes.Normalize(number);
        if (errors.Any && !errors.Has(field) && code.Length > 0 && await takenByAnother(code))
        {
            errors.Add(field, message(code));
        }
    }

    public async Task<T?> RunAsync<T>(Func<Task<CommandResult<T>>> command, FormErrors errors, CancellationToken cancellationToken = default)
        where T : class
    {
        try
        {
            var result = await command();
            if (!await positions.WaitAsync(result.ReadPosition, ReadWait, cancellationToken: cancellationToken))
            {
                // The change is saved; only the list may lag for a moment. Not an error for the user.
                logger.LogWarning("Read side did not reach position {ReadPosition} within {Timeout}", result.ReadPosition, ReadWait);
            }

            saved.Confirm();
            return result.Snapshot;
        }
        catch (ValidationFailedException invalid)
        {
            errors.Add(invalid.Errors);
        }
        catch (ConflictException conflict)
        {
            errors.Add(conflict.Field, conflict.Message);
        }
        catch (ConcurrencyException)
        {
            errors.Add(RecordField, "Someone else changed this record after you opened it. Open it again to see the current values, then repeat your change.");
        }

        return null;
    }
}
