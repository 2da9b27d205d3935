using System.Security.Claims;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Saas.Identity.Tokens;

/// <summary>Signs access tokens (JWT, RS256) with <see cref="SigningKeys"/>; no hand-made crypto.</summary>
public sealed class TokenIssuer(SigningKeys keys, IdentitySettings settings, TimeProvider clock)
{
    private readonly JsonWebTokenHandler handler = new() { SetDefaultTimesOnTokenCreation = false };

    public int AccessTokenSeconds => (int)settings.AccessTokenLifetime.TotalSeconds;

    public string CreateAccessToken(IEnumerable<Claim> claims, string issuer)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var subject = new ClaimsIdentity(claims);
        subject.AddClaim(new Claim(JwtRegisteredClaimNames.Jti, Guid.NewGuid().ToString("N")));
        return handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = IdentitySettings.Audience,
            Subject = subject,
            IssuedAt = now,
            NotBefore = now,
            Expires = now + settings.AccessTokenLifetime,
            SigningCredentials = keys.Credentials,

            // RFC 9068: marks it as an access token so it cannot be confused with an ID token.
            TokenType = "at+jwt",
        });
    }
}
