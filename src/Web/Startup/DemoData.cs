using System.Security.Cryptography;
using Saas.Identity;
using Saas.Tenancy.Catalog;
using Saas.Tenancy.Context;
using Saas.Write.Common;
using Saas.Write.Inventory;
using Saas.Write.Purchasing;
using Saas.Write.Sales;
using Saas.Write.Setup;
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
    TenantScopes scopes,
    IdentityAdministration identity,
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
        new("anna@contoso.example", "Anna Administrator", "Administrator of Contoso and Fabrikam",
            [("contoso", SaasRoles.Administrator), ("fabrikam", SaasRoles.Administrator)]),
        new("sam@contoso.example", "Sam Sales", "Sales in Contoso", [("contoso", SaasRoles.Sales)]),
        new("pia@contoso.example", "Pia Purchasing", "Purchasing in Contoso", [("contoso", SaasRoles.Purchasing)]),
        new("will@contoso.example", "Will Warehouse", "Warehouse in Contoso", [("contoso", SaasRoles.Warehouse)]),
        new("alex@contoso.example", "Alex Accountant", "Accountant in Contoso and read-only in Fabrikam",
            [("contoso", SaasRoles.Accountant), ("fabrikam", SaasRoles.ReadOnly)]),
        new("rita@contoso.example", "Rita Reader", "Read-only in Contoso", [("contoso", SaasRoles.ReadOnly)]),
        new("frank@fabrikam.example", "Frank Fabrikam", "Administrator of Fabrikam", [("fabrikam", SaasRoles.Administrator)]),
        new("paul@northwind.example", "Paul Partner", "Reseller administrator (Northwind Partners)", [], Reseller: true),
        new("olga@operator.example", "Olga Operator", "Operator of the service", [], Operator: true),
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
            var tenant = new TenantInfo
            {
                Id = company.Id,
                Identifier = company.Identifier,
                Name = company.Name,
                ResellerId = ResellerId,
                CurrencyCode = company.CurrencyCode,
            };
            await using (var scope = scopes.BeginScope(tenant))
            {
                await scope.Services.GetRequiredService<TenantOnboarding>().SeedAsync(cancellationToken);
                await SeedMasterDataAsync(scope.Services, cancellationToken);
            }

            await catalog.AddAsync(tenant, cancellationToken);
        }

        var password = Password();
        foreach (var person in People)
        {
            var user = await identity.CreateUserAsync(person.Email, person.DisplayName, password, cancellationToken);
            foreach (var (company, role) in person.Memberships)
            {
                await identity.AddMembershipAsync(user.Id, Companies.Single(c => c.Identifier == company).Id, role, cancellationToken);
            }

            if (person.Reseller)
            {
                await identity.AddResellerAdminAsync(user.Id, ResellerId, cancellationToken);
            }

            if (person.Operator)
            {
                await identity.MakeOperatorAsync(user.Id, cancellationToken);
            }
        }
    }

    /// <summary>The same numbers in both companies on purpose: isolation must hold with identical natural keys.</summary>
    private static async Task SeedMasterDataAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var items = services.GetRequiredService<CreateItemHandler>();
        (string Name, decimal Price, decimal Cost, ItemType Type)[] catalogue =
        [
            ("Touring bicycle", 1299.00m, 812.50m, ItemType.Inventory),
            ("City bicycle", 749.00m, 455.00m, ItemType.Inventory),
            ("Bicycle helmet", 59.90m, 24.75m, ItemType.Inventory),
            ("LED light set", 34.50m, 12.10m, ItemType.Inventory),
            ("Assembly service", 45.00m, 0m, ItemType.Service),
            ("Gift wrapping", 4.95m, 1.20m, ItemType.NonInventory),
        ];
        foreach (var (name, price, cost, type) in catalogue)
        {
            await items.HandleAsync(new CreateItem { DisplayName = name, UnitPrice = price, UnitCost = cost, Type = type }, cancellationToken);
        }

        var customers = services.GetRequiredService<CreateCustomerHandler>();
        foreach (var (name, city) in new[] { ("Adatum Corporation", "Amsterdam"), ("Trey Research", "Oslo"), ("Relecloud", "Utrecht") })
        {
            await customers.HandleAsync(
                new CreateCustomer { DisplayName = name, Address = new AddressInput { City = city }, CreditLimit = 10000m, PaymentTermsCode = "30 DAYS" },
                cancellationToken);
        }

        var vendors = services.GetRequiredService<CreateVendorHandler>();
        foreach (var name in new[] { "Fabrikam Cycles Wholesale", "Litware Parts" })
        {
            await vendors.HandleAsync(new CreateVendor { DisplayName = name, PaymentTermsCode = "14 DAYS" }, cancellationToken);
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
        PrivateFiles.EnsureDirectory(dataDirectory);
        PrivateFiles.WriteAllText(file, password);
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

public sealed record DemoPerson(
    string Email, string DisplayName, string Description, (string Company, string Role)[] Memberships, bool Reseller = false, bool Operator = false);
