using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using RtesPlatform.Core.Data;
using RtesPlatform.Core.Features.Comparisons;
using RtesPlatform.Core.Features.Indicators;
using RtesPlatform.Core.Features.Tenants;

namespace RtesPlatform.Web.Pages.Comparaisons;

/// <summary>
/// The network dashboard: which member reported which indicator, and how long ago (the year of
/// each member's latest value), filtered by kind and région, with the counts per indicator. The
/// public sees public values; network members and admins see the network's values too.
/// </summary>
public sealed class TableauModel(ComparisonCoverage coverage, ComparisonQueries queries, RtesDbContext db) : PageModel
{
    public const int PageSize = 25;

    [BindProperty(SupportsGet = true, Name = "type")]
    public string? Kind { get; set; }

    [BindProperty(SupportsGet = true, Name = "region")]
    public string? Region { get; set; }

    // "page" is reserved by Razor Pages: the page number travels as "p", as on the other lists.
    [BindProperty(SupportsGet = true, Name = "p")]
    public string? PageText { get; set; }

    public int PageNumber { get; private set; } = 1;
    public CoverageMatrix Matrix { get; private set; } = new([], new Dictionary<(Guid, string), CoverageCell>(), new Dictionary<string, CoverageCount>(), 0);
    public IReadOnlyList<Indicator> Indicators { get; private set; } = [];
    public IReadOnlyList<(string Code, string Label)> KindOptions { get; } =
        [.. Enum.GetValues<TenantKind>().Where(k => k != TenantKind.Other).Select(k => (TenantKindLabels.Code(k), TenantKindLabels.French(k)))];
    public IReadOnlyList<(string Code, string Label)> RegionOptions { get; private set; } = [];
    public IReadOnlyList<string> Notices { get; private set; } = [];
    public bool ForNetwork { get; private set; }

    public int PageCount => Math.Max(1, (Matrix.TotalMembers + PageSize - 1) / PageSize);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var notices = new List<string>();
        RegionOptions = await MemberRegions.ActiveAsync(db, cancellationToken);
        var kind = TenantKindLabels.FromCode(Kind);
        if (!string.IsNullOrEmpty(Kind) && (kind is null || kind == TenantKind.Other))
        {
            notices.Add("Le type de collectivité demandé n’est pas reconnu : tous les types sont affichés.");
            (Kind, kind) = (null, null);
        }

        if (!string.IsNullOrEmpty(Region) && RegionOptions.All(o => o.Code != Region))
        {
            notices.Add("La région demandée ne compte aucun membre : toutes les régions sont affichées.");
            Region = null;
        }

        if (!string.IsNullOrEmpty(PageText))
        {
            if (int.TryParse(PageText, NumberStyles.None, CultureInfo.InvariantCulture, out var page) && page >= 1)
            {
                PageNumber = page;
            }
            else
            {
                notices.Add("Le numéro de page n’est pas valide : la première page est affichée.");
            }
        }

        Indicators = await queries.CatalogueAsync(cancellationToken);
        ForNetwork = (await queries.ViewerAsync(cancellationToken)).IsNetworkMember;
        Matrix = await coverage.MatrixAsync(new CoverageRequest(kind, string.IsNullOrEmpty(Region) ? null : Region, PageNumber, PageSize), cancellationToken);
        if (Matrix.Members.Count == 0 && Matrix.TotalMembers > 0 && PageNumber > PageCount)
        {
            notices.Add($"La page {PageNumber.ToString(CultureInfo.InvariantCulture)} n’existe pas : la dernière page est affichée.");
            PageNumber = PageCount;
            Matrix = await coverage.MatrixAsync(new CoverageRequest(kind, Region, PageNumber, PageSize), cancellationToken);
        }

        Notices = notices;
    }

    /// <summary>"12 collectivités sur 36 ont une valeur de 2020 à 2024".</summary>
    public string CountText(Indicator indicator)
    {
        ArgumentNullException.ThrowIfNull(indicator);
        if (Matrix.Counts.GetValueOrDefault(indicator.Code) is not { EndYear: { } end, FirstYear: { } first } count)
        {
            return "aucune valeur";
        }

        return string.Create(CultureInfo.InvariantCulture, $"{FrenchFormat.Plural(count.Members, "membre", "membres")} de {first} à {end}");
    }

    /// <summary>"12 membres" (with a recent value), for the matrix's column heads.</summary>
    public string CountShort(Indicator indicator)
    {
        ArgumentNullException.ThrowIfNull(indicator);
        var members = Matrix.Counts.GetValueOrDefault(indicator.Code)?.Members ?? 0;
        return FrenchFormat.Plural(members, "membre", "membres");
    }

    /// <summary>The comparison of one indicator with a member in focus (its look-alikes, latest values).</summary>
    public static string CellLink(string indicatorCode, string slug) =>
        $"/comparaisons?indicateur={Uri.EscapeDataString(indicatorCode)}&membre={Uri.EscapeDataString(slug)}";

    public Dictionary<string, string> RouteFor(int page)
    {
        var route = new Dictionary<string, string>(StringComparer.Ordinal);
        if (!string.IsNullOrEmpty(Kind))
        {
            route["type"] = Kind;
        }

        if (!string.IsNullOrEmpty(Region))
        {
            route["region"] = Region;
        }

        route["p"] = page.ToString(CultureInfo.InvariantCulture);
        return route;
    }

    /// <summary>The dashboard of the same filter as a file (every member, not one page).</summary>
    public string ExportLink(string format)
    {
        var route = RouteFor(1);
        route.Remove("p");
        return Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString($"/comparaisons/tableau/export.{format}", route!);
    }

    public IReadOnlyList<int?> PageLinks => Infrastructure.PageLinks.Around(PageNumber, PageCount);

    public string MembersText => FrenchFormat.Plural(Matrix.TotalMembers, "collectivité", "collectivités");
}
