namespace Saas.Web.Mail;

/// <summary>
/// The <c>Mail</c> section. With <c>Mail:Smtp:Host</c> set, mail goes to that server through MailKit; without it
/// (the embedded default) every message is written as an .eml file under the data directory and shown at /demo/mail.
/// </summary>
public sealed class MailSettings
{
    public const string Section = "Mail";

    /// <summary>Sender address, e.g. <c>Trade &lt;no-reply@trade.example&gt;</c>.</summary>
    public string From { get; set; } = "Trade <no-reply@trade.invalid>";

    /// <summary>
    /// Start of the links in messages (invitations, password resets), e.g. <c>https://trade.example</c>. Never taken
    /// from the request's Host header, which a client controls (a reset link pointing at an attacker's host).
    /// When unset, the address the server listens on is used.
    /// </summary>
    public string? LinkBaseUrl { get; set; }

    public SmtpSettings Smtp { get; set; } = new();

    public bool UsesSmtp => !string.IsNullOrWhiteSpace(Smtp.Host);
}

public sealed class SmtpSettings
{
    public string? Host { get; set; }
    public int Port { get; set; } = 587;
    public string? User { get; set; }
    public string? Password { get; set; }

    /// <summary>Upgrade the connection with STARTTLS (refusing servers that do not offer it); off only for a local relay.</summary>
    public bool StartTls { get; set; } = true;
}
