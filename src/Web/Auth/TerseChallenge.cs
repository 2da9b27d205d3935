using OpenIddict.Validation;
using static OpenIddict.Validation.AspNetCore.OpenIddictValidationAspNetCoreHandlers;
using static OpenIddict.Validation.OpenIddictValidationEvents;

namespace Saas.Web.Auth;

/// <summary>
/// A refused bearer token gets <c>WWW-Authenticate: Bearer error="invalid_token"</c> and nothing more: why it
/// failed (expired, bad signature, unknown key, revoked) helps whoever forges tokens, not a legitimate client,
/// which only needs to know it must get a new one.
/// </summary>
public sealed class TerseChallenge : IOpenIddictValidationHandler<ProcessChallengeContext>
{
    public static OpenIddictValidationHandlerDescriptor Descriptor { get; } =
        OpenIddictValidationHandlerDescriptor.CreateBuilder<ProcessChallengeContext>()
            .UseSingletonHandler<TerseChallenge>()
            .SetOrder(AttachWwwAuthenticateHeader<ProcessChallengeContext>.Descriptor.Order - 1)
            .SetType(OpenIddictValidationHandlerType.Custom)
            .Build();

    public ValueTask HandleAsync(ProcessChallengeContext context)
    {
        context.Response.ErrorDescription = null;
        context.Response.ErrorUri = null;
        return ValueTask.CompletedTask;
    }
}
