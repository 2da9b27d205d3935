using System.Text;
using Dapper;
using Saas.Read.Common.Filtering;
using Saas.Tenancy.Storage;
using Saas.Write.Common;

namespace Saas.Read.Common;

/// <summary>Paging, sorting and search of a list (OData's <c>$top</c>, <c>$skip</c>, <c>$orderby</c>, <c>$search</c>).</summary>
public record ListQuery
{
    public const int DefaultTop = 50;
    public const int MaxTop = 1000;

    /// <summary>Page size; default 50, at most 1000.</summary>
    public int? Top { get; init; }

    public int? Skip { get; init; }

    /// <summary>An API field name (camelCase) from the list's sortable fields; default: the number/code.</summary>
    public string? OrderBy { get; init; }

    public bool Descending { get; init; }

    /// <summary>Case-insensitive "contains" over the list's search fields (number, name, e-mail).</summary>
    public string? Search { get; init; }

    /// <summary>BC filter expressions by API field name (<c>unitPrice</c> → <c>10..20</c>); see <see cref="FilterParser"/>.</summary>
    public IReadOnlyDictionary<string, string>? Filters { get; init; }

    /// <summary>How dates in <see cref="Filters"/> are typed and what "t" (today) is; default ISO dates and today in UTC.</summary>
    public FilterFormat? FilterFormat { get; init; }

    internal FilterFormat EffectiveFilterFormat => FilterFormat ?? Filtering.FilterFormat.Iso(DateOnly.FromDateTime(DateTime.UtcNow));
}

/// <summary>One page of a list and the total number of rows that match the filters.</summary>
public sealed record Page<T>(IReadOnlyList<T> Value, long Count);

/// <summary>Builds the SQL of a list query; every statement is tenant-filtered and parameterised.</summary>
/// <remarks><paramref name="tieBreaker"/>: a unique column (within the tenant and the filters) that keeps pages stable.</remarks>
/// <remarks><paramref name="filterable"/>: the columns the list can be filtered on (<see cref="ListQuery.Filters"/>).</remarks>
internal sealed class ListSql(
    string table,
    string columns,
    IReadOnlyDictionary<string, string> sortable,
    string defaultSort,
    string[] searchColumns,
    string tieBreaker = "id",
    IReadOnlyList<FilterColumn>? filterable = null)
{
    private readonly List<string> conditions = ["tenant_id = @TenantId"];
    private readonly DynamicParameters parameters = new();

    public void Where(string condition, string name, object? value)
    {
        conditions.Add(condition);
        parameters.Add(name, value);
    }

    public async Task<Page<T>> RunAsync<T>(TenantSqlSession session, ListQuery query)
    {
        var top = query.Top ?? ListQuery.DefaultTop;
        var skip = query.Skip ?? 0;
        var errors = new Validation();
        if (top < 0)
        {
            errors.Add("$top", "must not be negative.");
        }

        if (skip < 0)
        {
            errors.Add("$skip", "must not be negative.");
        }

        var sortKey = query.OrderBy ?? defaultSort;
        if (!sortable.TryGetValue(sortKey, out var sortColumn))
        {
            errors.Add("$orderby", $"'{sortKey}' cannot be sorted on; use one of {string.Join(", ", sortable.Keys)}.");
        }

        new FilterSql(session.Dialect, parameters).Apply(query.Filters, filterable ?? [], query.EffectiveFilterFormat, conditions, errors);
        errors.ThrowIfInvalid();
        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            var like = session.Dialect.CaseInsensitiveLike;
            conditions.Add("(" + string.Join(" OR ", searchColumns.Select(c => $"{c} {like} @Search ESCAPE '\\'")) + ")");
            parameters.Add("Search", "%" + EscapeLike(query.Search.Trim()) + "%");
        }

        var where = string.Join(" AND ", conditions);
        var direction = query.Descending ? "DESC" : "ASC";
        parameters.Add("Top", Math.Min(top, ListQuery.MaxTop));
        parameters.Add("Skip", skip);
        var count = await session.ExecuteScalarAsync<long>($"SELECT COUNT(*) FROM {table} WHERE {where}", parameters);

        // The id breaks ties so that pages never repeat or skip rows with equal sort values.
        var sql = new StringBuilder()
            .Append($"SELECT {columns} FROM {table} WHERE {where} ")
            .Append($"ORDER BY {sortColumn} {direction}, {tieBreaker} {direction} LIMIT @Top OFFSET @Skip");
        var rows = await session.QueryAsync<T>(sql.ToString(), parameters);
        return new Page<T>(rows.ToList(), count);
    }

    private static string EscapeLike(string value) =>
        value.Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_");
}
