using System.Text.Json;
using Microsoft.Playwright;

namespace Saas.UiTests;

/// <summary>
/// axe-core (MPL-2.0, installed from npm by infra/test-tools.sh, copied next to the tests by the project file) in the
/// page under test. It is added as an init script, which the browser runs outside the page's content security policy,
/// so the pages are checked exactly as they are served; the application itself never serves it.
/// </summary>
public static class Axe
{
    private static readonly Lazy<string> Source = new(() =>
    {
        var path = Path.Combine(AppContext.BaseDirectory, "axe", "axe.min.js");
        return File.Exists(path)
            ? File.ReadAllText(path)
            : throw new FileNotFoundException("axe-core is missing: run infra/test-tools.sh (test.sh does), then build again.", path);
    });

    /// <summary>Makes axe available on every page the context opens from now on.</summary>
    public static Task InstallAsync(IBrowserContext context) => context.AddInitScriptAsync(Source.Value);

    /// <summary>The page's serious and critical violations, one line each: rule, help and the first elements.</summary>
    public static async Task<IReadOnlyList<string>> SeriousViolationsAsync(IPage page)
    {
        var violations = await page.EvaluateAsync<JsonElement>("""
            async () => {
                // Let the page's own resize handling (js/scroll-regions.js) run after a viewport change first.
                await new Promise(done => requestAnimationFrame(() => setTimeout(done, 50)));
                const result = await axe.run(document, { resultTypes: ['violations'] });
                return result.violations
                    .filter(v => v.impact === 'serious' || v.impact === 'critical')
                    .map(v => `${v.impact} ${v.id}: ${v.help} @ ${v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(' | ')}`);
            }
            """);
        return violations.EnumerateArray().Select(v => v.GetString()!).ToList();
    }
}
