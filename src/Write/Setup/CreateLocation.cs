using Microsoft.EntityFrameworkCore;
using Saas.Contracts.MasterData;
using Saas.Write.Common;

namespace Saas.Write.Setup;

/// <summary>Create a location. BC has no number series for locations: the code is always typed.</summary>
public sealed record CreateLocation
{
    public required string Code { get; init; }
    public required string DisplayName { get; init; }
    public AddressInput? Address { get; init; }
    public bool UseAsInTransit { get; init; }

    public void Validate()
    {
        var v = new Validation();
        v.Required("code", Code?.Trim(), Location.CodeLength);
        v.Required("displayName", DisplayName?.Trim(), Location.DisplayNameLength);
        AddressInput.Validate(v, Address);
        v.ThrowIfInvalid();
    }
}

public sealed class CreateLocationHandler(WriteDbContext db, TimeProvider clock, Finance.Setup.DefaultFinanceSetup finance)
{
    public async Task<CommandResult<LocationChanged>> HandleAsync(CreateLocation command, CancellationToken cancellationToken = default)
    {
        command.Validate();
        var code = Codes.Normalize(command.Code);
        if (await db.Locations.AnyAsync(l => l.Code == code, cancellationToken))
        {
            throw new ConflictException("code", $"Location {code} already exists.");
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var location = new Location
        {
            TenantId = db.CurrentTenantId,
            Id = Guid.CreateVersion7(now),
            Code = code,
            DisplayName = command.DisplayName.Trim(),
            UseAsInTransit = command.UseAsInTransit,
            LastModifiedUtc = now,
            Version = 1,
        };
        AddressInput.Apply(command.Address, location);
        db.Locations.Add(location);

        // Goods can be posted at (or transferred to) a new location at once, with the default accounts.
        await finance.AddInventoryPostingSetupAsync([code], cancellationToken, inTransit: command.UseAsInTransit ? [code] : []);
        var snapshot = location.ToEvent();
        var position = db.Enqueue(snapshot, now);
        await WriteSaves.SaveNewAsync(db, "code", $"Location {code} already exists.", cancellationToken);
        return new CommandResult<LocationChanged>(snapshot, position);
    }
}
