using Microsoft.Extensions.DependencyInjection;
using Saas.Read.MasterData;
using Saas.Tenancy.Context;
using Saas.Tests.Hosting;
using Saas.Tests.Infrastructure;
using Saas.Web.Resellers;
using Saas.Web.Startup;

namespace Saas.Tests.Bugs;

/// <summary>
/// Onboarding seeds a company's data (its MAIN location) before the catalog entry exists. The dispatcher used
/// to publish that event at once; the consumer, finding no such tenant, sent it to the error queue and the new
/// company's location list stayed empty. Such rows are now held back until the company exists.
/// </summary>
public sealed class Bug_onboarding_seed_events_reach_the_read_side(SaasFactory factory) : IClassFixture<SaasFactory>
{
    [Fact]
    public async Task the_seeded_location_appears_in_the_new_companys_list()
    {
        OnboardedTenant onboarded;
        using (var scope = factory.Services.CreateScope())
        {
            var handler = scope.ServiceProvider.GetRequiredService<OnboardTenantHandler>();
            var identifier = "race-" + Guid.NewGuid().ToString("N")[..8];
            onboarded = await handler.Handle(
                new OnboardTenant("Race Ltd", identifier, "EUR", $"admin@{identifier}.example", null), DemoData.ResellerId, CancellationToken.None);
        }

        // Held-back rows go out once the company exists: wait until every one of them is projected, by position.
        await ReadSide.CaughtUpAsync(factory.Services, onboarded.Tenant.Id);
        IReadOnlyList<string> codes;
        await using (var scope = await factory.Services.GetRequiredService<TenantScopes>().BeginScope(onboarded.Tenant.Id))
        {
            var page = await scope.Services.GetRequiredService<LocationQueries>().ListAsync(new LocationListQuery());
            codes = page.Value.Select(l => l.Code).ToList();
        }

        // Onboarding seeds the main warehouse and the in-transit location for transfer orders.
        Assert.Equal(["IN-TRANSIT", "MAIN"], codes);
    }
}
