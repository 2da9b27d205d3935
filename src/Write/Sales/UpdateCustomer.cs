using Microsoft.EntityFrameworkCore;
using Saas.Contracts.MasterData;
using Saas.Write.Common;

namespace Saas.Write.Sales;

/// <summary>
/// Change a customer card (PATCH semantics: null = unchanged). Blocking (Ship / Invoice / All) is a change of
/// <see cref="Blocked"/>. <see cref="ExpectedVersion"/> is the ETag's version; null skips the check.
/// </summary>
public sealed record UpdateCustomer
{
    public required Guid Id { get; init; }
    public long? ExpectedVersion { get; init; }
    public string? Number { get; init; }
    public string? DisplayName { get; init; }
    public AddressInput? Address { get; init; }
    public string? PhoneNumber { get; init; }
    public string? Email { get; init; }
    public string? CurrencyCode { get; init; }
    public string? PaymentTermsCode { get; init; }
    public decimal? CreditLimit { get; init; }
    public CustomerBlocked? Blocked { get; init; }
    public ShippingAdvice? ShippingAdvice { get; init; }

    public void Validate()
    {
        var v = new Validation();
        if (Number is not null)
        {
            v.Required("number", Number.Trim(), Customer.NumberLength);
        }

        if (DisplayName is not null)
        {
            v.Required("displayName", DisplayName.Trim(), Customer.DisplayNameLength);
        }

        PartnerCard.ValidateContact(v, Address, PhoneNumber, Email, CurrencyCode, PaymentTermsCode);
        v.NotNegative("creditLimit", CreditLimit);
        v.Defined("blocked", Blocked);
        v.Defined("shippingAdvice", ShippingAdvice);
        v.ThrowIfInvalid();
    }
}

public sealed class UpdateCustomerHandler(WriteDbContext db, TimeProvider clock)
{
    public async Task<CommandResult<CustomerChanged>> HandleAsync(UpdateCustomer command, CancellationToken cancellationToken = default)
    {
        command.Validate();
        var customer = await db.Customers.SingleOrDefaultAsync(c => c.Id == command.Id, cancellationToken)
            ?? throw new NotFoundException("Customer", command.Id);
        if (command.ExpectedVersion is { } expected && expected != customer.Version)
        {
            throw new ConcurrencyException("Customer", expected, customer.Version);
        }

        var number = Codes.NormalizeOrNull(command.Number);
        if (number is not null && number != customer.Number
            && await db.Customers.AnyAsync(c => c.Number == number && c.Id != customer.Id, cancellationToken))
        {
            throw new ConflictException("number", $"Customer {number} already exists.");
        }

        customer.Number = number ?? customer.Number;
        customer.DisplayName = command.DisplayName?.Trim() ?? customer.DisplayName;
        customer.ChangeContact(command.Address, command.PhoneNumber, command.Email, command.CurrencyCode, command.PaymentTermsCode);
        customer.CreditLimit = command.CreditLimit ?? customer.CreditLimit;
        customer.Blocked = command.Blocked ?? customer.Blocked;
        customer.ShippingAdvice = command.ShippingAdvice ?? customer.ShippingAdvice;

        var now = clock.GetUtcNow().UtcDateTime;
        customer.LastModifiedUtc = now;
        customer.Version++;
        var snapshot = customer.ToEvent();
        var position = db.Enqueue(snapshot, now);
        await WriteSaves.SaveChangesAsync(db, "Customer", command.ExpectedVersion, customer.Version - 1, "number", $"Customer {customer.Number} already exists.", cancellationToken);
        return new CommandResult<CustomerChanged>(snapshot, position);
    }
}
