using Microsoft.EntityFrameworkCore;
using RtesPlatform.Core.Features.Indicators;

namespace RtesPlatform.Core.Features.Comparisons;

/// <summary>
/// The comparison of members on one indicator, as the pages and the API ask it: the window's
/// ranking (<see cref="ComparisonRanking"/>), the distribution of the values shown
/// (<see cref="ComparisonDistributions"/>), the focus member's place, the members without a value,
/// and the widening of a "similar" peer group. Series: <see cref="ComparisonSeries"/>.
/// </summary>
public sealed class ComparisonQueries(
    ComparisonSession session, ComparisonRanking ranking, ComparisonDistributions distributions, ComparisonSeries series)
{
    /// <summary>How many members without a value a result lists by name (all are counted).</summary>
    public const int MissingListed = 100;

    /// <summary>Queries that answer as the public whoever is signed in (the open API).</summary>
    public static ComparisonQueries ForPublic(Data.RtesDbContext db)
    {
        var session = ComparisonSession.ForPublic(db);
        var distributions = new ComparisonDistributions(session);
        return new ComparisonQueries(session, new ComparisonRanking(session), distributions, new ComparisonSeries(session, distributions));
    }

    public ComparisonDistributions Distributions => distributions;

    public ComparisonSeries Series => series;

    public async Task<IReadOnlyList<Indicator>> CatalogueAsync(CancellationToken cancellationToken) =>
        await session.Db.Indicators.AsNoTracking().OrderBy(i => i.SortOrder).ThenBy(i => i.Code).ToListAsync(cancellationToken);

    public Task<Viewer> ViewerAsync(CancellationToken cancellationToken) => session.ViewerAsync(cancellationToken);

    /// <summary>Years that have values the viewer may compare, most recent first, with how many members have one that year.</summary>
    public async Task<IReadOnlyList<(int Year, int Count)>> YearsAsync(string indicatorCode, CancellationToken cancellationToken)
    {
        var viewer = await session.ViewerAsync(cancellationToken);
        await using var command = await session.CommandAsync("""
            SELECT year, member_count FROM indicator_aggregates
            WHERE indicator_code = @code AND audience = @audience AND group_kind = 'all'
            ORDER BY year DESC
            """, cancellationToken);
        command.Parameters.AddWithValue("code", indicatorCode);
        command.Parameters.AddWithValue("audience", viewer.Audience);
        var years = new List<(int, int)>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            years.Add((reader.Get<int>("year"), reader.Get<int>("member_count")));
        }

        return years;
    }

    /// <summary>The codes of the indicators a member has values of that the viewer may compare.</summary>
    public async Task<IReadOnlyList<string>> IndicatorsOfAsync(Guid tenantId, CancellationToken cancellationToken)
    {
        var viewer = await session.ViewerAsync(cancellationToken);
        await using var command = await session.CommandAsync($"""
            SELECT DISTINCT indicator_code FROM indicator_values
            WHERE tenant_id = @tenant AND (visibility = 'public' OR (@network AND visibility = 'network'))
            """, cancellationToken);
        command.Parameters.AddWithValue("tenant", tenantId);
        command.Parameters.AddWithValue("network", viewer.IsNetworkMember);
        var codes = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            codes.Add(reader.Get<string>("indicator_code"));
        }

        return codes;
    }

    public async Task<ComparisonResult?> CompareAsync(ComparisonQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var indicator = await session.Db.Indicators.AsNoTracking().SingleOrDefaultAsync(i => i.Code == query.IndicatorCode, cancellationToken);
        if (indicator is null)
        {
            return null;
        }

        var perCapita = query.PerCapita && indicator.PerCapitaBase is not null;
        var viewer = await session.ViewerAsync(cancellationToken);
        var pageSize = Math.Clamp(query.PageSize, 1, 100_000);
        var page = Math.Max(1, query.Page);

        var (filter, steps) = await WidenAsync(new ComparisonFilter(indicator, query.Window, perCapita, query.Group, viewer), cancellationToken);
        var (rows, total, span) = await ranking.PageAsync(filter, page, pageSize, cancellationToken);
        if (rows.Count == 0 && total > 0)
        {
            // Past the last page: show the last one.
            page = (total + pageSize - 1) / pageSize;
            (rows, total, span) = await ranking.PageAsync(filter, page, pageSize, cancellationToken);
        }

        var distribution = total == 0 ? null : await distributions.OfAsync(filter, cancellationToken);
        ComparisonRow? focus = null;
        MissingMember? focusMissing = null;
        if (query.FocusTenantId is { } focusId)
        {
            focus = rows.FirstOrDefault(r => r.Member.TenantId == focusId)
                ?? await ranking.RowOfAsync(filter, focusId, cancellationToken);
            if (focus is null)
            {
                var (nearest, _) = await ranking.MissingAsync(filter with { Group = PeerGroup.OfMembers([focusId]) }, 1, cancellationToken);
                focusMissing = nearest is [var first, ..] ? first : null;
            }
        }

        var ownPrivate = viewer.OwnTenants.Count == 0 ? [] : await ranking.OwnPrivateAsync(filter, cancellationToken);
        var (missing, missingCount) = await ranking.MissingAsync(filter, MissingListed, cancellationToken);

        return new ComparisonResult(
            indicator, query.Window, perCapita, filter.Group, distribution, rows, total, page, pageSize,
            focus, focusMissing, ownPrivate, missing, missingCount, span, steps,
            rows.Select(r => r.Member.PopulationVintage).FirstOrDefault(v => v is not null));
    }

    /// <summary>Every row of a comparison, in rank order, for the exports (the same group as the page, widened alike).</summary>
    public async Task<IReadOnlyList<ComparisonRow>> AllRowsAsync(
        Indicator indicator, ComparisonWindow window, bool perCapita, PeerGroup group, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(indicator);
        var viewer = await session.ViewerAsync(cancellationToken);
        var (filter, _) = await WidenAsync(
            new ComparisonFilter(indicator, window, perCapita && indicator.PerCapitaBase is not null, group, viewer), cancellationToken);
        var (rows, _, _) = await ranking.PageAsync(filter, 1, int.MaxValue, cancellationToken);
        return rows;
    }

    /// <summary>
    /// A "similar" group (same kind and band in the focus's région) with fewer than
    /// <see cref="PeerGroupRequest.SimilarMinimum"/> members with a value widens step by step;
    /// any other group is compared as asked.
    /// </summary>
    private async Task<(ComparisonFilter Filter, IReadOnlyList<PeerGroupStep> Steps)> WidenAsync(
        ComparisonFilter filter, CancellationToken cancellationToken)
    {
        if (filter.Group.GroupKind != PeerGroupKinds.KindBandRegion)
        {
            return (filter, []);
        }

        var steps = new List<PeerGroupStep>();
        var current = filter;
        foreach (var group in PeerGroupRequest.WideningSteps(filter.Group))
        {
            current = filter with { Group = group };
            var count = await ranking.CountAsync(current, cancellationToken);
            steps.Add(new PeerGroupStep(group, count));
            if (count >= PeerGroupRequest.SimilarMinimum)
            {
                break;
            }
        }

        return (current, steps);
    }
}
