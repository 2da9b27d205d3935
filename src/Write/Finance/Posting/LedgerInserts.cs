using System.Collections.Concurrent;
using System.Data.Common;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace Saas.Write.Finance.Posting;

/// <summary>
/// Writes a posting's new ledger rows (item ledger, value, application and G/L entries) as one multi-row INSERT per
/// table, without the change tracker. Ledger entries are only ever inserted, never edited, so tracking them buys
/// nothing, and the profile of issue 8 showed EF's per-row tracking, commands and allocations costing as much as the
/// SQL (SQLite sends one INSERT per tracked row). The columns, their order and every value's conversion come from the
/// EF model and its type mappings, so the rows are stored exactly as EF would store them, and a column added to an
/// entity is written without anyone remembering to add it here.
/// </summary>
public sealed class LedgerInserts(WriteDbContext db)
{
    /// <summary>Bind variables per command: far below SQLite's 32,766 and PostgreSQL's 65,535.</summary>
    private const int MaxParameters = 8_000;

    private static readonly ConcurrentDictionary<(IEntityType, Type), Table> Tables = new();

    private readonly List<(Table Table, IReadOnlyList<object> Rows)> pending = [];

    /// <summary>Queues <paramref name="rows"/> of one entity type for <see cref="WriteAsync"/>.</summary>
    public LedgerInserts Add<T>(IReadOnlyList<T> rows)
        where T : class
    {
        if (rows.Count > 0)
        {
            var entityType = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not in the model.");
            pending.Add((Tables.GetOrAdd((entityType, db.Database.GetDbConnection().GetType()), key => Table.For(key.Item1)), rows));
        }

        return this;
    }

    /// <summary>
    /// Sends every queued row in as few commands as the parameter limit allows (one for a usual posting: both
    /// providers run the statements of one command in order), inside the posting's transaction.
    /// </summary>
    public async Task WriteAsync(CancellationToken cancellationToken)
    {
        if (db.Database.CurrentTransaction is null)
        {
            throw new InvalidOperationException("Ledger rows are inserted only inside the posting's transaction.");
        }

        await using var factory = db.Database.GetDbConnection().CreateCommand(); // only to create provider parameters
        var sql = new StringBuilder();
        var parameters = new List<DbParameter>();
        foreach (var (table, rows) in pending)
        {
            var perStatement = Math.Max(1, MaxParameters / table.Columns.Count);
            for (var start = 0; start < rows.Count; start += perStatement)
            {
                var count = Math.Min(perStatement, rows.Count - start);
                if (parameters.Count + count * table.Columns.Count > MaxParameters)
                {
                    await SendAsync();
                }

                sql.Append(table.Prefix);
                for (var r = 0; r < count; r++)
                {
                    var row = rows[start + r];
                    sql.Append(r == 0 ? "(" : ",(");
                    for (var c = 0; c < table.Columns.Count; c++)
                    {
                        var column = table.Columns[c];
                        var name = $"p{parameters.Count}";
                        sql.Append(c == 0 ? "@" : ",@").Append(name);
                        parameters.Add(column.Mapping.CreateParameter(factory, name, column.Property.GetGetter().GetClrValueUsingContainingEntity(row), column.Property.IsNullable));
                    }

                    sql.Append(')');
                }

                sql.Append(";\n");
            }
        }

        await SendAsync();
        pending.Clear();

        async Task SendAsync()
        {
            if (parameters.Count > 0)
            {
                await db.Database.ExecuteSqlRawAsync(sql.ToString(), parameters, cancellationToken);
                sql.Clear();
                parameters = [];
            }
        }
    }

    private sealed record Column(IProperty Property, RelationalTypeMapping Mapping);

    private sealed record Table(string Prefix, IReadOnlyList<Column> Columns)
    {
        public static Table For(IEntityType entityType)
        {
            var name = entityType.GetTableName() ?? throw new InvalidOperationException($"{entityType.DisplayName()} has no table.");
            var store = StoreObjectIdentifier.Table(name, entityType.GetSchema());
            var columns = entityType.GetProperties()
                .Select(p => p.IsShadowProperty()
                    ? throw new InvalidOperationException($"{entityType.DisplayName()}.{p.Name} is a shadow property: ledger rows are written from their CLR values.")
                    : new Column(p, p.GetRelationalTypeMapping()))
                .ToList();
            var quoted = columns.Select(c => Quote(c.Property.GetColumnName(store)
                ?? throw new InvalidOperationException($"{entityType.DisplayName()}.{c.Property.Name} has no column.")));
            var table = entityType.GetSchema() is { } schema ? $"{Quote(schema)}.{Quote(name)}" : Quote(name);
            return new Table($"INSERT INTO {table} ({string.Join(", ", quoted)}) VALUES ", columns);
        }

        private static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"") + "\"";
    }
}
