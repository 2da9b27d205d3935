using System.Net.Http.Json;
using Npgsql;
using Saas.Tests.Hosting;
using Saas.Tests.Infrastructure;
using Saas.Web.Startup;

namespace Saas.Tests.Isolation;

/// <summary>
/// PostgreSQL's row-level security, checked on the application role's own connection (what requests use):
/// even a query that forgets its tenant predicate sees only the tenant named in <c>app.tenant_id</c>, an
/// unset tenant sees nothing, and the role cannot step around the policies. The tables are found from the
/// database itself (every table with a <c>tenant_id</c> column), so a table added without RLS fails here.
/// </summary>
public sealed class row_level_security_is_a_second_wall_on_postgres(PostgresSaasFactory factory) : IClassFixture<PostgresSaasFactory>
{
    private static readonly DemoCompany A = DemoData.Companies[0];
    private static readonly DemoCompany B = DemoData.Companies[1];

    [Fact]
    public async Task every_tenant_table_forces_row_level_security_with_a_checked_policy()
    {
        _ = factory.Services;
        await using var owner = await OpenAsync(factory.Data.OwnerConnectionString);
        var tables = await TenantTablesAsync(owner);
        Assert.True(tables.Count >= 10, "Expected the write, outbox and read tables: " + string.Join(", ", tables));
        await using var command = new NpgsqlCommand(
            """
            SELECT c.relname, c.relrowsecurity, c.relforcerowsecurity,
                   EXISTS (SELECT 1 FROM pg_policies p WHERE p.schemaname = 'public' AND p.tablename = c.relname
                           AND p.qual LIKE '%app.tenant_id%' AND p.with_check LIKE '%app.tenant_id%')
            FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE n.nspname = 'public' AND c.relname = ANY(@tables)
            """, owner);
        command.Parameters.AddWithValue("tables", tables.ToArray());
        await using var reader = await command.ExecuteReaderAsync();
        var checkedTables = 0;
        while (await reader.ReadAsync())
        {
            checkedTables++;
            var table = reader.GetString(0);
            Assert.True(reader.GetBoolean(1), $"{table}: ROW LEVEL SECURITY is not enabled.");
            Assert.True(reader.GetBoolean(2), $"{table}: ROW LEVEL SECURITY is not forced (the owner would bypass it).");
            Assert.True(reader.GetBoolean(3), $"{table}: no policy with USING and WITH CHECK on app.tenant_id.");
        }

        Assert.Equal(tables.Count, checkedTables);
    }

    [Fact]
    public async Task the_application_role_sees_only_the_tenant_it_names_even_without_a_predicate()
    {
        await GiveBothCompaniesRowsAsync();
        await using var owner = await OpenAsync(factory.Data.OwnerConnectionString);
        var tables = await TenantTablesAsync(owner);
        var rowsOfB = 0L;
        foreach (var table in tables)
        {
            rowsOfB += await ScalarAsync<long>(owner, $"SELECT COUNT(*) FROM \"{table}\" WHERE tenant_id = '{B.Id}'");
        }

        Assert.True(rowsOfB > 0, "Company B has no rows: the check below would prove nothing.");

        await using var app = await OpenAsync(factory.Data.AppConnectionString);
        foreach (var table in tables)
        {
            await using (var asA = await app.BeginTransactionAsync())
            {
                await ScalarAsync<string>(app, $"SELECT set_config('app.tenant_id', '{A.Id}', true)", asA);
                var foreign = await ScalarAsync<long>(app, $"SELECT COUNT(*) FROM (SELECT * FROM \"{table}\") t WHERE t.tenant_id <> '{A.Id}'", asA);
                Assert.True(foreign == 0, $"{table}: the application role, naming tenant A, sees {foreign} row(s) of other tenants.");
            }

            await using (var unset = await app.BeginTransactionAsync())
            {
                var any = await ScalarAsync<long>(app, $"SELECT COUNT(*) FROM (SELECT * FROM \"{table}\") t", unset);
                Assert.True(any == 0, $"{table}: with app.tenant_id unset the application role sees {any} row(s).");
            }
        }
    }

    [Fact]
    public async Task the_application_role_cannot_write_into_another_tenant()
    {
        _ = factory.Services;
        await using var app = await OpenAsync(factory.Data.AppConnectionString);
        await using var asA = await app.BeginTransactionAsync();
        await ScalarAsync<string>(app, $"SELECT set_config('app.tenant_id', '{A.Id}', true)", asA);
        await using var insert = new NpgsqlCommand(
            $"INSERT INTO no_series (tenant_id, code, description, starting_no, increment_by, last_no_used, version) VALUES ('{B.Id}', 'HIJACK', 'x', '1', 1, '', 0)", app, asA);
        var refused = await Assert.ThrowsAsync<PostgresException>(() => insert.ExecuteNonQueryAsync());
        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, refused.SqlState);
    }

    [Fact]
    public async Task the_application_role_can_neither_bypass_nor_own_nor_become_the_owner()
    {
        _ = factory.Services;
        await using var app = await OpenAsync(factory.Data.AppConnectionString);
        Assert.Equal(PostgresServer.AppRole, await ScalarAsync<string>(app, "SELECT current_user"));
        Assert.False(await ScalarAsync<bool>(app, "SELECT rolbypassrls FROM pg_roles WHERE rolname = current_user"));
        Assert.False(await ScalarAsync<bool>(app, "SELECT rolsuper FROM pg_roles WHERE rolname = current_user"));
        Assert.Equal(0L, await ScalarAsync<long>(app,
            "SELECT COUNT(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public' AND pg_get_userbyid(c.relowner) = current_user"));

        var setRole = await Assert.ThrowsAsync<PostgresException>(() => ScalarAsync<string>(app, $"SET ROLE {PostgresServer.OwnerRole}; SELECT current_user"));
        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, setRole.SqlState);

        // Turning row security off does not turn the policies off for this role: the query is refused instead.
        await using var off = new NpgsqlCommand("SET row_security = off; SELECT COUNT(*) FROM items", app);
        var refused = await Assert.ThrowsAsync<PostgresException>(() => off.ExecuteScalarAsync());
        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, refused.SqlState);
    }

    /// <summary>Company B gets rows in the write, outbox and read tables through its own administrator.</summary>
    private async Task GiveBothCompaniesRowsAsync()
    {
        foreach (var (company, email) in new[] { (A, "anna@contoso.example"), (B, "frank@fabrikam.example") })
        {
            var client = await factory.SignedInAsync(email, company.Identifier);
            var created = await (await client.PostAsJsonAsync($"/api/v2.0/companies({company.Id})/locations",
                new { code = "R" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant(), displayName = "RLS" })).ReadJsonAsync();
            Assert.NotEqual(Guid.Empty, created.GetProperty("id").GetGuid());
        }
    }

    private static async Task<List<string>> TenantTablesAsync(NpgsqlConnection connection)
    {
        await using var command = new NpgsqlCommand(
            """
            SELECT c.table_name FROM information_schema.columns c
            JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
            WHERE c.table_schema = 'public' AND c.column_name = 'tenant_id' AND t.table_type = 'BASE TABLE'
            ORDER BY 1
            """, connection);
        var tables = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            tables.Add(reader.GetString(0));
        }

        return tables;
    }

    private static async Task<NpgsqlConnection> OpenAsync(string connectionString)
    {
        var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        return connection;
    }

    private static async Task<T> ScalarAsync<T>(NpgsqlConnection connection, string sql, NpgsqlTransaction? transaction = null)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        return (T)(await command.ExecuteScalarAsync())!;
    }
}
