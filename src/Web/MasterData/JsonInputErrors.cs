using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;
using Saas.Write.Common;

namespace Saas.Web.MasterData;

/// <summary>
/// Bad JSON input reported in the client's terms: the JSON path it sent (<c>lines[0].quantity</c>) and what that field
/// takes, never a .NET type name. A number beyond the range of amounts is an invalid value (the field's range); a value
/// of the wrong kind, an unknown field or broken JSON is a malformed body, still naming the field when there is one.
/// </summary>
internal static partial class JsonInputErrors
{
    /// <summary>The exception the API throws for <paramref name="e"/>: a validation error or a malformed body.</summary>
    public static Exception ToException(JsonException e)
    {
        var path = FieldOf(e.Path);
        if (e is OutOfRangeNumberException range && path.Length > 0)
        {
            return ValidationFailedException.For(path, range.Reason);
        }

        var (field, reason) = Describe(e.Message, path);
        var where = field.Length > 0 ? $" at '{field}'" : "";
        return new MalformedBodyException($"The JSON is not valid{where}: {reason}", field.Length > 0 ? field : null, reason);
    }

    /// <summary>The field and the reason for a JSON error of System.Text.Json (message and path).</summary>
    public static (string Field, string Reason) Describe(string message, string field)
    {
        if (UnknownProperty().Match(message) is { Success: true } unknown)
        {
            var name = unknown.Groups["name"].Value;
            var full = field.EndsWith(name, StringComparison.Ordinal) ? field : field.Length > 0 ? $"{field}.{name}" : name;
            return (full, $"'{name}' is not a field of this request.");
        }

        if (message.Contains("could not be converted to", StringComparison.Ordinal))
        {
            return (field, TypeOf(message));
        }

        // Broken JSON: the reader's own words (positions, tokens) name no .NET type; keep the first sentence.
        var end = message.IndexOf(". ", StringComparison.Ordinal);
        return (field, end > 0 ? message[..(end + 1)] : message);
    }

    /// <summary><c>$.lines[0].quantity</c> → <c>lines[0].quantity</c>; <c>$</c> → empty.</summary>
    public static string FieldOf(string? path) =>
        path is null or "$" ? "" : path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path.TrimStart('$');

    private static string TypeOf(string message) =>
        message switch
        {
            _ when message.Contains("System.Collections", StringComparison.Ordinal) || message.Contains("[]", StringComparison.Ordinal) => "must be an array.",
            _ when message.Contains("System.Decimal", StringComparison.Ordinal) || message.Contains("System.Double", StringComparison.Ordinal) =>
                "must be a number.",
            _ when message.Contains("System.Int", StringComparison.Ordinal) => "must be a whole number.",
            _ when message.Contains("System.DateOnly", StringComparison.Ordinal) => "must be a date (yyyy-MM-dd).",
            _ when message.Contains("System.DateTime", StringComparison.Ordinal) => "must be a date and time (ISO 8601).",
            _ when message.Contains("System.Boolean", StringComparison.Ordinal) => "must be true or false.",
            _ when message.Contains("System.Guid", StringComparison.Ordinal) => "must be an id (a GUID).",
            _ when message.Contains("System.String", StringComparison.Ordinal) => "must be text.",
            _ => "has a value of the wrong kind.",
        };

    [GeneratedRegex("^The JSON property '(?<name>[^']*)'")]
    private static partial Regex UnknownProperty();
}

/// <summary>A JSON number a decimal field cannot hold: the client gets the field's range, not an overflow.</summary>
internal sealed class OutOfRangeNumberException(string reason) : JsonException(reason)
{
    public string Reason { get; } = reason;
}

/// <summary>
/// Decimals of request bodies: JSON numbers only (strict, as the rest of the API), and a number beyond what a decimal
/// holds (1e30) is refused with the range every amount and quantity field takes (<see cref="Validation.MaxMagnitude"/>).
/// Written as plain numbers.
/// </summary>
internal sealed class ApiDecimalConverter : JsonConverter<decimal>
{
    public override decimal Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.Number)
        {
            throw new JsonException(); // the serializer words it ("could not be converted") and adds the path
        }

        return reader.TryGetDecimal(out var value)
            ? value
            : throw new OutOfRangeNumberException(Validation.RangeReason);
    }

    public override void Write(Utf8JsonWriter writer, decimal value, JsonSerializerOptions options) => writer.WriteNumberValue(value);
}
