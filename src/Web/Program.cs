using Saas.Web;

var app = SaasApplication.Build(args);
await app.RunSaasAsync(args);

/// <summary>Entry point; exposed for WebApplicationFactory in tests.</summary>
public partial class Program;
