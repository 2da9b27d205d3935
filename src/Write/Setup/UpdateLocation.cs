using Microsoft.EntityFrameworkCore;
using Saas.Contracts.MasterData;
using Saas.Write.Common;

namespace Saas.Write.Setup;

/// <summary>Change a location (PATCH semantics: null = unchanged); <see cref="ExpectedVersion"/> is the ETag's version.</summary>
public sealed record UpdateLocation
{
    public required Guid Id { get; init; }
    public long? ExpectedVersion { get; init; }
    public string? Code { get; init; }
    public string? DisplayName { get; init; }
    public AddressInput? Address { get; init; }
    public bool? UseAsInTransit { get; init; }

    public void Validate()
    {
        var v = new Validation();
        if (Code is not null)
        {
            v.Required("code", Code.Trim(), Location.CodeLength);
        }

        if (DisplayName is not null)
        {
            v.Required("displayName", DisplayName.Trim(), Location.DisplayNameLength);
        }

        AddressInput.Validate(v, Address);
        v.ThrowIfInvalid();
    }
}

public sealed class UpdateLocationHandler(WriteDbContext db, TimeProvider clock)
{
    public async Task<CommandResult<LocationChanged>> HandleAsync(UpdateLocation command, CancellationToken cancellationToken = default)
    {
        command.Validate();
        var location = await db.Locations.SingleOrDefaultAsync(l => l.Id == command.Id, cancellationToken)
            ?? throw new NotFoundException("Location", command.Id);
        if (command.ExpectedVersion is { } expected && expected != location.Version)
        {
            throw new ConcurrencyException("Location", expected, location.Version);
        }

        var code = Codes.NormalizeOrNull(command.Code);
        if (code is not null && code != location.Code
            && await db.Locations.AnyAsync(l => l.Code == code && l.Id != location.Id, cancellationToken))
        {
            throw new ConflictException("code", $"Location {code} already exists.");
        }

        if (command.UseAsInTransit is { } inTransit && inTransit != location.UseAsInTransit)
        {
            await RefuseInTransitChangeAsync(location.Code, cancellationToken);
        }

        location.Code = code ?? location.Code;
        location.DisplayName = command.DisplayName?.Trim() ?? location.DisplayName;
        AddressInput.Apply(command.Address, location);
        location.UseAsInTransit = command.UseAsInTransit ?? location.UseAsInTransit;

        var now = clock.GetUtcNow().UtcDateTime;
        location.LastModifiedUtc = now;
        location.Version++;
        var snapshot = location.ToEvent();
        var position = db.Enqueue(snapshot, now);
        await WriteSaves.SaveChangesAsync(db, "Location", command.ExpectedVersion, location.Version - 1, "code", $"Location {location.Code} already exists.", cancellationToken);
        return new CommandResult<LocationChanged>(snapshot, position);
    }

    /// <summary>
    /// BC refuses to change Use As In-Transit once entries exist: goods posted at a warehouse would suddenly be
    /// "on the road" (or the other way round), and an open transfer order would route through a location of the
    /// wrong kind.
    /// </summary>
    private async Task RefuseInTransitChangeAsync(string code, CancellationToken cancellationToken)
    {
        if (await db.ItemLedgerEntries.AnyAsync(e => e.LocationCode == code, cancellationToken))
        {
            throw ValidationFailedException.For("useAsInTransit", $"cannot be changed: item ledger entries exist for location {code}.");
        }

        if (await db.TransferHeaders.AnyAsync(h => h.TransferFromCode == code || h.TransferToCode == code || h.InTransitCode == code, cancellationToken))
        {
            throw ValidationFailedException.For("useAsInTransit", $"cannot be changed: location {code} is used on open transfer orders.");
        }
    }
}
