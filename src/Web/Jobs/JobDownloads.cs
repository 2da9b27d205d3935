using System.Security.Claims;
using Saas.Identity;
using Saas.Tenancy.Context;
using Saas.Tenancy.Storage;
using Saas.Write;
using Saas.Write.Workspace;

namespace Saas.Web.Jobs;

/// <summary>The file a finished export job produced, for the person who started it, in the company they started it in.</summary>
internal static class JobDownloads
{
    public static WebApplicationBuilder AddSaasJobs(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<LongJobs>();
        return builder;
    }

    public static WebApplication MapJobDownloads(this WebApplication app)
    {
        app.MapGet("/jobs/{jobId:guid}/download", DownloadAsync).RequireAuthorization(SaasPolicies.TenantMember).ExcludeFromDescription();
        return app;
    }

    private static async Task<IResult> DownloadAsync(
        Guid jobId, HttpContext http, TenantContext tenants, WriteDbContext db, BackgroundJobs jobs, DatabaseOptions database)
    {
        if (!Guid.TryParse(http.User.FindFirstValue(SaasClaims.Subject), out var userId))
        {
            return Results.NotFound();
        }

        var job = await jobs.FindAsync(db, userId, jobId, http.RequestAborted);
        if (job is not { Status: BackgroundJobStatus.Succeeded, ResultFile: { } file })
        {
            return Results.NotFound();
        }

        // The stored name is ours (audit-{guid}.csv); Path.GetFileName keeps even a tampered row inside the company's folder.
        var path = Path.Combine(LongJobs.ExportFolder(database, tenants.TenantId), Path.GetFileName(file));
        return File.Exists(path)
            ? Results.File(path, "text/csv; charset=utf-8", $"audit-{tenants.Current?.Identifier}-{job.StartedUtc:yyyyMMdd}.csv")
            : Results.NotFound();
    }
}
