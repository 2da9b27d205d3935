using Microsoft.EntityFrameworkCore;
using Saas.Contracts.MasterData;
using Saas.Write.Common;

namespace Saas.Write.Purchasing;

/// <summary>
/// Change a vendor card (PATCH semantics: null = unchanged). Blocking (Payment / All) is a change of
/// <see cref="Blocked"/>. <see cref="ExpectedVersion"/> is the ETag's version; null skips the check.
/// </summary>
public sealed record UpdateVendor
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
    public VendorBlocked? Blocked { get; init; }

    public void Validate()
    {
        var v = new Validation();
        if (Number is not null)
        {
            v.Required("number", Number.Trim(), Vendor.NumberLength);
        }

        if (DisplayName is not null)
        {
            v.Required("displayName", DisplayName.Trim(), Vendor.DisplayNameLength);
        }

        PartnerCard.ValidateContact(v, Address, PhoneNumber, Email, CurrencyCode, PaymentTermsCode);
        v.Defined("blocked", Blocked);
        v.ThrowIfInvalid();
    }
}

public sealed class UpdateVendorHandler(WriteDbContext db, TimeProvider clock)
{
    public async Task<CommandResult<VendorChanged>> HandleAsync(UpdateVendor command, CancellationToken cancellationToken = default)
    {
        command.Validate();
        var vendor = await db.Vendors.SingleOrDefaultAsync(v => v.Id == command.Id, cancellationToken)
            ?? throw new NotFoundException("Vendor", command.Id);
        if (command.ExpectedVersion is { } expected && expected != vendor.Version)
        {
            throw new ConcurrencyException("Vendor", expected, vendor.Version);
        }

        var number = Codes.NormalizeOrNull(command.Number);
        if (number is not null && number != vendor.Number
            && await db.Vendors.AnyAsync(v => v.Number == number && v.Id != vendor.Id, cancellationToken))
        {
            throw new ConflictException("number", $"Vendor {number} already exists.");
        }

        vendor.Number = number ?? vendor.Number;
        vendor.DisplayName = command.DisplayName?.Trim() ?? vendor.DisplayName;
        vendor.ChangeContact(command.Address, command.PhoneNumber, command.Email, command.CurrencyCode, command.PaymentTermsCode);
        vendor.Blocked = command.Blocked ?? vendor.Blocked;

        var now = clock.GetUtcNow().UtcDateTime;
        vendor.LastModifiedUtc = now;
        vendor.Version++;
        var snapshot = vendor.ToEvent();
        var position = db.Enqueue(snapshot, now);
        await WriteSaves.SaveChangesAsync(db, "Vendor", command.ExpectedVersion, vendor.Version - 1, "number", $"Vendor {vendor.Number} already exists.", cancellationToken);
        return new CommandResult<VendorChanged>(snapshot, position);
    }
}
