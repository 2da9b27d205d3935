using Microsoft.EntityFrameworkCore;
using Saas.Write.Common;

namespace Saas.Write.Inventory.Transfers;

/// <summary>
/// BC's rules for the three locations of a transfer: from and to are real, different locations; the goods travel
/// through a location marked "Use As In-Transit". Checked when the order is saved and again when it posts.
/// </summary>
internal static class TransferLocations
{
    public static string Show(decimal quantity) => Quantities.Show(quantity);

    public static async Task CheckAsync(WriteDbContext db, TransferHeader header, Validation v, CancellationToken cancellationToken)
    {
        var codes = new[] { header.TransferFromCode, header.TransferToCode, header.InTransitCode }.Where(c => c.Length > 0).Distinct().ToList();
        var found = await db.Locations.AsNoTracking().Where(l => codes.Contains(l.Code))
            .ToDictionaryAsync(l => l.Code, l => l.UseAsInTransit, cancellationToken);

        void Real(string field, string code, string caption)
        {
            if (code.Length == 0)
            {
                v.Add(field, "is required.");
            }
            else if (!found.TryGetValue(code, out var inTransit))
            {
                v.Add(field, $"Location {code} does not exist.");
            }
            else if (inTransit)
            {
                v.Add(field, $"Location {code} is an in-transit location and cannot be the {caption} location of a transfer.");
            }
        }

        Real("transferFromCode", header.TransferFromCode, "from");
        Real("transferToCode", header.TransferToCode, "to");
        if (header.TransferFromCode.Length > 0 && header.TransferFromCode == header.TransferToCode)
        {
            v.Add("transferToCode", "must differ from the transfer-from code.");
        }

        if (header.InTransitCode.Length == 0)
        {
            v.Add("inTransitCode", "is required.");
        }
        else if (!found.TryGetValue(header.InTransitCode, out var transit))
        {
            v.Add("inTransitCode", $"Location {header.InTransitCode} does not exist.");
        }
        else if (!transit)
        {
            v.Add("inTransitCode", $"Location {header.InTransitCode} is not an in-transit location (Use As In-Transit).");
        }

        if (header.ReceiptDate < header.ShipmentDate)
        {
            v.Add("receiptDate", "must not be before the shipment date.");
        }
    }
}
