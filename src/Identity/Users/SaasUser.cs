using Microsoft.AspNetCore.Identity;

namespace Saas.Identity.Users;

/// <summary>A person who signs in. The user name is always the e-mail address.</summary>
public sealed class SaasUser : IdentityUser<Guid>
{
    public string DisplayName { get; set; } = "";

    /// <summary>The hosting operator: sees every tenant through the explicit operator bypass only.</summary>
    public bool IsOperator { get; set; }

    public DateTime CreatedUtc { get; set; } = DateTime.UtcNow;
}
