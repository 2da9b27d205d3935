using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using MimeKit;

namespace Saas.Tests.People;

/// <summary>
/// A real SMTP server on a free loopback port: Debian's aiosmtpd with a handler that writes each message it receives
/// to a folder, so tests read exactly what arrived over the wire (infra/install.sh installs python3-aiosmtpd).
/// </summary>
public sealed class SmtpSink : IAsyncDisposable
{
    private const string Script = """
        import os, sys, uuid
        from aiosmtpd.controller import Controller

        folder, port = sys.argv[1], int(sys.argv[2])

        class Drop:
            async def handle_DATA(self, server, session, envelope):
                name = os.path.join(folder, uuid.uuid4().hex)
                with open(name + ".tmp", "wb") as f:
                    f.write(envelope.original_content or envelope.content)
                os.rename(name + ".tmp", name + ".eml")
                return "250 OK"

        controller = Controller(Drop(), hostname="127.0.0.1", port=port)
        controller.start()
        print("ready", flush=True)
        sys.stdin.read()
        controller.stop()
        """;

    private readonly Process process;

    private SmtpSink(Process process, string folder, int port)
    {
        this.process = process;
        Folder = folder;
        Port = port;
    }

    public string Folder { get; }

    public int Port { get; }

    public static async Task<SmtpSink> StartAsync()
    {
        var folder = Directory.CreateTempSubdirectory("saas-smtp-").FullName;
        var port = FreePort();
        var python = File.Exists("/usr/bin/python3") ? "/usr/bin/python3" : "python3";
        var start = new ProcessStartInfo(python) { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { "-c", Script, folder, port.ToString() })
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start)!;
        var ready = await process.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(30));
        if (ready != "ready")
        {
            var error = await process.StandardError.ReadToEndAsync();
            throw new InvalidOperationException($"The SMTP sink did not start (is python3-aiosmtpd installed?): {error}");
        }

        return new SmtpSink(process, folder, port);
    }

    /// <summary>Settings that send the app's mail here (plain SMTP on loopback: no STARTTLS).</summary>
    public Dictionary<string, string?> Settings => new()
    {
        ["Mail:Smtp:Host"] = "127.0.0.1",
        ["Mail:Smtp:Port"] = Port.ToString(),
        ["Mail:Smtp:StartTls"] = "false",
        ["Mail:From"] = "Trade <no-reply@trade.test>",
    };

    /// <summary>The message that arrived for the address, waiting (bounded) for it: delivery is over a socket.</summary>
    public async Task<MimeMessage> WaitForAsync(string to, Func<MimeMessage, bool>? match = null)
    {
        for (var attempt = 0; attempt < 200; attempt++)
        {
            foreach (var file in Directory.GetFiles(Folder, "*.eml").OrderBy(File.GetLastWriteTimeUtc))
            {
                var message = await MimeMessage.LoadAsync(file);
                if (message.To.Mailboxes.Any(m => string.Equals(m.Address, to, StringComparison.OrdinalIgnoreCase)) && (match?.Invoke(message) ?? true))
                {
                    return message;
                }
            }

            await Task.Delay(50);
        }

        throw new TimeoutException($"No message for {to} arrived at the SMTP sink in {Folder}.");
    }

    public IReadOnlyList<MimeMessage> MessagesTo(string to) =>
        Directory.GetFiles(Folder, "*.eml").Select(f => MimeMessage.Load(f))
            .Where(m => m.To.Mailboxes.Any(x => string.Equals(x.Address, to, StringComparison.OrdinalIgnoreCase)))
            .ToList();

    /// <summary>The first link in the message's text that leads to <paramref name="path"/>, as a local path with its query.</summary>
    public static string LinkTo(MimeMessage message, string path)
    {
        var text = message.TextBody ?? "";
        var start = text.IndexOf("http", StringComparison.Ordinal);
        while (start >= 0)
        {
            var end = text.IndexOfAny([' ', '\r', '\n'], start);
            var url = new Uri(end < 0 ? text[start..] : text[start..end]);
            if (url.AbsolutePath == path)
            {
                return url.PathAndQuery;
            }

            start = text.IndexOf("http", start + 1, StringComparison.Ordinal);
        }

        throw new InvalidOperationException($"No link to {path} in: {text}");
    }

    public static string TokenOf(string pathAndQuery) =>
        Uri.UnescapeDataString(pathAndQuery[(pathAndQuery.IndexOf("token=", StringComparison.Ordinal) + "token=".Length)..].Split('&')[0]);

    public async ValueTask DisposeAsync()
    {
        try
        {
            process.StandardInput.Close();
            if (!process.WaitForExit(5000))
            {
                process.Kill();
            }
        }
        finally
        {
            process.Dispose();
            try
            {
                Directory.Delete(Folder, recursive: true);
            }
            catch (IOException)
            {
            }
        }

        await Task.CompletedTask;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
