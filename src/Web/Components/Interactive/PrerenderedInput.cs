using Microsoft.JSInterop;

namespace Saas.Web.Components.Interactive;

/// <summary>What was typed into an island's prerendered inputs before it became interactive (forms.js keeps it).</summary>
public sealed record PrerenderedInput(Dictionary<string, string> Values, string? Focused)
{
    /// <summary>
    /// Asks once, on the island's first interactive render: Blazor has just replaced the prerendered inputs, so the
    /// component takes over what the person typed into them (and the focus) instead of losing it.
    /// </summary>
    public static async Task<PrerenderedInput> ResumeAsync(IJSRuntime scripts, IEnumerable<string> names) =>
        // The names go as one argument (an array): passed as the params array itself, each would be an argument.
        await scripts.InvokeAsync<PrerenderedInput?>("saasIslands.resume", [names.ToArray()]) ?? new([], null);

    /// <summary>Gives the focus back once the component has rendered what was typed.</summary>
    public static ValueTask FocusAsync(IJSRuntime scripts, string name) => scripts.InvokeVoidAsync("saasIslands.focus", name);
}
