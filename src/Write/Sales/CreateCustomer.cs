using Microsoft.EntityFrameworkCore;
using Saas.Contracts.MasterData;
using Saas.Write.Common;
using Saas.Write.Setup;

namespace Saas.Write.Sales;

/// <summary>Create a customer card. Without a number, the next number of the CUST series is used.</summary>
public sealed record CreateCustomer
{
    public string? Number { get; init; }
    public required string DisplayName { get; init; }
    public AddressInput? Address { get; init; }
    public string PhoneNumber { get; init; } = "";
    public string Email { get; init; } = "";

    /// <summary>Empty = the company's local currency (LCY), as in BC.</summary>
    public string CurrencyCode { get; init; } = "";

    public string PaymentTermsCode { get; init; } = "";
    public decimal CreditLimit { get; init; }
    public CustomerBlocked Blocked { get; init; } = CustomerBlocked.None;
    public ShippingAdvice ShippingAdvice { get; init; } = ShippingAdvice.Partial;

    public void Validate()
    {
        var v = new Validation();
        v.MaxLength("number", Number?.Trim(), Customer.NumberLength);
        v.Required("displayName", DisplayName?.Trim(), Customer.DisplayNameLength);
        PartnerCard.ValidateContact(v, Address, PhoneNumber, Email, CurrencyCode, PaymentTermsCode);
        v.NotNegative("creditLimit", CreditLimit);
        v.Defined("blocked", (CustomerBlocked?)Blocked);
        v.Defined("shippingAdvice", (ShippingAdvice?)ShippingAdvice);
        v.ThrowIfInvalid();
    }
}

public sealed class CreateCustomerHandler(WriteDbContext db, NumberSeries numbers, TimeProvider clock)
{
    public Task<CommandResult<CustomerChanged>> HandleAsync(CreateCustomer command, CancellationToken cancellationToken = default)
    {
        command.Validate();
        return SaveErrors.RetryOnConcurrencyAsync(db, () => TryCreateAsync(command, cancellationToken));
    }

    private async Task<CommandResult<CustomerChanged>> TryCreateAsync(CreateCustomer command, CancellationToken cancellationToken)
    {
        var number = Codes.Normalize(command.Number);
        var fromSeries = number.Length == 0;
        if (number.Length == 0)
        {
            number = await numbers.TakeNextAsync(NoSeries.Customers, "number", IsFreeAsync, cancellationToken);
        }
        else if (!await IsFreeAsync(number))
        {
            throw new ConflictException("number", $"Customer {number} already exists.");
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var customer = new Customer
        {
            TenantId = db.CurrentTenantId,
            Id = Guid.CreateVersion7(now),
            Number = number,
            DisplayName = command.DisplayName.Trim(),
            CreditLimit = command.CreditLimit,
            Blocked = command.Blocked,
            ShippingAdvice = command.ShippingAdvice,
            LastModifiedUtc = now,
            Version = 1,
        };
        customer.ChangeContact(command.Address, command.PhoneNumber, command.Email, command.CurrencyCode, command.PaymentTermsCode);
        db.Customers.Add(customer);
        var snapshot = customer.ToEvent();
        var position = db.Enqueue(snapshot, now);
        await WriteSaves.SaveNewAsync(db, "number", $"Customer {number} already exists.", cancellationToken, numberFromSeries: fromSeries);
        return new CommandResult<CustomerChanged>(snapshot, position);

        Task<bool> IsFreeAsync(string candidate) =>
            IsFree(db.Customers.AnyAsync(c => c.Number == candidate, cancellationToken));
    }

    // Any(number == x) is an index seek on (tenant_id, number); All(number != x) compiles to a scan.
    private static async Task<bool> IsFree(Task<bool> taken) => !await taken;
}
