namespace Saas.Identity;

/// <summary>
/// Refused input to <see cref="IdentityAdministration"/>: names the field and why, so that callers
/// (onboarding forms, the API) can show the reason next to the right input.
/// </summary>
public sealed class IdentityValidationException(string field, string reason)
    : Exception($"{field}: {reason}")
{
    public string Field { get; } = field;
    public string Reason { get; } = reason;
}
