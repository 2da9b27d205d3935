using System.Globalization;
using Microsoft.AspNetCore.Components;
using Saas.Web.Inventory;
using Saas.Write.Common;
using Saas.Write.Finance.Posting;
using Saas.Write.Inventory.Journals;
using Saas.Write.Inventory.Ledger;

namespace Saas.Web.Components.Pages.Inventory;

/// <summary>
/// The stored item journals (Item, Reclassification, Phys. Inventory, Revaluation): a batch's lines with the
/// template's editable column, new lines, the template's calculation, Preview Posting and Post. What the user
/// typed stays in the form when something is refused, with the message next to the field.
/// </summary>
public sealed partial class ItemJournalPage
{
    private const int PageSize = 20;

    private static readonly string[] EntryTypes =
    [
        BcEnum.ToWord(ItemLedgerEntryType.PositiveAdjmt),
        BcEnum.ToWord(ItemLedgerEntryType.NegativeAdjmt),
    ];

    private readonly FormErrors errors = new();
    private List<ItemJournalBatch> batches = [];
    private ItemJournalBatch? batch;
    private List<ItemJournalBatchLine> lines = [];
    private int count;
    private bool canChange;
    private PostingResult? preview;
    private PostingResult? posted;
    private string? message;
    private string errorMessage = "Nothing was changed. Check the fields marked below.";

    // Lines whose inputs must show the stored values again (saved, or changed by someone else meanwhile).
    private readonly HashSet<Guid> refreshed = [];

    [SupplyParameterFromQuery(Name = "batch")] public string? BatchCode { get; set; }

    [SupplyParameterFromQuery(Name = "page")] public int? PageParameter { get; set; }

    [SupplyParameterFromForm(FormName = "lines")] public LinesForm Form { get; set; } = null!;

    [SupplyParameterFromForm(FormName = "add")] public AddForm Add { get; set; } = null!;

    [SupplyParameterFromForm(FormName = "calculate")] public CalculateForm Calc { get; set; } = null!;

    [SupplyParameterFromForm(FormName = "batch")] public BatchForm NewBatch { get; set; } = null!;

    private string Path => "/" + new Uri(Navigation.Uri).AbsolutePath.Trim('/');

    private ItemJournalTemplate Template => Path switch
    {
        "/reclassJournal" => ItemJournalTemplate.Reclassification,
        "/physInventoryJournal" => ItemJournalTemplate.PhysicalInventory,
        "/revaluationJournal" => ItemJournalTemplate.Revaluation,
        _ => ItemJournalTemplate.Item,
    };

    private string Title => Template switch
    {
        ItemJournalTemplate.Reclassification => "Item Reclassification Journal",
        ItemJournalTemplate.PhysicalInventory => "Phys. Inventory Journal",
        ItemJournalTemplate.Revaluation => "Revaluation Journal",
        _ => "Item Journal",
    };

    // A role that cannot change the journal is not told to add lines it has no form for.
    private string EmptyText => !canChange ? "No lines are waiting to be posted. Your role can view this journal but not change it." : Template switch
    {
        ItemJournalTemplate.PhysicalInventory => "Choose Calculate Inventory to get a line per item and location with the quantity the books expect, then enter what you counted.",
        ItemJournalTemplate.Revaluation => "Choose Calculate Inventory Value to get the current value of what is on inventory, then enter the revalued value.",
        _ => "Add a line below: item, location, quantity. Lines are kept until you post them.",
    };

    private int PageNumber => Math.Max(1, PageParameter ?? 1);

    private int Skip => (PageNumber - 1) * PageSize;

    private IEnumerable<string> ShownFields =>
        lines.SelectMany(l => new[] { "postingDate", "entryType", "itemNumber", "locationCode", "newLocationCode", "quantity", "unitCost", "quantityPhysInventory", "inventoryValueRevalued", "unitCostRevalued" }
                .Select(f => $"itemJournalLines[{l.LineNumber}].{f}"))
            .Concat(new[] { "entryType", "postingDate", "itemNumber", "locationCode", "newLocationCode", "quantity", "unitCost", "quantityPhysInventory" }.Select(f => "add." + f))
            .Concat(new[] { "postingDate", "itemNumber", "locationCode" }.Select(f => "calculate." + f))
            .Concat(new[] { "code", "displayName" }.Select(f => "batch." + f));

