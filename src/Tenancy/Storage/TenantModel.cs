using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;

namespace Saas.Tenancy.Storage;

/// <summary>A DbContext whose tenant-owned sets are filtered by the tenant in scope.</summary>
public interface ITenantDbContext
{
    /// <summary>The tenant in scope; throws <see cref="Context.TenantRequiredException"/> when there is none.</summary>
    Guid CurrentTenantId { get; }
}

public static class TenantModel
{
    /// <summary>
    /// Adds <c>row.TenantId == context.CurrentTenantId</c> to every tenant-owned entity. The filter reads the
    /// property of the context instance, so EF parameterises it per query: one cached model serves every tenant.
    /// </summary>
    public static void ApplyTenantQueryFilters(this ModelBuilder modelBuilder, ITenantDbContext context)
    {
        var contextType = context.GetType();
        var current = Expression.Property(
            Expression.Constant(context, contextType),
            contextType.GetProperty(nameof(ITenantDbContext.CurrentTenantId))!);

        foreach (var entity in modelBuilder.Model.GetEntityTypes())
        {
            if (!typeof(ITenantOwned).IsAssignableFrom(entity.ClrType) || entity.BaseType is not null)
            {
                continue;
            }

            var row = Expression.Parameter(entity.ClrType, "row");
            var filter = Expression.Lambda(
                Expression.Equal(Expression.Property(row, nameof(ITenantOwned.TenantId)), current),
                row);
            modelBuilder.Entity(entity.ClrType).HasQueryFilter(filter);
        }
    }
}
