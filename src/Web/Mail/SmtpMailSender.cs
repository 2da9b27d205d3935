using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;

namespace Saas.Web.Mail;

/// <summary>Sends through the configured SMTP server, one connection per message (account mail is rare).</summary>
public sealed class SmtpMailSender(MailSettings settings, ILogger<SmtpMailSender> logger) : IMailSender
{
    public async Task SendAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        var smtp = settings.Smtp;
        using var client = new SmtpClient();
        await client.ConnectAsync(smtp.Host ?? "", smtp.Port, smtp.StartTls ? SecureSocketOptions.StartTls : SecureSocketOptions.None, cancellationToken);
        if (!string.IsNullOrEmpty(smtp.User))
        {
            await client.AuthenticateAsync(smtp.User, smtp.Password ?? "", cancellationToken);
        }

        await client.SendAsync(message, cancellationToken);
        await client.DisconnectAsync(quit: true, cancellationToken);
        logger.LogInformation("Mail {Subject} sent through {Host}", message.Subject, smtp.Host);
    }
}