    private string PageLink(int page) => $"{Path}?batch={Uri.EscapeDataString(batch!.Code)}&page={page}";

    protected override async Task OnInitializedAsync()
    {
        Form ??= new LinesForm();
        Add ??= new AddForm();
        Calc ??= new CalculateForm();
        NewBatch ??= new BatchForm();
        var today = Display.Date(DateOnly.FromDateTime(DateTime.UtcNow));
        Add.PostingDate ??= today;
        Calc.PostingDate ??= today;
        Add.EntryType ??= EntryTypes[0];
        Form.IdempotencyKey ??= Guid.NewGuid().ToString("N");
        canChange = await Access.AllowsAsync(ItemJournalsApi.PolicyFor(Template));
        batches = await Batches.ListAsync(Template);
        batch = batches.FirstOrDefault(b => string.Equals(b.Code, BatchCode, StringComparison.OrdinalIgnoreCase))
            ?? batches.FirstOrDefault(b => b.Code == ItemJournalBatch.DefaultCode) ?? batches.FirstOrDefault();
        if (batch is not null)
        {
            await LoadAsync(keepTyped: true);
        }
    }

    /// <summary>The page's lines; with <paramref name="keepTyped"/>, a line's inputs show what was submitted for it.</summary>
    private async Task LoadAsync(bool keepTyped)
    {
        (lines, count) = await Lines.ListAsync(batch!.Id, PageSize, Skip);
        var typed = keepTyped ? Form.Lines.Where(l => l.Id is { } id && !refreshed.Contains(id)).ToDictionary(l => l.Id!.Value) : [];
        Form.Lines = lines.Select(l => typed.TryGetValue(l.Id, out var t) ? t : LineForm.From(l)).ToList();
    }

    private async Task LinesAsync()
    {
        if (batch is null || !canChange)
        {
            return;
        }

        var action = Form.Action ?? "save";
        if (action.StartsWith("delete:", StringComparison.Ordinal) && Guid.TryParse(action["delete:".Length..], out var deleteId))
        {
            // The version the page showed: a line someone else changed meanwhile is not deleted unseen.
            var shown = Form.Lines.FirstOrDefault(l => l.Id == deleteId)?.Version;
            await Run(() => Lines.DeleteAsync(batch.Id, deleteId, shown));
            message = errors.Any ? null : "The line was deleted.";
            await LoadAsync(keepTyped: true);
            return;
        }

        // The lines' changes are saved first, so Preview and Post see what is on the screen.
        await SaveChangesAsync();
        if (errors.Any)
        {
            // Refused lines keep what was typed; saved lines and lines changed by someone else show the stored values.
            await LoadAsync(keepTyped: true);
            return;
        }

        var document = string.IsNullOrWhiteSpace(Form.DocumentNumber) ? null : Form.DocumentNumber.Trim();
        if (action == "preview")
        {
            errorMessage = "The journal cannot be posted as it is. Check the lines marked below.";
            await Run(async () => preview = await Posting.PreviewAsync(batch.Id, document));
        }
        else if (action == "post")
        {
            errorMessage = "Nothing was posted. Check the lines marked below.";
            await Run(async () => posted = await Posting.PostAsync(batch.Id, document, Form.IdempotencyKey));
            if (posted is not null)
            {
                Form = new LinesForm { IdempotencyKey = Guid.NewGuid().ToString("N") };
                PageParameter = 1;
            }
        }
        else
        {
            message = "The lines were saved.";
        }

        await LoadAsync(keepTyped: errors.Any);
    }

