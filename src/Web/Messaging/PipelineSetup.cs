using Saas.Tenancy.Storage;

namespace Saas.Web.Messaging;

/// <summary>Write side, outbox dispatcher, bus and read side wiring (filled in by the pipeline work).</summary>
public static class PipelineSetup
{
    public static WebApplicationBuilder AddSaasPipeline(this WebApplicationBuilder builder, DatabaseOptions database)
    {
        _ = database;
        return builder;
    }
}
