using Saas.Tenancy.Storage;

namespace Saas.Write.Workspace;

/// <summary>
/// A person's named filters of one list (BC's saved views): the list's path and its query string. Per company and per
/// person; nobody else sees it, not even the company's administrator.
/// </summary>
public sealed class SavedView : ITenantOwned
{
    public const int NameLength = 50;
    public const int ListLength = 100;
    public const int QueryLength = 2000;

    public Guid TenantId { get; set; }
    public Guid Id { get; init; }
    public Guid UserId { get; init; }

    /// <summary>The list page's path, e.g. <c>/items</c>.</summary>
    public string List { get; init; } = "";

    public string Name { get; set; } = "";

    /// <summary>The list's query string without the paging offset (<c>?f.unitPrice=10..20&amp;top=50</c>).</summary>
    public string Query { get; set; } = "";

    public DateTime CreatedUtc { get; set; }
}
