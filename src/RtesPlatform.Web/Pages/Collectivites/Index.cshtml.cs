using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using RtesPlatform.Core.Data;
using RtesPlatform.Core.Features.Fiches;
using RtesPlatform.Core.Features.Tenants;

namespace RtesPlatform.Web.Pages.Collectivites;

/// <summary>The directory of members: filters (kind, région, membership year, theme), sorting, pagination.</summary>
public sealed class IndexModel(RtesDbContext db, PublicTenantQueries directory) : PageModel
{
    public const int PageSize = 20;

    [BindProperty(SupportsGet = true, Name = "type")]
    public string? Kind { get; set; }

    [BindProperty(SupportsGet = true, Name = "region")]
    public string? Region { get; set; }

    [BindProperty(SupportsGet = true, Name = "adhesion")]
    public int? MembershipYear { get; set; }

    [BindProperty(SupportsGet = true, Name = "theme")]
    public string? Theme { get; set; }

    [BindProperty(SupportsGet = true, Name = "tri")]
    public string? Sort { get; set; }

    // "page" is a reserved route value in Razor Pages: the page number travels as "p".
    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public IReadOnlyList<DirectoryEntry> Entries { get; private set; } = [];
    public int TotalCount { get; private set; }
    public int PageCount => Math.Max(1, (TotalCount + PageSize - 1) / PageSize);
    public IReadOnlyList<(string Code, string Label)> KindOptions { get; private set; } = [];
    public IReadOnlyList<(string Code, string Label)> RegionOptions { get; private set; } = [];
    public IReadOnlyList<int> YearOptions { get; private set; } = [];
    public IReadOnlyList<Theme> ThemeOptions { get; private set; } = [];

    public sealed record DirectoryEntry(
        string Slug, string Name, TenantKind Kind, string? RegionName, int? Population, int? PopulationVintage,
        int? MembershipYear, DateTimeOffset? PublishedAt, bool IsFictitious);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var active = db.Tenants.AsNoTracking().Where(t => t.Status == TenantStatus.Active);
        await LoadOptionsAsync(active, cancellationToken);

        var filter = new DirectoryFilter(
            TenantKindLabels.FromCode(Kind),
            string.IsNullOrEmpty(Region) ? null : Region,
            MembershipYear,
            string.IsNullOrEmpty(Theme) ? null : Theme,
            Sort: Sort switch
            {
                "population" => DirectorySort.PopulationDescending,
                "adhesion" => DirectorySort.MembershipYear,
                "mise-a-jour" => DirectorySort.LastPublished,
                _ => DirectorySort.Name,
            });
        PageNumber = Math.Max(1, PageNumber);
        var page = await directory.ListAsync(filter, PageNumber, PageSize, cancellationToken);
        if (page.Items.Count == 0 && page.Total > 0)
        {
            // Past the last page (an old link): show the last one.
            PageNumber = (page.Total + PageSize - 1) / PageSize;
            page = await directory.ListAsync(filter, PageNumber, PageSize, cancellationToken);
        }

        TotalCount = page.Total;
        Entries = [.. page.Items.Select(t => new DirectoryEntry(
            t.Slug, t.Name, t.Kind, t.RegionName, t.Population, t.PopulationVintage, t.MembershipYear, t.PublishedAt,
            t.Origin == TenantOrigin.Synthetic))];
    }

    private async Task LoadOptionsAsync(IQueryable<Tenant> active, CancellationToken cancellationToken)
    {
        var kinds = await active.Select(t => t.Kind).Distinct().ToListAsync(cancellationToken);
        KindOptions = [.. kinds.OrderBy(k => k).Select(k => (TenantKindLabels.Code(k), TenantKindLabels.French(k)))];
        var regions = await active
            .Where(t => t.RegionCode != null && t.RegionName != null)
            .Select(t => new { t.RegionCode, t.RegionName })
            .Distinct()
            .ToListAsync(cancellationToken);
        RegionOptions = [.. regions.OrderBy(r => r.RegionName, StringComparer.Create(Infrastructure.WebSetup.French, false)).Select(r => (r.RegionCode!, r.RegionName!))];
        YearOptions = await active
            .Where(t => t.MembershipYear != null)
            .Select(t => t.MembershipYear!.Value)
            .Distinct()
            .OrderBy(y => y)
            .ToListAsync(cancellationToken);
        ThemeOptions = await db.Themes.AsNoTracking().OrderBy(t => t.SortOrder).ToListAsync(cancellationToken);
    }

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

        Add("type", Kind);
        Add("region", Region);
        Add("adhesion", MembershipYear?.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Add("theme", Theme);
        Add("tri", Sort);
        Add("p", page.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return route;
    }
}
