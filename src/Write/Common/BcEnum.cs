using System.Collections.Frozen;
using System.Reflection;

namespace Saas.Write.Common;

/// <summary>The word Business Central shows (and its API accepts) for an enum member, plus accepted aliases.</summary>
[AttributeUsage(AttributeTargets.Field)]
public sealed class BcWordAttribute(string word, params string[] aliases) : Attribute
{
    public string Word { get; } = word;
    public string[] Aliases { get; } = aliases;
}

/// <summary>
/// A text property that carries an enum as BC's word (<c>"Positive Adjmt."</c>): the API documents the allowed words
/// (OpenAPI <c>enum</c>) from it, so responses, requests and the document share one vocabulary.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class BcWordsOfAttribute(Type enumType) : Attribute
{
    public Type EnumType { get; } = enumType;

    public IReadOnlyList<string> Words =>
        (IReadOnlyList<string>)typeof(BcEnum).GetMethod(nameof(BcEnum.WordsOf))!.MakeGenericMethod(EnumType).Invoke(null, null)!;
}

/// <summary>
/// Converts enums to and from BC's words ("Non-Inventory", " " for not blocked) so that the API, the events
/// and the UI use the words users know from BC, while C# code keeps typed enums.
/// </summary>
public static class BcEnum
{
    public static string ToWord<TEnum>(TEnum value)
        where TEnum : struct, Enum =>
        Words<TEnum>.ByValue.TryGetValue(value, out var word) ? word : value.ToString();

    /// <summary>Parses a BC word (case-insensitive, aliases included); false for anything else.</summary>
    public static bool TryParse<TEnum>(string? word, out TEnum value)
        where TEnum : struct, Enum
    {
        // " " is a real BC word (not blocked); only surrounding blanks of other words are noise.
        var key = word is null ? null : (word.Trim().Length == 0 ? " " : word.Trim());
        if (key is not null && Words<TEnum>.ByWord.TryGetValue(key, out value))
        {
            return true;
        }

        value = default;
        return false;
    }

    /// <summary>Parses a BC word or throws a validation error naming the field and the allowed words.</summary>
    public static TEnum Parse<TEnum>(string field, string? word)
        where TEnum : struct, Enum =>
        TryParse<TEnum>(word, out var value)
            ? value
            : throw ValidationFailedException.For(field, $"'{word}' is not one of {Allowed<TEnum>()}.");

    /// <summary>Every word of the enum, in declaration order.</summary>
    public static IReadOnlyList<string> WordsOf<TEnum>()
        where TEnum : struct, Enum =>
        Enum.GetValues<TEnum>().Select(ToWord).ToList();

    public static string Allowed<TEnum>()
        where TEnum : struct, Enum =>
        string.Join(", ", Words<TEnum>.ByValue.Values.Select(w => w == " " ? "\" \"" : w));

    private static class Words<TEnum>
        where TEnum : struct, Enum
    {
        public static readonly FrozenDictionary<TEnum, string> ByValue;
        public static readonly FrozenDictionary<string, TEnum> ByWord;

        static Words()
        {
            var byValue = new Dictionary<TEnum, string>();
            var byWord = new Dictionary<string, TEnum>(StringComparer.OrdinalIgnoreCase);
            foreach (var field in typeof(TEnum).GetFields(BindingFlags.Public | BindingFlags.Static))
            {
                var value = (TEnum)field.GetValue(null)!;
                var attribute = field.GetCustomAttribute<BcWordAttribute>();
                var word = attribute?.Word ?? field.Name;
                byValue[value] = word;
                byWord[word] = value;
                byWord.TryAdd(field.Name, value);
                foreach (var alias in attribute?.Aliases ?? [])
                {
                    byWord[alias] = value;
                }
            }

            ByValue = byValue.ToFrozenDictionary();
            ByWord = byWord.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
        }
    }
}
