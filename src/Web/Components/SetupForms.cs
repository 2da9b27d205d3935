using Saas.Write.Common;

namespace Saas.Web.Components;

/// <summary>
/// The finance setup pages run their commands in-process, like the cards; setup is the write model's own data
/// (no projection), so there is no read position to wait for. Refusals become messages next to the fields.
/// </summary>
public static class SetupForms
{
    public static async Task<bool> RunAsync(Func<Task> command, FormErrors errors)
    {
        try
        {
            await command();
            return true;
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
            errors.Add(CardCommands.RecordField, "Someone else changed this record after you opened it. Open it again to see the current values, then repeat your change.");
        }
        catch (NotFoundException missing)
        {
            errors.Add(CardCommands.RecordField, missing.Message);
        }

        return false;
    }

    /// <summary>One page of a small setup table, searched on its codes (the tables are read whole: tens to hundreds of rows).</summary>
    public static (List<T> Rows, int Total) Page<T>(IEnumerable<T> rows, ListState state, Func<T, string[]> searchable)
    {
        var matching = rows.Where(r => state.Search is null || searchable(r).Any(t => t.Contains(state.Search, StringComparison.OrdinalIgnoreCase))).ToList();
        return (matching.Skip(state.Skip).Take(state.Top).ToList(), matching.Count);
    }

    public static string Show(string code) => code.Length == 0 ? "(blank)" : code;
}