    private async Task SaveChangesAsync()
    {
        // `lines` holds the stored values now (loaded before this handler ran), which may differ from what the page
        // showed if someone else saved the line meanwhile: each line carries the version it was shown at, which is
        // sent as the expected version, so a stale form is refused instead of writing old values back.
        var byId = lines.ToDictionary(l => l.Id);
        var typed = Form.Lines.Where(l => l.Id is { } id && byId.ContainsKey(id)).ToList();
        foreach (var edit in typed)
        {
            var line = byId[edit.Id!.Value];
            var prefix = $"itemJournalLines[{line.LineNumber}].";
            var before = LineForm.From(line);
            var change = new SaveItemJournalLine { BatchId = batch!.Id, Id = line.Id, ExpectedVersion = edit.Version };
            switch (Template)
            {
                case ItemJournalTemplate.PhysicalInventory:
                    if (edit.Counted == before.Counted)
                    {
                        continue;
                    }

                    change = change with { QuantityPhysInventory = FormValues.Decimal(edit.Counted, prefix + "quantityPhysInventory", errors) };
                    break;
                case ItemJournalTemplate.Revaluation:
                    if (edit.InventoryValueRevalued != before.InventoryValueRevalued)
                    {
                        change = change with { InventoryValueRevalued = FormValues.Decimal(edit.InventoryValueRevalued, prefix + "inventoryValueRevalued", errors) };
                    }
                    else if (edit.UnitCostRevalued != before.UnitCostRevalued)
                    {
                        change = change with { UnitCostRevalued = FormValues.Decimal(edit.UnitCostRevalued, prefix + "unitCostRevalued", errors) };
                    }
                    else
                    {
                        continue;
                    }

                    break;
                default:
                    if (edit.Quantity == before.Quantity && edit.UnitAmount == before.UnitAmount)
                    {
                        continue;
                    }

                    change = change with
                    {
                        Quantity = FormValues.Decimal(edit.Quantity, prefix + "quantity", errors),
                        UnitCost = string.IsNullOrWhiteSpace(edit.UnitAmount) ? null : FormValues.Decimal(edit.UnitAmount, prefix + "unitCost", errors),
                    };
                    break;
            }

            if (edit.Version is { } shown && shown != line.Version)
            {
                errors.Add("journal", $"Line {line.LineNumber} was changed by someone else after this page was opened: it was not saved. Its current values are shown; enter your change again.");
                refreshed.Add(line.Id);
                continue;
            }

            if (!errors.Has(prefix + "quantity") && !errors.Has(prefix + "unitCost") && !errors.Has(prefix + "quantityPhysInventory")
                && !errors.Has(prefix + "inventoryValueRevalued") && !errors.Has(prefix + "unitCostRevalued"))
            {
                await Run(
                    async () =>
                    {
                        try
                        {
                            await Lines.UpdateAsync(change);
                            refreshed.Add(line.Id);
                        }
                        catch (ConcurrencyException)
                        {
                            refreshed.Add(line.Id); // saved by someone else between this request's read and its save
                            throw;
                        }
                    },
                    prefix);
            }
        }
    }

    private async Task AddAsync()
    {
        if (batch is null || !canChange)
        {
            return;
        }

        var date = LedgerFilterState.ParseDate(Add.PostingDate, "add.postingDate", errors);
        var quantity = Template == ItemJournalTemplate.PhysicalInventory ? (decimal?)null : FormValues.Decimal(Add.Quantity, "add.quantity", errors);
        decimal? counted = Template == ItemJournalTemplate.PhysicalInventory && !string.IsNullOrWhiteSpace(Add.Counted)
            ? FormValues.Decimal(Add.Counted, "add.quantityPhysInventory", errors) : null;
        decimal? unitCost = string.IsNullOrWhiteSpace(Add.UnitAmount) ? null : FormValues.Decimal(Add.UnitAmount, "add.unitCost", errors);
        if (!errors.Any)
        {
            await Run(() => Lines.CreateAsync(new SaveItemJournalLine
            {
                BatchId = batch.Id,
                EntryType = Template == ItemJournalTemplate.Item ? Add.EntryType : null,
                PostingDate = date,
                ItemNumber = Add.ItemNumber ?? "",
                LocationCode = Add.LocationCode ?? "",
                NewLocationCode = Add.NewLocationCode,
                Quantity = quantity,
                UnitCost = unitCost,
                QuantityPhysInventory = counted,
            }), "add.");
        }

        if (!errors.Any)
        {
            message = "The line was added.";
            Add = new AddForm { PostingDate = Add.PostingDate, EntryType = Add.EntryType, LocationCode = Add.LocationCode };
        }

        await LoadAsync(keepTyped: false);
    }

