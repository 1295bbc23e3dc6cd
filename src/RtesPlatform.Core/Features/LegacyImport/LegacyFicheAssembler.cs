using RtesPlatform.Core.Features.Fiches;

namespace RtesPlatform.Core.Features.LegacyImport;

/// <summary>Turns the lines collected for one fiche into a <see cref="LegacyFiche"/> and its report.</summary>
internal static class LegacyFicheAssembler
{
    public static LegacyFiche Assemble(LegacyFicheBuilder builder, int firstLine)
    {
        var warnings = new List<string>(builder.Warnings);
        var uses = new List<LegacyLineUse>(builder.Uses);
        var notes = new LegacyFigureNotes();
        if (builder.Name is null)
        {
            warnings.Add($"Fiche sans nom de collectivité (ligne {firstLine}) : à rapprocher à la main.");
        }

        var identity = LegacyIdentity.Read(builder, warnings);

        var contacts = LegacyContactParser.Parse(builder.Lines(LegacySection.Contacts));
        foreach (var line in builder.Lines(LegacySection.Contacts))
        {
            var unread = contacts.Unread.Contains(line);
            uses.Add(new LegacyLineUse(line.Number, line.Text, unread ? LegacyLineRole.Unplaced : LegacyLineRole.Contact));
            if (unread)
            {
                warnings.Add($"Ligne {line.Number} sous « Contact public » non reconnue comme contact, gardée dans le texte non classé : « {line.Text} ».");
            }
        }

        var panoramaLines = builder.Lines(LegacySection.Panorama);
        var figures = LegacyPanoramaExtractor.Extract(panoramaLines, notes);
        var panoramaSources = LegacySourceReader.Read(panoramaLines, "panorama");
        if (panoramaSources.Count == 1)
        {
            figures = figures.Select(f => f with { SourceKey = panoramaSources[0].Key }).ToList();
        }

        var budgetLines = builder.Lines(LegacySection.Budget);
        var budget = LegacyBudgetExtractor.Extract(budgetLines, notes);
        var budgetNarrative = budgetLines
            .Where(l => !budget.BudgetLineNumbers.Contains(l.Number) && !budget.MarkerNumbers.Contains(l.Number))
            .ToList();
        var programmeLines = builder.Lines(LegacySection.Programme);
        var actionLines = builder.Lines(LegacySection.Actions);
        LegacyOtherSections.ReportAmounts(LegacySection.Panorama, panoramaLines, notes);
        LegacyOtherSections.ReportAmounts(LegacySection.Programme, programmeLines, notes);
        LegacyOtherSections.ReportAmounts(LegacySection.Actions, actionLines, notes);
        var period = LegacyOtherSections.StrategyPeriod(programmeLines);

        uses.AddRange(panoramaLines.Select(l => Use(l, LegacyLineRole.PanoramaNarrative)));
        uses.AddRange(budgetLines.Select(l => Use(l, budget.BudgetLineNumbers.Contains(l.Number) ? LegacyLineRole.BudgetLine
            : budget.MarkerNumbers.Contains(l.Number) ? LegacyLineRole.YearMarker : LegacyLineRole.BudgetNarrative)));
        uses.AddRange(programmeLines.Select(l => Use(l, LegacyLineRole.ProgrammeNarrative)));
        uses.AddRange(actionLines.Select(l => Use(l, LegacyLineRole.Action)));
        uses.Sort((a, b) => a.LineNumber.CompareTo(b.LineNumber));
        uses = Unplace(uses, UnreadIdentityLines(builder, identity), warnings);

        var content = new FicheContent
        {
            Panorama = new PanoramaSection { Narrative = LegacyNarrative.Join(panoramaLines), Figures = figures },
            Budget = new BudgetSection { Narrative = LegacyNarrative.Join(budgetNarrative), Lines = budget.Lines, Staff = budget.Staff },
            Programme = new ProgrammeSection
            {
                Narrative = LegacyNarrative.Join(programmeLines),
                PeriodStart = period?.Start,
                PeriodEnd = period?.End,
            },
            Actions = LegacyActionSplitter.Split(actionLines),
            Contacts = contacts.Contacts,
            Sources = [.. panoramaSources, .. LegacySourceReader.Read(budgetLines, "budget")],
            Unclassified = Unclassified(uses),
        };

        var fields = Fields(builder, identity, content);
        return new LegacyFiche
        {
            SourceName = builder.Name?.Text,
            FirstLine = firstLine,
            Kind = identity.Kind,
            KindText = identity.KindText,
            Population = identity.Population,
            PopulationText = identity.PopulationText,
            MembershipYear = identity.MembershipYear,
            Address = identity.Address,
            RegionText = identity.Region,
            InProgress = builder.InProgress,
            Content = content,
            Report = new LegacyFicheReport
            {
                FieldsFound = fields.Where(f => f.Found).Select(f => f.Name).ToList(),
                FieldsMissing = fields.Where(f => !f.Found).Select(f => f.Name).ToList(),
                FiguresExtracted = notes.Extracted,
                FiguresNotExtracted = notes.NotExtracted,
                NarrativeParagraphs = panoramaLines.Count + budgetNarrative.Count + programmeLines.Count + actionLines.Count,
                Warnings = warnings,
                Lines = uses,
            },
        };
    }

