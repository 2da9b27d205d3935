using Microsoft.EntityFrameworkCore;

namespace Saas.Write.Workspace;

/// <summary>What a person keeps while working: saved views of lists and the long jobs they started.</summary>
internal static class WorkspaceModel
{
    public static void Configure(ModelBuilder model)
    {
        model.Entity<SavedView>(e =>
        {
            e.ToTable("SavedViews");
            e.HasKey(x => new { x.TenantId, x.Id });

            // A person's views of one list, by name: the list's menu reads them so, and a name is kept once.
            e.HasIndex(x => new { x.TenantId, x.UserId, x.List, x.Name }).IsUnique();
            e.Property(x => x.List).HasMaxLength(SavedView.ListLength);
            e.Property(x => x.Name).HasMaxLength(SavedView.NameLength);
            e.Property(x => x.Query).HasMaxLength(SavedView.QueryLength);
        });

        model.Entity<BackgroundJob>(e =>
        {
            e.ToTable("BackgroundJobs");
            e.HasKey(x => new { x.TenantId, x.Id });
            e.HasIndex(x => new { x.TenantId, x.UserId, x.StartedUtc });
            e.Property(x => x.Kind).HasMaxLength(BackgroundJob.KindLength);
            e.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
            e.Property(x => x.Message).HasMaxLength(BackgroundJob.MessageLength);
            e.Property(x => x.ResultFile).HasMaxLength(200);
        });
    }
}
