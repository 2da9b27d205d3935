using Microsoft.EntityFrameworkCore;

namespace Saas.Tenancy.Storage;

public enum SchemaHome
{
    /// <summary>The single service-wide catalog database.</summary>
    Catalog,

    /// <summary>Every data database: the pooled one and each siloed tenant's.</summary>
    Data,
}

/// <summary>
/// A module's schema: how to build its DbContext against a given (owner) connection string, so the
/// migrator can migrate it wherever it lives. Register one per DbContext as a singleton.
/// </summary>
public sealed record SchemaRegistration(string Name, SchemaHome Home, int Order, Func<string, DbContext> CreateContext);
