using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using Saas.Write.Common;

namespace Saas.Web.MasterData;

/// <summary>
/// The OpenAPI document lists BC's words for every text property marked <see cref="BcWordsOfAttribute"/> (entry types
/// of postings and ledger lists), so a client reads the same words there as in the responses.
/// </summary>
internal static class BcWordsSchema
{
    public static Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        var words = context.JsonPropertyInfo?.AttributeProvider?.GetCustomAttributes(typeof(BcWordsOfAttribute), inherit: true)
            .OfType<BcWordsOfAttribute>().FirstOrDefault()?.Words;
        if (words is not null)
        {
            schema.Enum = words.Select(w => (JsonNode)JsonValue.Create(w)).ToList();
        }

        return Task.CompletedTask;
    }
}
