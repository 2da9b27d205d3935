namespace Saas.Web.Components.Pages.Account;

/// <summary>
/// The account endpoints redirect back with a short <c>?error=</c> code (see AuthSetup); people read
/// sentences. Only these sentences are ever shown: a query string is anyone's to write (a link in a phishing
/// mail could make the page say "call this number"), so an unknown code shows nothing.
/// </summary>
internal static class AccountMessages
{
    private static readonly Dictionary<string, string> Known = new(StringComparer.OrdinalIgnoreCase)
    {
        ["invalid_credentials"] = "The e-mail address or password is not correct.",
        ["throttled"] = "Too many failed attempts. Wait a few minutes, then try again.",
        ["no_tenant"] = "Your account does not belong to any company yet. Ask your administrator for an invitation.",
        ["tenant_suspended"] = "Your company is suspended. Contact your reseller to reactivate it.",
        ["not_member"] = "You are not a member of that company.",
        ["locked_out"] = "Too many wrong codes. Your account is locked for a while; try again later.",
        ["token"] = "This invitation link is not valid, has expired or has already been used. Ask your administrator for a new one.",
        ["passkey_failed"] = "That passkey did not sign you in. Try again, or sign in with your e-mail address and password.",
        ["password"] = "The password does not meet the rules: at least 10 characters, of at least 4 different characters.",
        ["existing_password"] = "This account already has a password: enter it to accept the invitation, or sign in first and open the link again.",
        ["displayName"] = "Enter your name (at most 100 characters).",
    };

    public static string? Describe(string? error) =>
        string.IsNullOrWhiteSpace(error) ? null : Known.GetValueOrDefault(error.Trim());
}
