namespace Saas.Web.Components;

/// <summary>Marks a page whose form posts elsewhere, so its path serves GET only (see UiSetup).</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class GetOnlyPageAttribute : Attribute;
