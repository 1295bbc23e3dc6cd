using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using RtesPlatform.Core.Data;
using RtesPlatform.Core.Features.Fiches;
using RtesPlatform.Core.Features.Search;
using RtesPlatform.Core.Features.Tenants;

namespace RtesPlatform.Web.Pages.Recherche;

/// <summary>Full-text search over the published fiches and their actions, filtered by theme, kind and région.</summary>
public sealed class IndexModel(RtesDbContext db) : PageModel
{
    public const int PageSize = 20;

    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Query { get; set; }

    [BindProperty(SupportsGet = true, Name = "theme")]
    public string? Theme { get; set; }

    [BindProperty(SupportsGet = true, Name = "type")]
    public string? Kind { get; set; }

    [BindProperty(SupportsGet = true, Name = "region")]
    public string? Region { get; set; }

    // "page" is a reserved route value in Razor Pages: the page number travels as "p".
    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public SearchPage Results { get; private set; } = SearchPage.Empty;
    /// <summary>The theme the search words name, if any, and how many published actions carry it.</summary>
    public (Theme Theme, int Actions)? NamedTheme { get; private set; }
    public IReadOnlyList<string> Notices { get; private set; } = [];
    public IReadOnlyList<Theme> ThemeOptions { get; private set; } = [];
    public IReadOnlyList<(string Code, string Label)> KindOptions { get; private set; } = [];
    public IReadOnlyList<(string Code, string Label)> RegionOptions { get; private set; } = [];

    /// <summary>True when there is something to search for (else the page shows how to search).</summary>
    public bool Searched => !string.IsNullOrEmpty(Query);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        await LoadOptionsAsync(cancellationToken);

        var notices = new List<string>();
        Query = FicheSearch.Normalize(Query, out var truncated);
        if (truncated)
        {
            notices.Add($"Votre recherche dépassait {FicheSearch.MaxQueryLength} caractères : seuls les {FicheSearch.MaxQueryLength} premiers ont été pris en compte.");
        }

        // Unknown filter values (an old link, a hand-edited address) are dropped with a message.
        if (!string.IsNullOrEmpty(Theme) && ThemeOptions.All(t => t.Code != Theme))
        {
            notices.Add("Le thème demandé n’existe pas : tous les thèmes sont pris en compte.");
            Theme = null;
        }

        var kind = TenantKindLabels.FromCode(Kind);
        if (!string.IsNullOrEmpty(Kind) && kind is null)
        {
            notices.Add("Le type de collectivité demandé n’est pas reconnu : tous les types sont pris en compte.");
            Kind = null;
        }
        else if (kind is { } known && KindOptions.All(o => o.Code != Kind))
        {
            KindOptions = [.. KindOptions, (TenantKindLabels.Code(known), TenantKindLabels.French(known))];
        }

        if (!string.IsNullOrEmpty(Region) && RegionOptions.All(o => o.Code != Region))
        {
            notices.Add("La région demandée n’est pas reconnue : toutes les régions sont prises en compte.");
            Region = null;
        }

        Notices = notices;
        if (Searched)
        {
            Results = await FicheSearch.SearchAsync(
                db, Query!, new SearchFilter(Theme, kind, Region), PageNumber, PageSize, cancellationToken);
            if (ThemeWords.Named(ThemeOptions, Query) is { } named)
            {
                var tagged = await Core.Features.Actions.PublishedActions.SearchAsync(
                    db, new Core.Features.Actions.ActionFilter(named.Code, kind, Region), 1, 1, cancellationToken);
                NamedTheme = (named, tagged.ActionCount);
            }
        }

        PageNumber = Results.PageNumber;
    }

    public string CountText => Results.ResultCount switch
    {
        0 => "Aucun résultat.",
        var n => $"{FrenchFormat.Plural(n, "résultat", "résultats")} dans les fiches de {FrenchFormat.Plural(Results.CollectivityCount, "collectivité", "collectivités")}",
    };

    public static string KindLabel(SearchHit hit) => hit.DocumentKind == SearchHit.Fiche ? "Fiche" : "Action";

    public static string TenantKindLabel(SearchHit hit) =>
        TenantKindLabels.French(TenantKindLabels.FromCode(hit.TenantKind) ?? TenantKind.Other);

    /// <summary>Page numbers to link, null for a gap: the first, the last and two around the current one.</summary>
    public IReadOnlyList<int?> PageLinks => Infrastructure.PageLinks.Around(PageNumber, Results.PageCount);

    public Dictionary<string, string> RouteFor(int page)
    {
        var route = new Dictionary<string, string>(StringComparer.Ordinal);
        void Add(string key, string? value)
        {
            if (!string.IsNullOrEmpty(value))
            {
                route[key] = value;
            }
        }

        Add("q", Query);
        Add("theme", Theme);
        Add("type", Kind);
        Add("region", Region);
        Add("p", page.ToString(CultureInfo.InvariantCulture));
        return route;
    }


    private async Task LoadOptionsAsync(CancellationToken cancellationToken)
    {
        var filters = await Infrastructure.PublishedFilters.LoadAsync(db, cancellationToken);
        (ThemeOptions, KindOptions, RegionOptions) = (filters.Themes, filters.Kinds, filters.Regions);
    }
}
