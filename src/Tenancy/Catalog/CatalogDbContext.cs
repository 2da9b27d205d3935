using Microsoft.EntityFrameworkCore;
using Saas.Tenancy.Storage;

namespace Saas.Tenancy.Catalog;

/// <summary>The service-wide catalog: tenants, resellers (identity lives beside it in its own context).</summary>
public sealed class CatalogDbContext(DbContextOptions<CatalogDbContext> options) : DbContext(options)
{
    public const string HistoryTable = "__catalog_migrations";

    public DbSet<TenantInfo> Tenants => Set<TenantInfo>();
    public DbSet<Reseller> Resellers => Set<Reseller>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<TenantInfo>(tenant =>
        {
            tenant.ToTable("Tenants");
            tenant.HasKey(t => t.Id);
            tenant.HasIndex(t => t.Identifier).IsUnique();
            tenant.HasIndex(t => t.ResellerId);
            tenant.Property(t => t.Identifier).HasMaxLength(63);
            tenant.Property(t => t.Name).HasMaxLength(100);
            tenant.Property(t => t.Plan).HasMaxLength(30);
            tenant.Property(t => t.CurrencyCode).HasMaxLength(3);
            tenant.Property(t => t.Status).HasConversion<string>().HasMaxLength(20);
            tenant.Property(t => t.Isolation).HasConversion<string>().HasMaxLength(20);
            tenant.Property(t => t.RequireTwoFactor).HasDefaultValue(false); // existing companies: off
            tenant.HasOne<Reseller>().WithMany().HasForeignKey(t => t.ResellerId).OnDelete(DeleteBehavior.Restrict);
        });

        modelBuilder.Entity<Reseller>(reseller =>
        {
            reseller.ToTable("Resellers");
            reseller.HasKey(r => r.Id);
            reseller.Property(r => r.Name).HasMaxLength(100);
        });

        modelBuilder.ApplySnakeCaseNames();
    }
}
