using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;
using Saas.Read.Common;
using Saas.Tenancy.Context;
using Saas.Write.Common;

namespace Saas.Web.MasterData;

/// <summary>The conventions every BC API v2.0 endpoint here shares: JSON, ETags, read positions, list options.</summary>
internal static partial class ApiSupport
{
    public const string ReadPositionHeader = "X-Read-Position";
    public const string WaitForPositionHeader = "X-Wait-For-Position";
    public const string PositionReachedHeader = "X-Read-Position-Reached";
    public static readonly TimeSpan MaxWait = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Strict on input: an unknown field is an error (a typo must not be silently ignored and leave the old
    /// value), numbers must be JSON numbers. camelCase BC names on output.
    /// </summary>
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        NumberHandling = JsonNumberHandling.Strict,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        Converters = { new ApiDecimalConverter() },
    };

    /// <summary>
    /// Second wall behind the tenant-resolution middleware: the route's company must be the tenant in scope.
    /// Another company's id looks exactly like an unknown one.
    /// </summary>
    public static bool IsCurrentCompany(Guid companyId, TenantContext tenants) => tenants.Current?.Id == companyId;

    public static IResult CompanyNotFound() =>
        Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Unknown company", detail: "No such company is available here.");

    public static IResult NotFound(string entity, Guid id) =>
        Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found", detail: $"{entity} '{id}' was not found.");

    public static string ETag(long version) => $"W/\"{version.ToString(CultureInfo.InvariantCulture)}\"";

