using Microsoft.EntityFrameworkCore;
using Saas.Contracts.MasterData;
using Saas.Write.Common;
using Saas.Write.Setup;

namespace Saas.Write.Purchasing;

/// <summary>Create a vendor card. Without a number, the next number of the VEND series is used.</summary>
public sealed record CreateVendor
{
    public string? Number { get; init; }
    public required string DisplayName { get; init; }
    public AddressInput? Address { get; init; }
    public string PhoneNumber { get; init; } = "";
    public string Email { get; init; } = "";

    /// <summary>Empty = the company's local currency (LCY), as in BC.</summary>
    public string CurrencyCode { get; init; } = "";

    public string PaymentTermsCode { get; init; } = "";
    public VendorBlocked Blocked { get; init; } = VendorBlocked.None;

    public void Validate()
    {
        var v = new Validation();
        v.MaxLength("number", Number?.Trim(), Vendor.NumberLength);
        v.Required("displayName", DisplayName?.Trim(), Vendor.DisplayNameLength);
        PartnerCard.ValidateContact(v, Address, PhoneNumber, Email, CurrencyCode, PaymentTermsCode);
        v.Defined("blocked", (VendorBlocked?)Blocked);
        v.ThrowIfInvalid();
    }
}

public sealed class CreateVendorHandler(WriteDbContext db, NumberSeries numbers, TimeProvider clock)
{
    public Task<CommandResult<VendorChanged>> HandleAsync(CreateVendor command, CancellationToken cancellationToken = default)
    {
        command.Validate();
        return SaveErrors.RetryOnConcurrencyAsync(db, () => TryCreateAsync(command, cancellationToken));
    }

    private async Task<CommandResult<VendorChanged>> TryCreateAsync(CreateVendor command, CancellationToken cancellationToken)
    {
        var number = Codes.Normalize(command.Number);
        var fromSeries = number.Length == 0;
        if (number.Length == 0)
        {
            number = await numbers.TakeNextAsync(NoSeries.Vendors, "number", IsFreeAsync, cancellationToken);
        }
        else if (!await IsFreeAsync(number))
        {
            throw new ConflictException("number", $"Vendor {number} already exists.");
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var vendor = new Vendor
        {
            TenantId = db.CurrentTenantId,
            Id = Guid.CreateVersion7(now),
            Number = number,
            DisplayName = command.DisplayName.Trim(),
            Blocked = command.Blocked,
            LastModifiedUtc = now,
            Version = 1,
        };
        vendor.ChangeContact(command.Address, command.PhoneNumber, command.Email, command.CurrencyCode, command.PaymentTermsCode);
        db.Vendors.Add(vendor);
        var snapshot = vendor.ToEvent();
        var position = db.Enqueue(snapshot, now);
        await WriteSaves.SaveNewAsync(db, "number", $"Vendor {number} already exists.", cancellationToken, numberFromSeries: fromSeries);
        return new CommandResult<VendorChanged>(snapshot, position);

        Task<bool> IsFreeAsync(string candidate) =>
            IsFree(db.Vendors.AnyAsync(v => v.Number == candidate, cancellationToken));
    }

    // Any(number == x) is an index seek on (tenant_id, number); All(number != x) compiles to a scan.
    private static async Task<bool> IsFree(Task<bool> taken) => !await taken;
}
