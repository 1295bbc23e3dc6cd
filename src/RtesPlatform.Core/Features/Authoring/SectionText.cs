using System.Globalization;
using RtesPlatform.Core.Features.Fiches;

namespace RtesPlatform.Core.Features.Authoring;

/// <summary>
/// A readable plain-text rendering of one section, one field per line ("Ligne budgétaire : …"),
/// so that two versions can be compared line by line and the difference read by a person.
/// </summary>
public static class SectionText
{
    private static readonly CultureInfo _fr = CultureInfo.GetCultureInfo("fr-FR");

    public static IReadOnlyList<string> Lines(FicheContent content, FicheSection section)
    {
        ArgumentNullException.ThrowIfNull(content);
        var lines = new List<string>();
        switch (section)
        {
            case FicheSection.Panorama:
                Narrative(lines, "Texte", content.Panorama.Narrative);
                lines.AddRange(content.Panorama.Figures.Select(f =>
                    $"Chiffre clé : {f.Label} = {Figure(f.Value, f.Unit)} ({f.Year}){Src(f.SourceKey)}"));
                break;
            case FicheSection.Budget:
                Narrative(lines, "Texte", content.Budget.Narrative);
                lines.AddRange(content.Budget.Lines.Select(l =>
                    $"Ligne budgétaire : {l.Label} — {N(l.Amount)} € ({l.Year}, {Nature(l.Nature)}){Src(l.SourceKey)}"));
                if (content.Budget.Staff is { } staff)
                {
                    lines.Add($"Moyens humains : {N(staff.Fte)} ETP ({staff.Year}){(staff.Note is null ? "" : " " + staff.Note)}{Src(staff.SourceKey)}");
                }

                break;
            case FicheSection.Programme:
                var p = content.Programme;
                if (p.StrategyTitle is not null || p.PeriodStart is not null || p.PeriodEnd is not null)
                {
                    lines.Add($"Stratégie : {p.StrategyTitle} ({p.PeriodStart}–{p.PeriodEnd})");
                }

                Narrative(lines, "Texte", p.Narrative);
                for (var i = 0; i < p.Axes.Count; i++)
                {
                    lines.Add($"Axe {i + 1} : {p.Axes[i].Title}");
                    Narrative(lines, $"Axe {i + 1}", p.Axes[i].Text);
                }

                break;
            case FicheSection.Actions:
                foreach (var a in content.Actions)
                {
                    lines.Add($"Action : {a.Title}");
                    Narrative(lines, $"{a.Title} — description", a.Description);
                    if (a.Themes.Count > 0) { lines.Add($"{a.Title} — thèmes : {string.Join(", ", a.Themes)}"); }
                    if (a.YearStart is not null || a.YearEnd is not null) { lines.Add($"{a.Title} — années : {a.YearStart}–{a.YearEnd}"); }
                    if (a.Amount is { } amount) { lines.Add($"{a.Title} — montant : {N(amount)} € {a.AmountYear}"); }
                    if (a.Partners.Count > 0) { lines.Add($"{a.Title} — partenaires : {string.Join(", ", a.Partners)}"); }
                    lines.AddRange(a.Results.Select(r => $"{a.Title} — résultat : {r.Label} = {Figure(r.Value, r.Unit)} ({r.Year}){Src(r.SourceKey)}"));
                }

                break;
            case FicheSection.Contacts:
                lines.AddRange(content.Contacts.Select(c =>
                    $"Contact : {c.Name} ({(c.Role == ContactRole.ElectedRepresentative ? "élu·e" : "agent")}), {c.Title}, {c.Service}, {c.Email}, {c.Phone}, " +
                    (c.Consent switch
                    {
                        ContactConsent.Given => "publication consentie",
                        ContactConsent.Refused => "publication refusée, non publié",
                        _ => "accord à confirmer, non publié",
                    })));
                break;
            case FicheSection.Sources:
                lines.AddRange(content.Sources.Select(s => $"Source [{s.Key}] : {s.Title}, {s.Publisher}, {s.Year}, {s.Url}"));
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(section), section, null);
        }

        return lines;
    }

    private static void Narrative(List<string> lines, string label, string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return;
        }

        lines.AddRange(text.Split('\n').Select(l => l.TrimEnd('\r')).Where(l => l.Length > 0).Select(l => $"{label} : {l}"));
    }

    private static string Figure(decimal value, FigureUnit unit) => unit switch
    {
        FigureUnit.Euros => N(value) + " €",
        FigureUnit.Percent => N(value) + " %",
        FigureUnit.Fte => N(value) + " ETP",
        FigureUnit.Hours => N(value) + " heures",
        FigureUnit.Persons => N(value) + " personnes",
        _ => N(value),
    };

    private static string Nature(BudgetNature nature) => nature switch
    {
        BudgetNature.Fonctionnement => "fonctionnement",
        BudgetNature.Investissement => "investissement",
        BudgetNature.FondsSubventions => "fonds et subventions",
        BudgetNature.ConventionsPartenariat => "conventions de partenariat",
        _ => "autre",
    };

    private static string N(decimal value) => value.ToString("#,##0.##", _fr);

    private static string Src(string? key) => key is null ? "" : $" [source {key}]";
}
