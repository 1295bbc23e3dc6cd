using System.Text;
using Npgsql;
using NpgsqlTypes;
using RtesPlatform.Core.Features.Indicators;
using RtesPlatform.Core.Features.Tenants;

namespace RtesPlatform.Core.Features.Comparisons;

/// <summary>
/// The values shown in one comparison: the rows of <c>comparison_values</c> (alias <c>c</c>) of one
/// indicator and end year that the viewer's audience sees, within the window, in the peer group
/// — one contiguous range of the primary key. Also the same group over <c>tenants</c> (alias
/// <c>t</c>), for the members without a value.
/// </summary>
internal sealed record ComparisonFilter(Indicator Indicator, ComparisonWindow Window, bool PerCapita, PeerGroup Group, Viewer Viewer)
{
    /// <summary>The metric compared: the value, or the value per capita.</summary>
    public string Metric => PerCapita ? "c.per_capita" : "c.value::float8";

    private string Sees => Viewer.IsNetworkMember ? "c.network_sees" : "c.public_sees";

    /// <summary>The condition on <c>comparison_values c</c>.</summary>
    public string Shown()
    {
        var sql = new StringBuilder($"c.indicator_code = @code AND c.end_year = @end_year AND c.year >= @first_year AND {Sees}");
        if (PerCapita)
        {
            sql.Append(" AND c.per_capita IS NOT NULL");
        }

        AppendGroup(sql, "c.kind", "c.region_code", "c.band", "c.member_id");
        return sql.ToString();
    }

    /// <summary>The same group on <c>tenants t</c> (active members only).</summary>
    public string Members()
    {
        var sql = new StringBuilder("t.status = 'active'");
        AppendGroup(sql, "t.kind", "t.region_code", "app.population_band(t.population)", "t.id");
        return sql.ToString();
    }

    /// <summary>The same audience's row of a member for the end year, whatever its year (<c>o</c>), for the nearest value.</summary>
    public string OlderOf(string alias) =>
        $"{alias}.indicator_code = @code AND {alias}.end_year = @end_year AND {alias}.year < @first_year AND {Sees.Replace("c.", alias + ".", StringComparison.Ordinal)}";

    public void AddParameters(NpgsqlCommand command)
    {
        ArgumentNullException.ThrowIfNull(command);
        command.Parameters.AddWithValue("code", Indicator.Code);
        command.Parameters.AddWithValue("end_year", Window.EndYear);
        command.Parameters.AddWithValue("first_year", Window.FirstYear);
        if (Group.Kind is { } kind)
        {
            command.Parameters.AddWithValue("kind", TenantKindLabels.Code(kind));
        }

        if (Group.RegionCode is { } region)
        {
            command.Parameters.AddWithValue("region", region);
        }

        if (Group.Band is { } band)
        {
            command.Parameters.AddWithValue("band", band);
        }

        if (Group.IsList)
        {
            command.Parameters.Add(new NpgsqlParameter("members", NpgsqlDbType.Array | NpgsqlDbType.Uuid) { Value = Group.Members.ToArray() });
        }
    }

    private void AppendGroup(StringBuilder sql, string kind, string region, string band, string id)
    {
        if (Group.Kind is not null)
        {
            sql.Append(" AND ").Append(kind).Append(" = @kind");
        }

        if (Group.RegionCode is not null)
        {
            sql.Append(" AND ").Append(region).Append(" = @region");
        }

        if (Group.Band is not null)
        {
            sql.Append(" AND ").Append(band).Append(" = @band");
        }

        if (Group.IsList)
        {
            sql.Append(" AND ").Append(id).Append(" = ANY (@members)");
        }
    }
}
