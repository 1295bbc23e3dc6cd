using RtesPlatform.Core.Features.Fiches;

namespace RtesPlatform.Core.Features.LegacyImport;

/// <summary>
/// Budget lines and staff from the budget section. Two forms are read:
/// <list type="bullet">
/// <item>a line "Label : amount" ("Fonds de financement à impact : 270 000 euros"): the label is
/// kept, the nature comes from the label, and the line leaves the narrative (its text stays in the
/// report); so does a year marker ("En 2023 :") whose lines all became budget lines;</item>
/// <item>an amount inside a sentence ("Le budget ESS 2018 s'élève à 5 800 000 € pour le
/// fonctionnement"): the nature comes from the words after the amount (else before it), the
/// label is the nature's name, and the sentence stays in the narrative.</item>
/// </list>
/// The year follows <see cref="LegacyYearScope"/>; ceilings, ranges and parts of a total are
/// reported and not extracted (<see cref="LegacyFigureRules"/>).
/// </summary>
internal static class LegacyBudgetExtractor
{
    public static LegacyBudgetResult Extract(IReadOnlyList<LegacySourceLine> lines, LegacyFigureNotes notes)
    {
        var scope = new LegacyYearScope(lines);
        var budgetLines = new List<BudgetLine>();
        var consumed = new HashSet<int>();
        var markers = new List<int>();
        StaffFigure? staff = null;
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            if (LegacyYearScope.Marker(line.Text) is { } markerYear)
            {
                scope.SetContext(markerYear);
                markers.Add(i);
                continue;
            }

            var standsAlone = line.BlankBefore && (i + 1 == lines.Count || lines[i + 1].BlankBefore);
            if (scope.Observe(line, standsAlone))
            {
                continue;
            }

            if (TryReadLabelled(line, scope, notes, budgetLines.Count > 0, out var labelled))
            {
                if (labelled is not null)
                {
                    budgetLines.Add(labelled);
                    consumed.Add(line.Number);
                }

                continue;
            }

            foreach (var sentence in LegacySentences.Ranges(line.Matching))
            {
                ReadSentence(line, sentence, scope, notes, budgetLines);
                staff = LegacyStaffExtractor.Read(line, sentence, scope, notes, staff);
            }
        }

        return new LegacyBudgetResult(budgetLines, staff, consumed, ConsumedMarkers(lines, markers, consumed));
    }

    /// <summary>True when the line has the "Label : amount" form; <paramref name="budgetLine"/> is null if it was not extracted.</summary>
    private static bool TryReadLabelled(
        LegacySourceLine line, LegacyYearScope scope, LegacyFigureNotes notes, bool afterOtherLines, out BudgetLine? budgetLine)
    {
        budgetLine = null;
        var matching = line.Matching;
        var colon = matching.IndexOf(':', StringComparison.Ordinal);
        if (colon < 2)
        {
            return false;
        }

        var rest = matching[(colon + 1)..];
        var amounts = FrenchNumbers.Amounts(rest);
        if (amounts.Count != 1)
        {
            return false;
        }

        var amount = amounts[0];
        var tail = rest[(amount.Index + amount.Length)..];
        if (rest[..amount.Index].Trim().Length > 0 || !LegacyYearScope.IsYearTail(tail))
        {
            return false;
        }

        var label = line.Text[..colon].Trim().TrimStart('•', '-', '*', '–', '·', ' ');
        var labelKey = LegacyText.Key(label);
        var (year, issue) = scope.Resolve(LegacyFigureRules.Years(line.Matching[..colon] + tail, []));
        if (labelKey.Contains("plafond", StringComparison.Ordinal) || labelKey.Contains("maximum", StringComparison.Ordinal))
        {
            issue = LegacyFigureIssue.Cap;
        }
        else if (afterOtherLines && labelKey.Contains("total", StringComparison.Ordinal))
        {
            issue = LegacyFigureIssue.Total;
        }

        var value = FrenchNumbers.Value(amount);
        notes.Add(Note(line, line.Text, colon + 1 + amount.Index, amount.Length, value, year, issue, $"ligne de budget « {label} »"));
        if (issue is null && year is { } y)
        {
            budgetLine = new BudgetLine { Label = label, Amount = value, Year = y, Nature = LegacyBudgetNature.Find(label) ?? BudgetNature.Autre };
        }

        return true;
    }

    private static void ReadSentence(
        LegacySourceLine line, Range range, LegacyYearScope scope, LegacyFigureNotes notes, List<BudgetLine> budgetLines)
    {
        var matching = line.Matching[range];
        var amounts = FrenchNumbers.Amounts(matching);
        if (amounts.Count == 0)
        {
            return;
        }

        var sentence = line.Text[range];

        var years = LegacyFigureRules.Years(matching, LegacyYearScope.NumberSpans(matching));
        var previousEnd = 0;
        for (var k = 0; k < amounts.Count; k++)
        {
            var amount = amounts[k];
            var issue = LegacyFigureRules.Qualify(matching, amount.Index, amount.Length, previousEnd);
            var (year, yearIssue) = scope.Resolve(years);
            issue ??= yearIssue;
            var end = amount.Index + amount.Length;
            var nextStart = k + 1 < amounts.Count ? amounts[k + 1].Index : matching.Length;
            var before = matching.AsSpan(previousEnd, amount.Index - previousEnd);
            var after = matching.AsSpan(end, nextStart - end);

            // "Fonctionnement : 50 000 € ; Investissement : …": a label before a ":" names the amount that follows it.
            var nature = (before.TrimEnd().EndsWith(":", StringComparison.Ordinal)
                    ? LegacyBudgetNature.Find(before) ?? LegacyBudgetNature.Find(after)
                    : LegacyBudgetNature.Find(after) ?? LegacyBudgetNature.Find(before))
                ?? BudgetNature.Autre;
            previousEnd = end;
            var label = LegacyBudgetNature.Label(nature);
            var value = FrenchNumbers.Value(amount);
            notes.Add(Note(line, sentence, amount.Index, amount.Length, value, year, issue, $"ligne de budget « {label} »"));
            if (issue is null && year is { } y)
            {
                budgetLines.Add(new BudgetLine { Label = label, Amount = value, Year = y, Nature = nature });
            }
        }
    }

    private static LegacyFigureNote Note(
        LegacySourceLine line, string sentence, int index, int length, decimal value, int? year, LegacyFigureIssue? issue, string became) => new()
        {
            Section = LegacySection.Budget,
            LineNumber = line.Number,
            Figure = sentence.Substring(index, length),
            Value = value,
            Sentence = sentence,
            Year = year,
            Became = issue is null ? became : null,
            Issue = issue,
        };

    /// <summary>A year marker leaves the narrative only when every line it dates became a budget line.</summary>
    private static HashSet<int> ConsumedMarkers(IReadOnlyList<LegacySourceLine> lines, List<int> markers, HashSet<int> consumed)
    {
        var result = new HashSet<int>();
        for (var m = 0; m < markers.Count; m++)
        {
            var end = m + 1 < markers.Count ? markers[m + 1] : lines.Count;
            var dated = Enumerable.Range(markers[m] + 1, end - markers[m] - 1).Select(i => lines[i].Number).ToList();
            if (dated.Count > 0 && dated.All(consumed.Contains))
            {
                result.Add(lines[markers[m]].Number);
            }
        }

        return result;
    }
}