    /// <summary>
    /// The version named by If-Match (<c>W/"3"</c> or <c>"3"</c>); null for <c>*</c>. BC requires If-Match
    /// on PATCH, so a missing one is refused (428) rather than silently overwriting someone's change.
    /// </summary>
    public static long? ExpectedVersion(HttpRequest request)
    {
        var header = request.Headers.IfMatch.ToString().Trim();
        if (header.Length == 0)
        {
            throw new PreconditionRequiredException();
        }

        if (header == "*")
        {
            return null;
        }

        var match = ETagPattern().Match(header);
        return match.Success && long.TryParse(match.Groups["v"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var version)
            ? version
            : throw new ConcurrencyException("The record", null, null);
    }

    public static async Task<T> ReadBodyAsync<T>(HttpRequest request)
        where T : class
    {
        if (!request.HasJsonContentType())
        {
            throw new MalformedBodyException("The body must be JSON (Content-Type: application/json).");
        }

        try
        {
            return await JsonSerializer.DeserializeAsync<T>(request.Body, Json, request.HttpContext.RequestAborted)
                ?? throw new MalformedBodyException("The body must be a JSON object.");
        }
        catch (JsonException e)
        {
            throw JsonInputErrors.ToException(e);
        }
    }

    /// <summary>
    /// The body of a request whose body is optional (BC's bound actions take none): no body, or an empty or
    /// whitespace-only one, is <c>new T()</c> whatever the Content-Type says; anything else must be a JSON object, as
    /// for <see cref="ReadBodyAsync{T}"/>, so that a body in the wrong format is refused rather than ignored.
    /// </summary>
    public static async Task<T> ReadOptionalBodyAsync<T>(HttpRequest request)
        where T : class, new()
    {
        var announced = request.ContentLength is > 0 || request.Headers.TransferEncoding.Count > 0;
        if (!announced)
        {
            return new T(); // HTTP: without Content-Length or Transfer-Encoding a request has no body
        }

        // Chunked or not, an empty body (a client that always sends Content-Type) is no body.
        request.EnableBuffering();
        var empty = true;
        var buffer = new byte[256];
        int read;
        while (empty && (read = await request.Body.ReadAsync(buffer, request.HttpContext.RequestAborted)) > 0)
        {
            empty = buffer.AsSpan(0, read).IndexOfAnyExcept(" \t\r\n"u8) < 0;
        }

        request.Body.Position = 0;
        return empty ? new T() : await ReadBodyAsync<T>(request);
    }

    /// <summary>Waits (bounded) for the read position named by X-Wait-For-Position, so a GET after a POST sees it.</summary>
    public static async Task WaitForPositionAsync(HttpContext http, ReadPositions positions)
    {
        var header = http.Request.Headers[WaitForPositionHeader].ToString();
        if (header.Length == 0)
        {
            return;
        }

        if (!Guid.TryParse(header, out var position))
        {
            throw ValidationFailedException.For(WaitForPositionHeader, "must be a read position returned in X-Read-Position.");
        }

        var reached = await positions.WaitAsync(position, MaxWait, cancellationToken: http.RequestAborted);
        http.Response.Headers[PositionReachedHeader] = reached ? "true" : "false";
    }

    public static void SetCommandHeaders(HttpResponse response, Guid position, long version)
    {
        response.Headers[ReadPositionHeader] = position.ToString();
        response.Headers.ETag = ETag(version);
    }

    /// <summary>
    /// A posting's read position, for X-Wait-For-Position (read-your-writes on items' inventory). Previews and
    /// idempotent repeats have none: their event, if any, went out with the first posting.
    /// </summary>
    public static void SetPostingPosition(HttpResponse response, Guid? position)
    {
        if (position is { } value)
        {
            response.Headers[ReadPositionHeader] = value.ToString();
        }
    }

    /// <summary>A list page in BC's envelope (<c>value</c>, <c>@odata.count</c>).</summary>
    public static IResult Page<TRow, TResource>(Page<TRow> page, Func<TRow, TResource> toResource) =>
        Results.Json(ListResponse(page.Value.Select(toResource), page.Count), Json);

    /// <summary>A card with its ETag, which the client sends back in If-Match to change it.</summary>
    public static IResult Card<TResource>(HttpResponse response, long version, TResource resource, int status = StatusCodes.Status200OK)
    {
        response.Headers.ETag = ETag(version);
        return Results.Json(resource, Json, statusCode: status);
    }

    /// <summary>The card as a command left it, with its ETag and the read position a following GET can wait for.</summary>
    public static IResult Saved<TResource>(
        HttpResponse response, Guid position, long version, TResource resource, int statusCode = StatusCodes.Status200OK)
    {
        SetCommandHeaders(response, position, version);
        return Results.Json(resource, Json, statusCode: statusCode);
    }

    /// <summary>
    /// Reads <c>$top</c>, <c>$skip</c>, <c>$orderby</c> (<c>field [asc|desc]</c>), <c>$search</c> and a small
    /// <c>$filter</c> subset: clauses <c>field eq 'text'</c>, <c>field eq true|false</c> and
    /// <c>contains(field,'text')</c> joined by <c>and</c>.
    /// </summary>
    public static ListOptions ReadListOptions(HttpRequest request)
    {
        var errors = new Validation();
        var q = request.Query;
        var top = Int(q["$top"].ToString(), "$top", errors);
        var skip = Int(q["$skip"].ToString(), "$skip", errors);
        string? orderBy = null;
        var descending = false;
        var orderText = q["$orderby"].ToString().Trim();
        if (orderText.Length > 0)
        {
            var parts = orderText.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            orderBy = parts[0];
            var direction = parts.Length == 2 ? parts[1].ToLowerInvariant() : "asc";
            descending = direction == "desc";
            if (parts.Length > 2 || direction is not ("asc" or "desc"))
            {
                errors.Add("$orderby", "must be 'field', 'field asc' or 'field desc'.");
            }
        }

        var search = q["$search"].ToString();
        var equals = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var contains = new List<(string Field, string Text)>();
        var filter = q["$filter"].ToString().Trim();
        if (filter.Length > 0)
        {
            foreach (var clause in AndSplit().Split(filter))
            {
                var eq = EqualsClause().Match(clause.Trim());
                var ct = ContainsClause().Match(clause.Trim());
                if (eq.Success)
                {
                    equals[eq.Groups["f"].Value] = eq.Groups["s"].Success ? eq.Groups["s"].Value.Replace("''", "'") : eq.Groups["b"].Value;
                }
                else if (ct.Success)
                {
                    contains.Add((ct.Groups["f"].Value, ct.Groups["s"].Value.Replace("''", "'")));
                }
                else
                {
                    errors.Add("$filter", $"'{clause.Trim()}' is not supported; use field eq 'value', field eq true|false or contains(field,'text').");
                }
            }
        }

        if (contains.Count > 1 || (contains.Count == 1 && search.Length > 0))
        {
            errors.Add("$filter", "only one text search (contains or $search) per request.");
        }

        errors.ThrowIfInvalid();
        return new ListOptions(top, skip, orderBy, descending, contains.Count == 1 ? contains[0].Text : search, contains.SingleOrDefault().Field, equals);
    }

    public static object ListResponse<T>(IEnumerable<T> value, long count) => new ListEnvelope<T>(value.ToList(), count);

    private static int? Int(string text, string field, Validation errors)
    {
        if (text.Length == 0)
        {
            return null;
        }

        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }

        errors.Add(field, "must be a non-negative whole number.");
        return null;
    }

    private static string FirstSentence(string message)
    {
        var end = message.IndexOf(". ", StringComparison.Ordinal);
        return end > 0 ? message[..(end + 1)] : message;
    }

    [GeneratedRegex(@"^(?:W/)?""(?<v>\d+)""$")]
    private static partial Regex ETagPattern();

    [GeneratedRegex(@"\s+and\s+", RegexOptions.IgnoreCase)]
    private static partial Regex AndSplit();

    [GeneratedRegex(@"^(?<f>[A-Za-z]+)\s+eq\s+(?:'(?<s>(?:[^']|'')*)'|(?<b>true|false))$", RegexOptions.IgnoreCase)]
    private static partial Regex EqualsClause();

    [GeneratedRegex(@"^contains\(\s*(?<f>[A-Za-z]+)\s*,\s*'(?<s>(?:[^']|'')*)'\s*\)$", RegexOptions.IgnoreCase)]
    private static partial Regex ContainsClause();

