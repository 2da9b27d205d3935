namespace Saas.Web.Components.Pages.Account;

/// <summary>
/// The account endpoints redirect back with a short <c>?error=</c> code; people read sentences. An unknown
/// code is shown as it came (Razor encodes it), so a new code on the Identity side is still visible.
/// </summary>
internal static class AccountMessages
{
    private static readonly Dictionary<string, string> Known = new(StringComparer.OrdinalIgnoreCase)
    {
        ["invalid"] = "The e-mail address or password is not correct.",
        ["invalid_credentials"] = "The e-mail address or password is not correct.",
        ["locked"] = "Too many failed attempts. The account is locked for a while; try again later.",
        ["lockedout"] = "Too many failed attempts. The account is locked for a while; try again later.",
        ["no_tenant"] = "Your account does not belong to any active company yet.",
        ["suspended"] = "This company is suspended. Contact your reseller to reactivate it.",
        ["forbidden"] = "You are not a member of that company.",
        ["expired"] = "This invitation has expired. Ask your administrator for a new one.",
        ["invalid_token"] = "This invitation link is not valid or has already been used.",
        ["used"] = "This invitation has already been accepted. Sign in instead.",
        ["password"] = "The password does not meet the rules: at least 8 characters with upper and lower case letters, a digit and a symbol.",
    };

    public static string? Describe(string? error) =>
        string.IsNullOrWhiteSpace(error) ? null : Known.GetValueOrDefault(error.Trim(), error.Trim());
}
