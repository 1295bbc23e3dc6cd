using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using RtesPlatform.IntegrationTests.Infrastructure;
using RtesPlatform.Core.Features.Demo;
using RtesPlatform.IntegrationTests.Pages;

namespace RtesPlatform.IntegrationTests.Search;

/// <summary>
/// The demo network's searchable documents, computed from the demo JSON with the fields the
/// migration indexes (a fiche: its collectivity's name, panorama, budget, programme and sources;
/// an action: title, theme labels, description, partners and results). Which of them a query
/// matches is asked of PostgreSQL's own French stemmer on these texts (<see cref="MatchingAsync"/>),
/// so the tests check what the trigger extracts and indexes, and what the page lists.
/// </summary>
internal static partial class DemoSearchDocuments
{
    public sealed record Document(string Slug, string Kind, string Title, IReadOnlySet<string> Themes, string Text)
    {
        public (string Slug, string Kind, string Title) Key => (Slug, Kind, Html.Fold(Title));
    }

    public static List<Document> All(
        DemoNetwork demo, IReadOnlyDictionary<string, string> tenantNames, IReadOnlyDictionary<string, string> themeLabels)
    {
        var documents = new List<Document>();
        foreach (var tenant in demo.Tenants)
        {
            var c = tenant.Content;
            var actionThemes = c.Actions.SelectMany(a => a.Themes).ToHashSet(StringComparer.Ordinal);
            documents.Add(new Document(tenant.Slug, "Fiche", tenantNames[tenant.Slug], actionThemes, Join(
                [tenantNames[tenant.Slug], c.Programme.StrategyTitle, .. c.Programme.Axes.Select(a => a.Title),
                 c.Panorama.Narrative, .. c.Panorama.Figures.Select(f => f.Label), c.Budget.Narrative,
                 .. c.Budget.Lines.Select(l => l.Label), c.Budget.Staff?.Note, c.Programme.Narrative,
                 .. c.Programme.Axes.Select(a => a.Text), .. c.Sources.Select(s => s.Title)])));
            documents.AddRange(c.Actions.Select(a => new Document(tenant.Slug, "Action", a.Title, a.Themes.ToHashSet(StringComparer.Ordinal), Join(
                [a.Title, .. a.Themes.Select(t => themeLabels.GetValueOrDefault(t)), a.Description, .. a.Partners,
                 .. a.Results.Select(r => r.Label)]))));
        }

        return documents;
    }

    public static string FoldAccents(string text) =>
        new([.. text.Normalize(NormalizationForm.FormD).Where(ch => CharUnicodeInfo.GetUnicodeCategory(ch) != UnicodeCategory.NonSpacingMark)]);

    /// <summary>The text lower-cased, accents removed, hyphens and apostrophes as spaces, runs of spaces folded.</summary>
    public static string FoldForPhrase(string text) =>
        string.Join(' ', NotLetters().Split(FoldAccents(text).ToLowerInvariant()).Where(w => w.Length > 0));

    private static string Join(IEnumerable<string?> parts) => string.Join('\n', parts.Where(p => !string.IsNullOrEmpty(p)));

    /// <summary>Indexes of the texts that the query matches, with the search configuration but none of the search tables.</summary>
    public static async Task<HashSet<int>> MatchingAsync(TestDatabase database, IReadOnlyList<string> texts, string query)
    {
        var matching = await database.QueryAsAdminAsync<long[]>(
            """
            SELECT coalesce(array_agg(x.i - 1), '{}') FROM unnest(@texts) WITH ORDINALITY AS x(t, i)
            WHERE to_tsvector('app.french_unaccent', x.t) @@ websearch_to_tsquery('app.french_unaccent', @query)
            """,
            ("texts", texts.ToArray()), ("query", query));
        return [.. matching.Select(i => (int)i)];
    }

    [GeneratedRegex(@"[^\p{L}\p{N}]+")]
    private static partial Regex NotLetters();
}
