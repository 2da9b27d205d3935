using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Saas.Tenancy.Context;

namespace Saas.Web.Hosting;

/// <summary>
/// Turns the exceptions that mean "bad input" or "not yours" into RFC 7807 problem details, and an unreachable
/// database into a 503 that says a retry is safe (<see cref="DatabaseUnavailable"/>); anything else stays a 500
/// whose details are logged, not shown.
/// </summary>
public sealed class ProblemMapping(IProblemDetailsService problems, ILogger<ProblemMapping> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken cancellationToken)
    {
        if (DatabaseUnavailable.Caused(exception))
        {
            logger.LogWarning(exception, "The database could not be reached: answered 503");
            http.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            http.Response.Headers.RetryAfter = DatabaseUnavailable.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            return await problems.TryWriteAsync(new ProblemDetailsContext
            {
                HttpContext = http,
                Exception = exception,
                ProblemDetails =
                {
                    Status = StatusCodes.Status503ServiceUnavailable,
                    Type = DatabaseUnavailable.ProblemType,
                    Title = "The service is briefly unavailable",
                    Detail = DatabaseUnavailable.Detail,
                    Extensions = { ["retrySafe"] = true },
                },
            });
        }

        var (status, title, detail) = exception switch
        {
            BadHttpRequestException { InnerException: JsonException json } => (400, "Malformed JSON", Describe(json)),
            BadHttpRequestException bad => (bad.StatusCode, "Bad request", bad.Message),
            JsonException json => (400, "Malformed JSON", Describe(json)),
            UnknownTenantException unknown => (404, "Unknown company", unknown.Message),
            TenantRequiredException => (403, "No company selected", "Select a company first."),
            _ => (0, "", ""),
        };

        if (status == 0)
        {
            return false;
        }

        logger.LogInformation("Request refused with {Status}: {Title}", status, title);
        http.Response.StatusCode = status;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            Exception = exception,
            ProblemDetails = { Status = status, Title = title, Detail = detail },
        });
    }

    /// <summary>In the client's terms (the JSON path it sent, what the field takes), never a .NET type name.</summary>
    private static string Describe(JsonException json)
    {
        var (field, reason) = Saas.Web.MasterData.JsonInputErrors.Describe(json.Message, Saas.Web.MasterData.JsonInputErrors.FieldOf(json.Path));
        return field.Length > 0 ? $"The JSON is not valid at '{field}': {reason}" : $"The JSON is not valid: {reason}";
    }
}