    /// <summary>A BC enum word from the body, or null when absent; an unknown word is a field error, not a 500.</summary>
    internal static TEnum? ParseOrNull<TEnum>(Validation validation, string field, string? word)
        where TEnum : struct, Enum
    {
        if (word is null)
        {
            return null;
        }

        if (BcEnum.TryParse<TEnum>(word, out var value))
        {
            return value;
        }

        validation.Add(field, $"'{word}' is not one of {BcEnum.Allowed<TEnum>()}.");
        return null;
    }
}

/// <summary>What a list request asked for, before the entity maps its filters.</summary>
internal sealed record ListOptions(
    int? Top, int? Skip, string? OrderBy, bool Descending, string? Search, string? ContainsField, IReadOnlyDictionary<string, string> EqualsFilters)
{
    /// <summary>The text search; a <c>contains(field,…)</c> is allowed on the list's searchable fields.</summary>
    public string? SearchOn(params string[] searchable)
    {
        if (ContainsField is not null && !searchable.Contains(ContainsField, StringComparer.OrdinalIgnoreCase))
        {
            throw ValidationFailedException.For("$filter", $"contains() is supported on {string.Join(", ", searchable)}.");
        }

        return string.IsNullOrWhiteSpace(Search) ? null : Search;
    }

    /// <summary>Fails for any eq-filter field the list does not offer.</summary>
    public void OnlyFilters(params string[] fields)
    {
        var unknown = EqualsFilters.Keys.Where(k => !fields.Contains(k, StringComparer.OrdinalIgnoreCase)).ToList();
        if (unknown.Count > 0)
        {
            throw ValidationFailedException.For("$filter", $"cannot filter on {string.Join(", ", unknown)}; use {string.Join(", ", fields)}.");
        }
    }

    /// <summary>The paging and sorting asked for, on the list's own query (which carries its search and filters).</summary>
    public TQuery ApplyTo<TQuery>(TQuery query)
        where TQuery : ListQuery =>
        (TQuery)(query with { Top = Top, Skip = Skip, OrderBy = OrderBy, Descending = Descending });

    public string? Text(string field) => EqualsFilters.GetValueOrDefault(field);

    public bool? Bool(string field) => EqualsFilters.TryGetValue(field, out var value)
        ? bool.TryParse(value, out var b) ? b : throw ValidationFailedException.For("$filter", $"{field} takes true or false.")
        : null;
}

internal sealed record ListEnvelope<T>(
    [property: JsonPropertyName("value")] IReadOnlyList<T> Value,
    [property: JsonPropertyName("@odata.count")] long Count);

/// <summary>The request body is not JSON, or not JSON of the expected shape (400); the field, when there is one, in JSON path terms.</summary>
internal sealed class MalformedBodyException(string message, string? field = null, string? reason = null) : Exception(message)
{
    public string? Field { get; } = field;
    public string? Reason { get; } = reason;
}

/// <summary>A PATCH without If-Match (428).</summary>
internal sealed class PreconditionRequiredException()
    : Exception("Send If-Match with the record's ETag (or * to overwrite whatever is there).");

/// <summary>Turns the command layer's exceptions into RFC 7807 problem details for every master-data endpoint.</summary>
internal sealed class CommandProblems(ILogger<CommandProblems> logger) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        try
        {
            return await next(context);
        }
        catch (ValidationFailedException e)
        {
            logger.LogInformation("Validation failed: {Fields}", string.Join(", ", e.Errors.Keys));
            return Results.ValidationProblem(
                e.Errors.ToDictionary(k => k.Key, k => k.Value),
                title: "The input is not valid.",
                statusCode: StatusCodes.Status400BadRequest);
        }
        catch (MalformedBodyException e) when (e.Field is not null)
        {
            return Results.ValidationProblem(
                new Dictionary<string, string[]> { [e.Field] = [e.Reason ?? e.Message] },
                detail: e.Message,
                title: "Malformed request body",
                statusCode: StatusCodes.Status400BadRequest);
        }
        catch (MalformedBodyException e)
        {
            return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Malformed request body", detail: e.Message);
        }
        catch (IdempotencyKeyReusedException e)
        {
            logger.LogInformation("Idempotency key reused with another request");
            return Results.ValidationProblem(
                new Dictionary<string, string[]> { [e.Field] = [e.Message] },
                title: "The idempotency key was already used for a different request.",
                statusCode: StatusCodes.Status422UnprocessableEntity);
        }
        catch (NotFoundException e)
        {
            return Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found", detail: e.Message);
        }
        catch (ConflictException e)
        {
            return Results.Problem(
                statusCode: StatusCodes.Status409Conflict,
                title: "Conflict",
                detail: e.Message,
                extensions: new Dictionary<string, object?> { ["field"] = e.Field });
        }
        catch (ConcurrencyException e)
        {
            return Results.Problem(statusCode: StatusCodes.Status412PreconditionFailed, title: "The record was changed", detail: e.Message);
        }
        catch (PreconditionRequiredException e)
        {
            return Results.Problem(statusCode: StatusCodes.Status428PreconditionRequired, title: "If-Match required", detail: e.Message);
        }
    }
}
