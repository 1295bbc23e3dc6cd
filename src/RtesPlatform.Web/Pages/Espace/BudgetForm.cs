using RtesPlatform.Core.Features.Fiches;

namespace RtesPlatform.Web.Pages.Espace;

/// <summary>The budget section as typed in the form: text only, read back into values by <see cref="ToChange"/>.</summary>
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

    /// <summary>The change this form makes to the draft; parse errors in the check, the rest for the fiche rules.</summary>
    public FormChange ToChange(FormCheck check, string prefix)
    {
        ArgumentNullException.ThrowIfNull(check);
        var lines = new List<BudgetLine>();
        var created = new List<(int Row, Source Source)>();
        for (var i = 0; i < Lines.Count; i++)
        {
            var line = Lines[i] ?? new BudgetLineInput();
            var key = $"{prefix}.Lines[{i}]";
            lines.Add(new BudgetLine
            {
                Label = FormCheck.Trimmed(line.Label) ?? string.Empty,
                Amount = check.ParseAmount($"{key}.Amount", line.Amount, "le montant", required: true) ?? 0,
                Year = check.ParseYear($"{key}.Year", line.Year, required: true) ?? 0,
                Nature = check.Choice<BudgetNature>($"{key}.Nature", line.Nature, "la nature") ?? BudgetNature.Autre,
                SourceKey = FormCheck.Trimmed(line.SourceKey),
            });
            if ((line.NewSource ?? new()).Parse(check, $"{key}.NewSource") is { } source)
            {
                created.Add((i, source));
            }
        }

        StaffFigure? staff = null;
        var anyStaff = !string.IsNullOrWhiteSpace(StaffFte) || !string.IsNullOrWhiteSpace(StaffYear) || !string.IsNullOrWhiteSpace(StaffNote);
        var fte = check.ParseAmount($"{prefix}.StaffFte", StaffFte, "le nombre d’ETP", required: anyStaff);
        var staffYear = check.ParseYear($"{prefix}.StaffYear", StaffYear, required: anyStaff);
        if (anyStaff)
        {
            staff = new StaffFigure { Fte = fte ?? 0, Year = staffYear ?? 0, Note = FormCheck.Trimmed(StaffNote), SourceKey = FormCheck.Trimmed(StaffSourceKey) };
        }

        var narrative = FormCheck.Trimmed(Narrative);
        return new FormChange(
            c =>
            {
                var (sources, keys) = NewSourceInput.Add(c.Sources, created.Select(x => x.Source));
                var cited = lines.ToList();
                for (var j = 0; j < created.Count; j++)
                {
                    cited[created[j].Row] = cited[created[j].Row] with { SourceKey = keys[j] };
                }

                return c with { Budget = new BudgetSection { Narrative = narrative, Lines = cited, Staff = staff }, Sources = sources };
            },
            [.. created.Select(x => $"{prefix}.Lines[{x.Row}].NewSource")]);
    }

    /// <summary>Copies the lines at <paramref name="rows"/> to the next year, amount empty; returns the index of the first copy.</summary>
    public int CarryToNextYear(IEnumerable<int> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var first = Lines.Count;
        foreach (var i in rows.Where(r => r >= 0 && r < Lines.Count).Distinct().Order().ToList())
        {
            var l = Lines[i];
            Lines.Add(new BudgetLineInput { Label = l.Label, Year = YearRows.Next(l.Year), Nature = l.Nature, SourceKey = l.SourceKey });
        }

        return first;
    }
}
