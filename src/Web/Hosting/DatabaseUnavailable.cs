using System.Net.Sockets;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Saas.Web.Hosting;

/// <summary>
/// A database that cannot be reached (PostgreSQL down or restarting, connections cut, pool exhausted, SQLite busy past
/// its timeout) is not the client's fault and not a bug: the answer is 503 with <c>Retry-After</c> and a problem
/// type that says a retry is safe. Every command runs in one transaction, so nothing was half-written; a posting
/// retried with the same idempotency key is posted once (or answered with the first result if the commit had gone
/// through before the connection broke).
/// </summary>
public static class DatabaseUnavailable
{
    public const string ProblemType = "urn:saas:problem:database-unavailable-retry-safe";
    public const int RetryAfterSeconds = 5;

    public const string Detail =
        "The database could not be reached and nothing was saved. Retry after the time in Retry-After; " +
        "a retry with the same idempotency key is safe and posts at most once.";

    /// <summary>True when <paramref name="exception"/> or anything it wraps says the database was out of reach.</summary>
    public static bool Caused(Exception exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            switch (current)
            {
                case NpgsqlException { IsTransient: true }:
                case SocketException:
                case SqliteException { SqliteErrorCode: 5 or 6 }: // SQLITE_BUSY, SQLITE_LOCKED after the busy timeout
                    return true;
                case AggregateException aggregate when aggregate.InnerExceptions.Any(Caused):
                    return true;
            }
        }

        return false;
    }
}
