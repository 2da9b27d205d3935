using MimeKit;

namespace Saas.Web.Mail;

/// <summary>Where messages go: an SMTP server (<see cref="SmtpMailSender"/>) or the demo folder (<see cref="MailFolder"/>).</summary>
public interface IMailSender
{
    Task SendAsync(MimeMessage message, CancellationToken cancellationToken);
}
