namespace Saas.Web.Mail;

public static class MailSetup
{
    public static WebApplicationBuilder AddSaasMail(this WebApplicationBuilder builder)
    {
        var settings = new MailSettings();
        builder.Configuration.GetSection(MailSettings.Section).Bind(settings);
        builder.Services.AddSingleton(settings);
        builder.Services.AddSingleton<MailFolder>();
        if (settings.UsesSmtp)
        {
            builder.Services.AddSingleton<IMailSender, SmtpMailSender>();
        }
        else
        {
            builder.Services.AddSingleton<IMailSender>(sp => sp.GetRequiredService<MailFolder>());
        }

        builder.Services.AddScoped<AccountMail>();
        return builder;
    }
}
