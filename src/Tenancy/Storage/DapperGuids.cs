using System.Data;
using Dapper;
using Npgsql;

namespace Saas.Tenancy.Storage;

/// <summary>
/// EF Core keeps Guids as upper-case TEXT on SQLite but Microsoft.Data.Sqlite binds them as BLOBs, so a
/// Dapper predicate on a Guid would silently match nothing. One process may talk to both providers
/// (tests do), so the handler decides per parameter: native uuid for Npgsql, EF's text form otherwise.
/// </summary>
public static class DapperGuids
{
    private static int configured;

    public static void EnsureConfigured()
    {
        if (Interlocked.Exchange(ref configured, 1) == 1)
        {
            return;
        }

        SqlMapper.RemoveTypeMap(typeof(Guid));
        SqlMapper.RemoveTypeMap(typeof(Guid?));
        SqlMapper.AddTypeHandler(new GuidHandler());
    }

    private sealed class GuidHandler : SqlMapper.TypeHandler<Guid>
    {
        public override void SetValue(IDbDataParameter parameter, Guid value)
        {
            if (parameter is NpgsqlParameter)
            {
                parameter.DbType = DbType.Guid;
                parameter.Value = value;
            }
            else
            {
                parameter.DbType = DbType.String;
                parameter.Value = value.ToString().ToUpperInvariant();
            }
        }

        public override Guid Parse(object value) => value switch
        {
            Guid g => g,
            string s => Guid.Parse(s),
            byte[] b => new Guid(b),
            _ => throw new DataException($"Cannot read a Guid from {value.GetType().Name}."),
        };
    }
}