    /// <summary>Identity values that gave nothing (unreadable, or a label's second value): their lines become text non classé.</summary>
    private static HashSet<int> UnreadIdentityLines(LegacyFicheBuilder builder, LegacyIdentity identity)
    {
        var lines = builder.ExtraValues.Select(l => l.Number).ToHashSet();
        if (identity.Population is null)
        {
            lines.UnionWith(builder.PopulationLines.Select(l => l.Number));
        }

        if (identity.MembershipYear is null && builder.MembershipLine is { } membership)
        {
            lines.Add(membership.Number);
        }

        if (identity.KindText is not null && LegacyCollectivityName.KindFromType(identity.KindText) is null)
        {
            lines.UnionWith(builder.TypeLines.Select(l => l.Number));
        }

        return lines;
    }

    private static List<LegacyLineUse> Unplace(List<LegacyLineUse> uses, HashSet<int> numbers, List<string> warnings)
    {
        if (numbers.Count == 0)
        {
            return uses;
        }

        return [.. uses.Select(u =>
        {
            if (!numbers.Contains(u.LineNumber) || u.Role is not (LegacyLineRole.IdentityValue or LegacyLineRole.IdentityLabel))
            {
                return u;
            }

            warnings.Add($"Ligne {u.LineNumber} non lue, gardée dans le texte non classé : « {u.Text} ».");
            return u with { Role = LegacyLineRole.Unplaced };
        })];
    }

    /// <summary>The lines kept as "texte non classé" on the draft, one per line, in their order.</summary>
    private static string? Unclassified(List<LegacyLineUse> uses)
    {
        var text = string.Join('\n', uses.Where(u => u.Role == LegacyLineRole.Unplaced).Select(u => u.Text));
        return text.Length == 0 ? null : text;
    }

    private static LegacyLineUse Use(LegacySourceLine line, LegacyLineRole role) => new(line.Number, line.Text, role);

    private static (string Name, bool Found)[] Fields(LegacyFicheBuilder builder, LegacyIdentity identity, FicheContent content) =>
    [
        ("nom", builder.Name is not null),
        ("type de collectivité", identity.KindText is not null),
        ("nombre d'habitants", identity.Population is not null),
        ("adresse", identity.Address is not null),
        ("région", identity.Region is not null),
        ("année d'adhésion", identity.MembershipYear is not null),
        ("panorama", content.Panorama.Narrative is not null),
        ("budget", content.Budget.Narrative is not null || content.Budget.Lines.Count > 0),
        ("programme", content.Programme.Narrative is not null),
        ("actions", content.Actions.Count > 0),
        ("contacts", content.Contacts.Count > 0),
    ];
}
