using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using RtesPlatform.Core.Data;
using RtesPlatform.Core.Features.Actions;
using RtesPlatform.Core.Features.Fiches;
using RtesPlatform.Core.Features.Tenants;

namespace RtesPlatform.Web.Pages.Actions;

/// <summary>"Qui fait quoi": the actions of every published fiche by theme, filtered by theme, kind and région.</summary>
public sealed class IndexModel(RtesDbContext db) : PageModel
{
    public const int PageSize = 25;

    [BindProperty(SupportsGet = true, Name = "theme")]
    public string? Theme { get; set; }

    [BindProperty(SupportsGet = true, Name = "type")]
    public string? Kind { get; set; }

    [BindProperty(SupportsGet = true, Name = "region")]
    public string? Region { get; set; }

    // "page" is a reserved route value in Razor Pages: the page number travels as "p", as in the directory.
    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public ActionPage Results { get; private set; } = new([], 0, 0, 1, 1);
    public IReadOnlyList<string> Notices { get; private set; } = [];
    public IReadOnlyList<Theme> ThemeOptions { get; private set; } = [];
    public IReadOnlyList<(string Code, string Label)> KindOptions { get; private set; } = [];
    public IReadOnlyList<(string Code, string Label)> RegionOptions { get; private set; } = [];
    public IReadOnlyDictionary<string, string> ThemeLabels { get; private set; } = new Dictionary<string, string>();

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        await LoadOptionsAsync(cancellationToken);

        // An unknown value (an old link, a hand-edited address) is dropped with a message rather than
        // giving an empty list or an error; the form then shows the filter as unset.
        var notices = new List<string>();
        if (!string.IsNullOrEmpty(Theme) && !ThemeLabels.ContainsKey(Theme))
        {
            notices.Add("Le thème demandé n’existe pas : les actions de tous les thèmes sont affichées.");
            Theme = null;
        }

        var kind = TenantKindLabels.FromCode(Kind);
        if (!string.IsNullOrEmpty(Kind) && kind is null)
        {
            notices.Add("Le type de collectivité demandé n’est pas reconnu : tous les types sont affichés.");
            Kind = null;
        }
        else if (kind is { } known && KindOptions.All(o => o.Code != Kind))
        {
            // A real kind without any published fiche: keep it selectable, the list says it is empty.
            KindOptions = [.. KindOptions, (TenantKindLabels.Code(known), TenantKindLabels.French(known))];
        }

        if (!string.IsNullOrEmpty(Region) && RegionOptions.All(o => o.Code != Region))
        {
            notices.Add("La région demandée n’est pas reconnue : toutes les régions sont affichées.");
            Region = null;
        }

        Notices = notices;
        Results = await PublishedActions.SearchAsync(
            db, new ActionFilter(Theme, kind, Region), PageNumber, PageSize, cancellationToken);
        PageNumber = Results.PageNumber;
    }

    /// <summary>The page's actions in runs under their theme heading (the query sorts by it).</summary>
    public IEnumerable<IGrouping<string, PublishedAction>> Groups => Results.Items.GroupBy(a => a.HeadingThemeCode);

    public string HeadingLabel(string code) =>
        code == PublishedAction.NoTheme ? "Sans thème" : ThemeLabels.GetValueOrDefault(code, code);

    public static string? Years(PublishedAction action) => (action.YearStart, action.YearEnd) switch
    {
        ({ } start, { } end) when start == end => start.ToString(CultureInfo.InvariantCulture),
        ({ } start, { } end) => $"{start.ToString(CultureInfo.InvariantCulture)}–{end.ToString(CultureInfo.InvariantCulture)}",
        ({ } start, null) => $"depuis {start.ToString(CultureInfo.InvariantCulture)}",
        (null, { } end) => $"jusqu’en {end.ToString(CultureInfo.InvariantCulture)}",
        _ => null,
    };

    public IReadOnlyList<int?> PageLinks => Infrastructure.PageLinks.Around(PageNumber, Results.PageCount);

    public string CountText => Results.ActionCount switch
    {
        0 => "Aucune action ne correspond à ces critères.",
        var n => $"{FrenchFormat.Plural(n, "action", "actions")} de {FrenchFormat.Plural(Results.CollectivityCount, "collectivité", "collectivités")}",
    };


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
        ThemeLabels = ThemeOptions.ToDictionary(t => t.Code, t => t.LabelFr, StringComparer.Ordinal);
    }
}
