using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Saas.Web.Hosting;

/// <summary>
/// Refuses control characters in every text of every JSON body sent to <c>/api</c>: NUL and the other C0 controls
/// (tab and line breaks included: no field of the API is multi-line), DEL, the C1 controls, and the bidirectional
/// overrides and isolates (U+202A–U+202E, U+2066–U+2069) that make a name display as something else
/// (<c>"\u202eevil"</c>). One check for all endpoints, before any of them binds the body: the answer is a 400
/// problem naming each offending field by its JSON path (<c>lines[1].description</c>), and nothing is written.
/// A body that is not valid JSON is left to the endpoint, which reports it in its own words.
/// </summary>
public sealed class ControlCharacters(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext http, IProblemDetailsService problems)
    {
        var request = http.Request;
        if (!request.Path.StartsWithSegments("/api") || !request.HasJsonContentType() || HttpMethods.IsGet(request.Method))
        {
            await next(http);
            return;
        }

        request.EnableBuffering();
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, http.RequestAborted);
        request.Body.Position = 0;

        var refused = Find(new ReadOnlySequence<byte>(buffer.GetBuffer(), 0, (int)buffer.Length));
        if (refused.Count == 0)
        {
            await next(http);
            return;
        }

        http.Response.StatusCode = StatusCodes.Status400BadRequest;
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            ProblemDetails = new HttpValidationProblemDetails(refused)
            {
                Status = StatusCodes.Status400BadRequest,
                Title = "The input is not valid.",
                Detail = "Text must not contain control characters or direction overrides.",
            },
        });
    }

    /// <summary>The fields (JSON paths) whose names or values hold a refused character, with the reason.</summary>
    public static Dictionary<string, string[]> Find(ReadOnlySequence<byte> json)
    {
        var refused = new Dictionary<string, string[]>();
        var reader = new Utf8JsonReader(json, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, MaxDepth = 64 });
        var path = new JsonPathTracker();
        try
        {
            while (reader.Read())
            {
                switch (reader.TokenType)
                {
                    case JsonTokenType.PropertyName:
                        var name = reader.GetString()!;
                        path.Property(name);
                        Check(name, path.Current, refused);
                        break;
                    case JsonTokenType.String:
                        path.Value();
                        Check(reader.GetString()!, path.Current, refused);
                        path.ValueDone();
                        break;
                    case JsonTokenType.StartObject:
                    case JsonTokenType.StartArray:
                        path.Value();
                        path.Open(reader.TokenType == JsonTokenType.StartArray);
                        break;
                    case JsonTokenType.EndObject:
                    case JsonTokenType.EndArray:
                        path.Close();
                        path.ValueDone();
                        break;
                    default:
                        path.Value();
                        path.ValueDone();
                        break;
                }
            }
        }
        catch (JsonException)
        {
            // Broken JSON: the endpoint's own binding reports it, naming the place.
        }

        return refused;
    }

    /// <summary>The first refused character of <paramref name="text"/>, or null.</summary>
    public static Rune? FirstRefused(string text)
    {
        foreach (var rune in text.EnumerateRunes())
        {
            if (IsRefused(rune.Value))
            {
                return rune;
            }
        }

        return null;
    }

    public static bool IsRefused(int c) =>
        c < 0x20 || (c >= 0x7F && c <= 0x9F) || (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069);

    private static void Check(string text, string field, Dictionary<string, string[]> refused)
    {
        if (FirstRefused(text) is { } rune)
        {
            refused[field.Length > 0 ? field : "body"] =
                [$"Must not contain control characters or direction overrides (found U+{rune.Value.ToString("X4", CultureInfo.InvariantCulture)})."];
        }
    }

    /// <summary>The JSON path of the token being read, in the API's notation (<c>lines[1].itemNumber</c>).</summary>
    private sealed class JsonPathTracker
    {
        private readonly List<Level> levels = [];

        public string Current
        {
            get
            {
                var text = new StringBuilder();
                foreach (var level in levels)
                {
                    if (level.IsArray)
                    {
                        if (level.Index >= 0)
                        {
                            text.Append('[').Append(level.Index.ToString(CultureInfo.InvariantCulture)).Append(']');
                        }
                    }
                    else if (level.Name is { } name)
                    {
                        if (text.Length > 0)
                        {
                            text.Append('.');
                        }

                        text.Append(name);
                    }
                }

                return text.ToString();
            }
        }

        public void Open(bool isArray) => levels.Add(new Level(isArray));

        public void Close() => levels.RemoveAt(levels.Count - 1);

        public void Property(string name) => levels[^1].Name = name;

        /// <summary>A value starts: in an array it is the next element.</summary>
        public void Value()
        {
            if (levels.Count > 0 && levels[^1].IsArray)
            {
                levels[^1].Index++;
            }
        }

        /// <summary>A value ended: in an object, the next token is a property name again.</summary>
        public void ValueDone()
        {
            if (levels.Count > 0 && !levels[^1].IsArray)
            {
                levels[^1].Name = null;
            }
        }

        private sealed class Level(bool isArray)
        {
            public bool IsArray { get; } = isArray;
            public int Index { get; set; } = -1;
            public string? Name { get; set; }
        }
    }
}
