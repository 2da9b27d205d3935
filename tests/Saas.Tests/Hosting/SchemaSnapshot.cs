using System.Data.Common;
using Dapper;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Saas.Tests.Hosting;

/// <summary>
/// A provider-neutral description of a database schema (tables, columns, indexes, foreign keys), so that a
/// migrated database and an <c>EnsureCreated</c> one can be compared line by line.
/// </summary>
public static class SchemaSnapshot
{
    public static async Task<List<string>> DescribeAsync(DbConnection connection)
    {
        await connection.OpenAsync();
        var lines = connection is NpgsqlConnection ? await Postgres(connection) : await Sqlite(connection);
        lines.Sort(StringComparer.Ordinal);
        return lines;
    }

    private static async Task<List<string>> Sqlite(DbConnection connection)
    {
        var lines = new List<string>();
        var tables = (await connection.QueryAsync<string>(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '\\_\\_%' ESCAPE '\\'")).ToList();
        foreach (var table in tables)
        {
            foreach (var c in await connection.QueryAsync($"PRAGMA table_info('{table}')"))
            {
                lines.Add($"column {table}.{c.name} {c.type} notnull={c.notnull} pk={c.pk} default={c.dflt_value}");
            }

            foreach (var i in await connection.QueryAsync($"PRAGMA index_list('{table}')"))
            {
                var columns = (await connection.QueryAsync($"PRAGMA index_info('{i.name}')")).Select(x => (string)x.name);
                lines.Add($"index {table}.{i.name} unique={i.unique} ({string.Join(",", columns)})");
            }

            foreach (var f in await connection.QueryAsync($"PRAGMA foreign_key_list('{table}')"))
            {
                lines.Add($"fk {table}.{f.from} -> {f.table}.{f.to} delete={f.on_delete}");
            }
        }

        return lines;
    }

    private static async Task<List<string>> Postgres(DbConnection connection)
    {
        var lines = new List<string>();
        foreach (var c in await connection.QueryAsync(
            """
            SELECT table_name, column_name, data_type, is_nullable, character_maximum_length, column_default, is_identity
            FROM information_schema.columns WHERE table_schema = 'public' AND table_name NOT LIKE '\_\_%'
            """))
        {
            lines.Add($"column {c.table_name}.{c.column_name} {c.data_type}({c.character_maximum_length}) nullable={c.is_nullable} default={c.column_default} identity={c.is_identity}");
        }

        foreach (var i in await connection.QueryAsync(
            "SELECT tablename, indexname, indexdef FROM pg_indexes WHERE schemaname = 'public' AND tablename NOT LIKE '\\_\\_%'"))
        {
            lines.Add($"index {i.tablename}.{i.indexname} {i.indexdef}");
        }

        foreach (var f in await connection.QueryAsync(
            """
            SELECT conrelid::regclass::text AS tbl, conname, pg_get_constraintdef(oid) AS def
            FROM pg_constraint WHERE contype IN ('f', 'c', 'u') AND connamespace = 'public'::regnamespace
            """))
        {
            lines.Add($"constraint {f.tbl}.{f.conname} {f.def}");
        }

        return lines;
    }

    public static DbConnection Open(string connectionString, bool postgres) =>
        postgres ? new NpgsqlConnection(connectionString) : new SqliteConnection(connectionString);
}
