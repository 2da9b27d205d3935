using MimeKit;
using Saas.Tenancy.Storage;

namespace Saas.Web.Mail;

/// <summary>A message as the demo page lists it.</summary>
public sealed record StoredMail(string Id, DateTimeOffset Date, string To, string Subject, string Text);

/// <summary>
/// The embedded default: each message becomes an .eml file under <c>{DataDirectory}/mail</c> (openable in any mail
/// program) and is listed on /demo/mail, so the demo's invitations and password resets work without a mail server.
/// </summary>
public sealed class MailFolder(DatabaseOptions database, ILogger<MailFolder> logger) : IMailSender
{
    public string Directory { get; } = Path.Combine(database.DataDirectory, "mail");

    public async Task SendAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        System.IO.Directory.CreateDirectory(Directory);
        var name = $"{DateTime.UtcNow:yyyyMMdd-HHmmss-fff}-{Guid.NewGuid():N}.eml";
        var path = Path.Combine(Directory, name);
        await message.WriteToAsync(path, cancellationToken);
        logger.LogInformation("Mail {Subject} written to {Path} (no SMTP server configured)", message.Subject, path);
    }

    /// <summary>The newest messages first.</summary>
    public async Task<IReadOnlyList<StoredMail>> ListAsync(int top, CancellationToken cancellationToken)
    {
        if (!System.IO.Directory.Exists(Directory))
        {
            return [];
        }

        var mails = new List<StoredMail>();
        foreach (var file in new DirectoryInfo(Directory).GetFiles("*.eml").OrderByDescending(f => f.Name, StringComparer.Ordinal).Take(top))
        {
            var message = await MimeMessage.LoadAsync(file.FullName, cancellationToken);
            mails.Add(new StoredMail(Path.GetFileNameWithoutExtension(file.Name), message.Date, message.To.ToString(), message.Subject ?? "", message.TextBody ?? ""));
        }

        return mails;
    }
}