    private async Task CalculateAsync()
    {
        if (batch is null || !canChange)
        {
            return;
        }

        var date = LedgerFilterState.ParseDate(Calc.PostingDate, "calculate.postingDate", errors);
        if (date is null && !errors.Any)
        {
            errors.Add("calculate.postingDate", "is required.");
        }

        if (!errors.Any)
        {
            var added = 0;
            await Run(async () => added = Template == ItemJournalTemplate.Revaluation
                ? await Calculations.CalculateInventoryValueAsync(batch.Id, date!.Value, Calc.ItemNumber)
                : await Calculations.CalculateInventoryAsync(batch.Id, date!.Value, Calc.ItemNumber, Calc.LocationCode, itemsNotOnInventory: false), "calculate.");
            if (!errors.Any)
            {
                message = added == 0 ? "Nothing to add: every item is in the journal already, or nothing is on inventory." : $"{added} line(s) added.";
            }
        }

        await LoadAsync(keepTyped: false);
    }

    private async Task NewBatchAsync()
    {
        if (!canChange)
        {
            return;
        }

        ItemJournalBatch? created = null;
        await Run(async () => created = await Batches.CreateAsync(new SaveItemJournalBatch
        {
            Template = BcEnum.ToWord(Template),
            Code = NewBatch.Code,
            DisplayName = NewBatch.DisplayName,
        }), "batch.");
        if (created is not null)
        {
            // The new, empty batch is where the user wants to work next.
            Navigation.NavigateTo($"{Path}?batch={Uri.EscapeDataString(created.Code)}");
        }
    }

    /// <summary>Runs a command; its refusals go next to their fields (a bare field name gets <paramref name="prefix"/>).</summary>
    private async Task Run(Func<Task> command, string prefix = "")
    {
        try
        {
            await command();
        }
        catch (ValidationFailedException invalid)
        {
            foreach (var (field, reasons) in invalid.Errors)
            {
                foreach (var reason in reasons)
                {
                    errors.Add(field.StartsWith("itemJournalLines", StringComparison.Ordinal) ? field : prefix + field, reason);
                }
            }
        }
        catch (IdempotencyKeyReusedException reused)
        {
            errors.Add("journal", reused.Message);
        }
        catch (NotFoundException notFound)
        {
            errors.Add("journal", notFound.Message);
        }
        catch (ConcurrencyException concurrency)
        {
            errors.Add("journal", concurrency.Message + " Reload the page to see the current lines.");
        }
        catch (ConflictException conflict)
        {
            errors.Add(prefix + conflict.Field, conflict.Message);
        }
    }

    public sealed class LinesForm
    {
        public string? Action { get; set; }
        public string? IdempotencyKey { get; set; }
        public string? DocumentNumber { get; set; }
        public List<LineForm> Lines { get; set; } = [];
    }

    public sealed class LineForm
    {
        public Guid? Id { get; set; }

        /// <summary>The line's version when the page showed it (a hidden input): the expected version of its save.</summary>
        public long? Version { get; set; }

        public string? Quantity { get; set; }
        public string? UnitAmount { get; set; }
        public string? Counted { get; set; }
        public string? InventoryValueRevalued { get; set; }
        public string? UnitCostRevalued { get; set; }

        public static LineForm From(ItemJournalBatchLine line) => new()
        {
            Id = line.Id,
            Version = line.Version,
            Quantity = FormValues.Edit(line.Quantity),
            UnitAmount = line.UnitCost is { } cost ? FormValues.Edit(cost) : "",
            Counted = line.QuantityPhysInventory is { } counted ? FormValues.Edit(counted) : "",
            InventoryValueRevalued = line.InventoryValueRevalued is { } value ? FormValues.Edit(value) : "",
            UnitCostRevalued = line.UnitCostRevalued is { } unit ? FormValues.Edit(unit) : "",
        };
    }

    public sealed class AddForm
    {
        public string? EntryType { get; set; }
        public string? PostingDate { get; set; }
        public string? ItemNumber { get; set; }
        public string? LocationCode { get; set; }
        public string? NewLocationCode { get; set; }
        public string? Quantity { get; set; }
        public string? UnitAmount { get; set; }
        public string? Counted { get; set; }
    }

    public sealed class BatchForm
    {
        public string? Code { get; set; }
        public string? DisplayName { get; set; }
    }

    public sealed class CalculateForm
    {
        public string? PostingDate { get; set; }
        public string? ItemNumber { get; set; }
        public string? LocationCode { get; set; }
    }
}
