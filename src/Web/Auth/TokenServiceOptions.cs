using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Server;
using OpenIddict.Validation;
using Saas.Identity.Tokens;

namespace Saas.Web.Auth;

/// <summary>
/// Gives OpenIddict the issuer and the keys of the <see cref="TokenKeyRing"/> (shared by every node through the
/// database), and rebuilds its options whenever the ring changes, so a rotated key signs the next token and
/// the previous keys keep validating until they retire.
/// </summary>
public sealed class TokenServiceOptions : IConfigureOptions<OpenIddictServerOptions>, IConfigureOptions<OpenIddictValidationOptions>
{
    private readonly TokenKeyRing ring;
    private readonly IssuerAddress issuer;

    public TokenServiceOptions(TokenKeyRing ring, IssuerAddress issuer, IOptionsMonitorCache<OpenIddictServerOptions> serverOptions, IOptionsMonitorCache<OpenIddictValidationOptions> validationOptions)
    {
        this.ring = ring;
        this.issuer = issuer;
        ring.Changed += () =>
        {
            serverOptions.TryRemove(Options.DefaultName);
            validationOptions.TryRemove(Options.DefaultName);
        };
    }

    public void Configure(OpenIddictServerOptions options)
    {
        options.Issuer = issuer.Value;
        var keys = ring.Current;

        // The first key of each list is the active one: OpenIddict signs and encrypts with the first it is given.
        foreach (var key in keys.Signing)
        {
            options.SigningCredentials.Add(new SigningCredentials(key, SecurityAlgorithms.RsaSha256));
        }

        foreach (var key in keys.Encryption)
        {
            options.EncryptionCredentials.Add(new EncryptingCredentials(key, SecurityAlgorithms.RsaOAEP, SecurityAlgorithms.Aes256CbcHmacSha512));
        }

        // A token whose kid names no published key is refused, instead of being tried against every key.
        options.TokenValidationParameters.TryAllIssuerSigningKeys = false;
    }

    public void Configure(OpenIddictValidationOptions options) =>
        options.TokenValidationParameters.TryAllIssuerSigningKeys = false;
}
