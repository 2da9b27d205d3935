using Saas.Web;

var app = SaasApplication.Build(args);
return await app.RunSaasAsync(args);

/// <summary>Entry point; exposed for WebApplicationFactory in tests.</summary>
public partial class Program;
