using Saas.Identity;
using Saas.Tests.Hosting;
using static Saas.Tests.People.PeopleSteps;

namespace Saas.Tests.People;

/// <summary>
/// A person invited twice accepted one link; every other link of theirs to the company stayed redeemable, so after an
/// administrator demoted them the older mail's link made them Administrator again. Accepting one invitation must spend
/// the person's other invitations to the same company.
/// </summary>
public abstract class Bug_an_earlier_invitation_link_gave_a_demoted_person_their_role_back<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : SaasFactory, IMailAndClock
{
    [Fact]
    public async Task the_other_links_stop_working_once_one_is_accepted()
    {
        var anna = await factory.SignedInAsync("anna@contoso.example", "contoso");
        var contoso = await anna.CompanyIdAsync();
        var email = UniqueEmail("twice");
        (await anna.InviteAsync(contoso, email, "Administrator")).EnsureSuccessStatusCode();
        var first = await factory.Smtp.InvitationLinkAsync(email);
        (await anna.InviteAsync(contoso, email, "Administrator")).EnsureSuccessStatusCode();
        var second = await factory.Smtp.InvitationLinkAsync(email, except: first);

        Assert.Equal("/account/login?invitation=accepted", (await factory.AcceptLinkAsync(second)).Headers.Location?.OriginalString);
        var id = (await anna.PersonAsync(contoso, email))!.Value.GetProperty("id").GetGuid();
        (await anna.PatchJsonAsync($"{CompanyRoute(contoso)}/people({id})", new { role = "ReadOnly" })).EnsureSuccessStatusCode();

        Assert.Contains("error=token", (await factory.AcceptLinkAsync(first)).Headers.Location?.OriginalString);
        Assert.Equal(SaasRoles.ReadOnly, (await anna.PersonAsync(contoso, email))!.Value.GetProperty("role").GetString());
        Assert.Null((await anna.InvitationsAsync(contoso, $"?$search={Uri.EscapeDataString(email)}")).InvitationFor(email));
    }
}

public sealed class Bug_an_earlier_invitation_link_gave_a_demoted_person_their_role_back_on_sqlite(PeopleFactory factory)
    : Bug_an_earlier_invitation_link_gave_a_demoted_person_their_role_back<PeopleFactory>(factory);

public sealed class Bug_an_earlier_invitation_link_gave_a_demoted_person_their_role_back_on_postgres(PostgresPeopleFactory factory)
    : Bug_an_earlier_invitation_link_gave_a_demoted_person_their_role_back<PostgresPeopleFactory>(factory);
