namespace Saas.Tenancy.Storage;

/// <summary>The few places where SQL differs between the providers we support.</summary>
public abstract class SqlDialect
{
    public static readonly SqlDialect Sqlite = new SqliteDialect();
    public static readonly SqlDialect Postgres = new PostgresDialect();

    public static SqlDialect For(DatabaseProvider provider) =>
        provider == DatabaseProvider.Postgres ? Postgres : Sqlite;

    public abstract DatabaseProvider Provider { get; }

    /// <summary>Case-insensitive LIKE: <c>{column} {CaseInsensitiveLike} @Pattern</c>.</summary>
    public abstract string CaseInsensitiveLike { get; }

    /// <summary>Row-claiming suffix for work queues; SQLite serialises writers so it needs none.</summary>
    public abstract string ForUpdateSkipLocked { get; }

    /// <summary>Orders decimal columns numerically (SQLite keeps EF decimals as text).</summary>
    public abstract string NumericSortKey(string column);

    private sealed class SqliteDialect : SqlDialect
    {
        public override DatabaseProvider Provider => DatabaseProvider.Sqlite;
        public override string CaseInsensitiveLike => "LIKE"; // ASCII-case-insensitive in SQLite
        public override string ForUpdateSkipLocked => "";
        public override string NumericSortKey(string column) => $"CAST({column} AS REAL)";
    }

    private sealed class PostgresDialect : SqlDialect
    {
        public override DatabaseProvider Provider => DatabaseProvider.Postgres;
        public override string CaseInsensitiveLike => "ILIKE";
        public override string ForUpdateSkipLocked => "FOR UPDATE SKIP LOCKED";
        public override string NumericSortKey(string column) => column;
    }
}
