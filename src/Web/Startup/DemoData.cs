using System.Security.Cryptography;
using Saas.Tenancy.Catalog;
using Saas.Tenancy.Storage;

namespace Saas.Web.Startup;

/// <summary>
/// First-start demo: a reseller, two companies with identical numbering (so isolation is visible), people in
/// several roles (one of them in both companies) and some master data. The demo password is generated
/// once per data directory (or taken from <c>Demo:Password</c>) and printed at start, never committed.
/// </summary>
public sealed class DemoData(
    TenantCatalog catalog,
    CatalogDbContext catalogDb,
    IConfiguration configuration,
    DatabaseOptions database,
    ILogger<DemoData> logger)
{
    public static readonly Guid ResellerId = Guid.Parse("5e110000-0000-4000-8000-000000000001");

    public static readonly IReadOnlyList<DemoCompany> Companies =
    [
        new(Guid.Parse("c0000000-0000-4000-8000-000000000001"), "contoso", "Contoso Trading", "EUR"),
        new(Guid.Parse("c0000000-0000-4000-8000-000000000002"), "fabrikam", "Fabrikam Supplies", "NOK"),
    ];

    public static readonly IReadOnlyList<DemoPerson> People =
    [
        new("anna@contoso.example", "Anna Administrator", "Administrator of Contoso and Fabrikam"),
        new("sam@contoso.example", "Sam Sales", "Sales in Contoso"),
        new("pia@contoso.example", "Pia Purchasing", "Purchasing in Contoso"),
        new("will@contoso.example", "Will Warehouse", "Warehouse in Contoso"),
        new("alex@contoso.example", "Alex Accountant", "Accountant in Contoso"),
        new("rita@contoso.example", "Rita Reader", "Read-only in Contoso"),
        new("frank@fabrikam.example", "Frank Fabrikam", "Administrator of Fabrikam"),
        new("paul@northwind.example", "Paul Partner", "Reseller administrator (Northwind Partners)"),
        new("olga@operator.example", "Olga Operator", "Operator of the service"),
    ];

    public async Task SeedIfEmptyAsync(CancellationToken cancellationToken)
    {
        if ((await catalog.ListAllAsync(cancellationToken)).Count > 0)
        {
            return;
        }

        logger.LogInformation("Empty catalog: seeding the demo reseller, companies and people");
        catalogDb.Resellers.Add(new Reseller { Id = ResellerId, Name = "Northwind Partners" });
        await catalogDb.SaveChangesAsync(cancellationToken);
        foreach (var company in Companies)
        {
            await catalog.AddAsync(new TenantInfo
            {
                Id = company.Id,
                Identifier = company.Identifier,
                Name = company.Name,
                ResellerId = ResellerId,
                CurrencyCode = company.CurrencyCode,
            }, cancellationToken);
        }
    }

    /// <summary>The demo password: configured, or generated once and kept in the data directory.</summary>
    public static string Password(IConfiguration configuration, string dataDirectory)
    {
        var configured = configuration["Demo:Password"];
        if (!string.IsNullOrEmpty(configured))
        {
            return configured;
        }

        var file = Path.Combine(dataDirectory, "demo-password.txt");
        if (File.Exists(file))
        {
            return File.ReadAllText(file).Trim();
        }

        // Meets Identity's default rules: upper, lower, digit, symbol, length.
        var password = "Demo-" + Convert.ToHexString(RandomNumberGenerator.GetBytes(4)) + "-x" + RandomNumberGenerator.GetInt32(10, 99);
        Directory.CreateDirectory(dataDirectory);
        File.WriteAllText(file, password);
        return password;
    }

    public string Password() => Password(configuration, database.DataDirectory);

    public void PrintSignIns(TextWriter output)
    {
        output.WriteLine($"  Demo sign-ins (password {Password()}):");
        foreach (var person in People)
        {
            output.WriteLine($"    {person.Email,-28} {person.Description}");
        }
    }
}

public sealed record DemoCompany(Guid Id, string Identifier, string Name, string CurrencyCode);

public sealed record DemoPerson(string Email, string DisplayName, string Description);
