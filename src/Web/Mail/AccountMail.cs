using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using MimeKit;

namespace Saas.Web.Mail;

/// <summary>
/// The messages about people's accounts: invitation, password reset, lockout. A failure to deliver is logged and
/// reported to the caller as false, never thrown: the invitation or reset is stored and can be sent again.
/// </summary>
public sealed class AccountMail(IMailSender sender, MailSettings settings, IServer server, ILogger<AccountMail> logger)
{
    public Task<bool> SendInvitationAsync(string to, string companyName, string role, string path, DateTime expiresUtc, CancellationToken cancellationToken) =>
        SendAsync(to, $"You are invited to {companyName}",
            $"""
            Hello,

            you are invited to join {companyName} as {role}.

            Open this link to accept (it works once, until {expiresUtc:yyyy-MM-dd HH:mm} UTC):
            {Link(path)}

            If you did not expect this invitation, ignore this message: nothing changes until you accept.
            """, cancellationToken);

    public Task<bool> SendPasswordResetAsync(string to, string path, TimeSpan lifetime, CancellationToken cancellationToken) =>
        SendAsync(to, "Reset your password",
            $"""
            Hello,

            someone asked to reset the password of this account. To choose a new password, open this link
            (it works once, for {lifetime.TotalMinutes:0} minutes):
            {Link(path)}

            If it was not you, ignore this message: your password stays as it is.
            """, cancellationToken);

    public Task<bool> SendLockedOutAsync(string to, DateTimeOffset until, CancellationToken cancellationToken) =>
        SendAsync(to, "Your account was locked after failed sign-ins",
            $"""
            Hello,

            there were several failed attempts to sign in to your account, so it is locked until {until:yyyy-MM-dd HH:mm} UTC.

            If it was you, wait and try again, or reset your password. If it was not you, reset your password:
            {Link("/account/forgot-password")}
            """, cancellationToken);

    /// <summary>An absolute link from the configured base, or the address the server listens on (never the Host header).</summary>
    public string Link(string path)
    {
        var configured = settings.LinkBaseUrl?.TrimEnd('/');
        var listening = server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault();
        var root = configured is { Length: > 0 }
            ? configured
            : listening?.Replace("://0.0.0.0", "://localhost").Replace("://[::]", "://localhost").Replace("://+", "://localhost").TrimEnd('/')
              ?? "http://localhost";
        return root + path;
    }

    private async Task<bool> SendAsync(string to, string subject, string text, CancellationToken cancellationToken)
    {
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(settings.From));
        message.To.Add(MailboxAddress.Parse(to));
        message.Subject = subject;
        message.Date = DateTimeOffset.UtcNow;
        message.Body = new TextPart("plain") { Text = text };
        try
        {
            await sender.SendAsync(message, cancellationToken);
            return true;
        }
        catch (Exception failure) when (failure is not OperationCanceledException)
        {
            logger.LogError(failure, "Could not send {Subject} to a person ({Recipient})", subject, to);
            return false;
        }
    }
}
