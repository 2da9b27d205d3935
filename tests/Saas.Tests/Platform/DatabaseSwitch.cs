using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace Saas.Tests.Platform;

/// <summary>
/// A loopback TCP relay in front of the real test PostgreSQL server: the application connects through it, and the
/// test can take the database away from the application (<see cref="Cut"/>: every open connection is reset and new
/// ones are refused, as when the server goes down) and give it back (<see cref="Restore"/>). The shared test server
/// keeps running for every other test; only this application loses it.
/// </summary>
public sealed class DatabaseSwitch(string targetHost, int targetPort) : IAsyncDisposable
{
    private readonly ConcurrentDictionary<TcpClient, byte> open = new();
    private readonly CancellationTokenSource stopped = new();
    private TcpListener? listener;

    public int Port { get; private set; }

    public void Start() => Listen(0);

    /// <summary>The database is gone: connections in use break, new ones are refused.</summary>
    public void Cut()
    {
        listener?.Stop();
        listener = null;
        foreach (var client in open.Keys)
        {
            // A connection whose pump has just closed it has no socket any more; it is gone already.
            if (client.Client is { } socket)
            {
                socket.LingerState = new LingerOption(true, 0); // reset, as a crashed server's connections do
            }

            client.Dispose();
        }

        open.Clear();
    }

    public void Restore() => Listen(Port);

    private void Listen(int port)
    {
        var next = new TcpListener(IPAddress.Loopback, port);
        next.Server.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
        next.Start();
        Port = ((IPEndPoint)next.LocalEndpoint).Port;
        listener = next;
        _ = AcceptAsync(next);
    }

    private async Task AcceptAsync(TcpListener from)
    {
        while (!stopped.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await from.AcceptTcpClientAsync(stopped.Token);
            }
            catch (Exception e) when (e is SocketException or ObjectDisposedException or OperationCanceledException or InvalidOperationException)
            {
                return; // cut or disposed
            }

            _ = RelayAsync(client);
        }
    }

    private async Task RelayAsync(TcpClient client)
    {
        var server = new TcpClient();
        open[client] = 0;
        open[server] = 0;
        try
        {
            await server.ConnectAsync(targetHost, targetPort, stopped.Token);
            var a = client.GetStream();
            var b = server.GetStream();
            await Task.WhenAny(a.CopyToAsync(b, stopped.Token), b.CopyToAsync(a, stopped.Token));
        }
        catch (Exception e) when (e is IOException or SocketException or ObjectDisposedException or OperationCanceledException)
        {
            // One side went away (or the switch cut it): close both.
        }
        finally
        {
            open.TryRemove(client, out _);
            open.TryRemove(server, out _);
            client.Dispose();
            server.Dispose();
        }
    }

    public ValueTask DisposeAsync()
    {
        stopped.Cancel();
        Cut();
        stopped.Dispose();
        return ValueTask.CompletedTask;
    }
}
