using RtesPlatform.Core.Features.Fiches;

namespace RtesPlatform.Web.Pages.Espace;

/// <summary>The budget section as typed in the form.</summary>
public sealed class BudgetForm
{
    public string? Narrative { get; set; }
    public List<BudgetLineInput> Lines { get; set; } = [];
    public string? StaffFte { get; set; }
    public string? StaffYear { get; set; }
    public string? StaffNote { get; set; }
    public string? StaffSourceKey { get; set; }

    public static BudgetForm From(BudgetSection section)
    {
        ArgumentNullException.ThrowIfNull(section);
        return new()
        {
            Narrative = section.Narrative,
            Lines = [.. section.Lines.Select(l => new BudgetLineInput
            {
                Label = l.Label,
                Amount = FormText.Of(l.Amount),
                Year = FormText.Of(l.Year),
                Nature = l.Nature.ToString(),
                SourceKey = l.SourceKey,
            })],
            StaffFte = FormText.Of(section.Staff?.Fte),
            StaffYear = FormText.Of(section.Staff?.Year),
            StaffNote = section.Staff?.Note,
            StaffSourceKey = section.Staff?.SourceKey,
        };
    }

    /// <summary>The section, or null when a field is invalid (the messages are in the model state).</summary>
    public BudgetSection? ToSection(FormCheck check, string prefix, IReadOnlySet<string> sourceKeys)
    {
        ArgumentNullException.ThrowIfNull(check);
        var narrative = check.Text($"{prefix}.Narrative", Narrative, "le texte", 20_000);
        var lines = new List<BudgetLine>();
        for (var i = 0; i < Lines.Count; i++)
        {
            var line = Lines[i];
            var key = $"{prefix}.Lines[{i}]";
            var label = check.Text($"{key}.Label", line.Label, "le poste", 200, required: true);
            var amount = check.Amount($"{key}.Amount", line.Amount, "le montant", required: true);
            var year = check.Year($"{key}.Year", line.Year, required: true);
            var nature = check.Choice<BudgetNature>($"{key}.Nature", line.Nature, "la nature");
            var source = check.SourceKey($"{key}.SourceKey", line.SourceKey, sourceKeys);
            if (label is not null && amount is not null && year is not null && nature is not null)
            {
                lines.Add(new BudgetLine { Label = label, Amount = amount.Value, Year = year.Value, Nature = nature.Value, SourceKey = source });
            }
        }

        StaffFigure? staff = null;
        var anyStaff = !string.IsNullOrWhiteSpace(StaffFte) || !string.IsNullOrWhiteSpace(StaffYear) || !string.IsNullOrWhiteSpace(StaffNote);
        var fte = check.Amount($"{prefix}.StaffFte", StaffFte, "le nombre d’ETP", required: anyStaff);
        var staffYear = check.Year($"{prefix}.StaffYear", StaffYear, required: anyStaff);
        var note = check.Text($"{prefix}.StaffNote", StaffNote, "la précision", 300);
        var staffSource = check.SourceKey($"{prefix}.StaffSourceKey", StaffSourceKey, sourceKeys);
        if (fte is not null && staffYear is not null)
        {
            staff = new StaffFigure { Fte = fte.Value, Year = staffYear.Value, Note = note, SourceKey = staffSource };
        }

        return check.IsValid ? new BudgetSection { Narrative = narrative, Lines = lines, Staff = staff } : null;
    }
}
