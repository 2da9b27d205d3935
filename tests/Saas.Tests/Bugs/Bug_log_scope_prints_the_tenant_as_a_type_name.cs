using Saas.Tenancy.Context;

namespace Saas.Tests.Bugs;

/// <summary>
/// The one-line console formatter prints a scope with ToString: the tenant scope was a dictionary and printed
/// "System.Collections.Generic.Dictionary`2[…]". A <see cref="LogScope"/> prints its pairs and still hands them to
/// structured formatters one by one.
/// </summary>
public sealed class Bug_log_scope_prints_the_tenant_as_a_type_name
{
    [Fact]
    public void a_scope_prints_its_pairs_and_enumerates_them()
    {
        var tenant = Guid.Parse("7d24b36b-46c4-4dc1-9a63-b06bc1762c0f");
        var scope = new LogScope(("TenantId", tenant), ("Tenant", "contoso"));

        Assert.Equal("TenantId:7d24b36b-46c4-4dc1-9a63-b06bc1762c0f Tenant:contoso", scope.ToString());
        Assert.Equal([new("TenantId", tenant), new("Tenant", "contoso")], scope.ToList());
    }
}
