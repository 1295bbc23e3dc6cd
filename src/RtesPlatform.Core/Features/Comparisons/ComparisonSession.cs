using Microsoft.EntityFrameworkCore;
using Npgsql;
using RtesPlatform.Core.Data;
using RtesPlatform.Core.Features.Accounts;

namespace RtesPlatform.Core.Features.Comparisons;

/// <summary>
/// The connection and the viewer the comparison queries share within one unit of work. Every read
/// goes through row-level security (the connection is opened through EF Core, whose interceptor
/// sets the session's user); the queries add the audience's own conditions so that a
/// network-only value is never counted for the public, and a private value never counted.
/// </summary>
public sealed class ComparisonSession(RtesDbContext db, CurrentUser currentUser)
{
    private Viewer? _viewer;

    public RtesDbContext Db => db;

    /// <summary>A session that answers as the public whoever is signed in (the open API).</summary>
    public static ComparisonSession ForPublic(RtesDbContext db) => new(db, new CurrentUser());

    /// <summary>The viewer, as the database sees it (anonymous visitors need no query).</summary>
    public async Task<Viewer> ViewerAsync(CancellationToken cancellationToken)
    {
        if (_viewer is not null)
        {
            return _viewer;
        }

        if (currentUser.UserId is null)
        {
            return _viewer = Viewer.Public;
        }

        await using var command = await CommandAsync(
            "SELECT app.viewer_is_network_member() AS is_network, app.viewer_tenant_ids() AS own", cancellationToken);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return _viewer = new Viewer(reader.Get<bool>("is_network"), reader.Get<Guid[]>("own"));
    }

    public async Task<NpgsqlCommand> CommandAsync(string sql, CancellationToken cancellationToken)
    {
        // Opening through EF Core runs the session interceptor (app.user_id for row-level security).
        if (db.Database.GetDbConnection().State != System.Data.ConnectionState.Open)
        {
            await db.Database.OpenConnectionAsync(cancellationToken);
        }

        return new NpgsqlCommand(sql, (NpgsqlConnection)db.Database.GetDbConnection());
    }
}
