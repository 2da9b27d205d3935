using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OpenIddict.Abstractions;
using OpenIddict.Core;
using OpenIddict.EntityFrameworkCore.Models;

namespace Saas.Identity.Clients;

/// <summary>
/// OpenIddict's application manager with the client-secret hash this service always used: secrets are 256
/// random bits that we generate (<see cref="OneTimeSecrets"/>), so SHA-256 makes a stolen table useless without
/// the ~0.1 s per token request of OpenIddict's PBKDF2 default, and API clients created before the switch keep
/// their secrets (the migration copied their hashes).
/// </summary>
public sealed class ClientSecretHashing(
    IOpenIddictApplicationCache<OpenIddictEntityFrameworkCoreApplication> cache,
    ILogger<OpenIddictApplicationManager<OpenIddictEntityFrameworkCoreApplication>> logger,
    IOptionsMonitor<OpenIddictCoreOptions> options,
    IOpenIddictApplicationStore<OpenIddictEntityFrameworkCoreApplication> store)
    : OpenIddictApplicationManager<OpenIddictEntityFrameworkCoreApplication>(cache, logger, options, store)
{
    protected override ValueTask<string> ObfuscateClientSecretAsync(string secret, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(OneTimeSecrets.Hash(secret));

    protected override ValueTask<bool> ValidateClientSecretAsync(string secret, string comparand, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(OneTimeSecrets.Matches(secret, comparand));
}
