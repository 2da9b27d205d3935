namespace Saas.Web.Components;

/// <summary>BC's blocked words as people read them: " " is "not blocked", the others limit what may be done.</summary>
internal static class Blocking
{
    public static bool IsBlocked(string? word) => !string.IsNullOrWhiteSpace(word);

    public static string Caption(string word) => string.IsNullOrWhiteSpace(word) ? "(not blocked)" : word;

    public static string CustomerMeaning(string word) => word.Trim() switch
    {
        "Ship" => "no new shipments.",
        "Invoice" => "no new invoices or shipments.",
        _ => "no new documents of any kind.",
    };

    public static string VendorMeaning(string word) => word.Trim() switch
    {
        "Payment" => "no new payments.",
        _ => "no new documents of any kind.",
    };
}
