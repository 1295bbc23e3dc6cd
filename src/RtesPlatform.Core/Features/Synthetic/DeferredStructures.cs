using Npgsql;

namespace RtesPlatform.Core.Features.Synthetic;

/// <summary>
/// The indexes, primary key and foreign keys of <c>indicator_values</c>, dropped before a bulk load
/// and recreated from their own definitions (read from the catalog, so they stay what the
/// migrations made): one sorted index build and one join to validate each key instead of millions
/// of index insertions and row-by-row key checks.
/// </summary>
internal sealed class DeferredStructures
{
    private readonly List<string> _indexes = [];
    private readonly List<(string Name, string Definition)> _constraints = [];

    public static async Task<DeferredStructures> SetAsideAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        var deferred = new DeferredStructures();
        var drops = new List<string>();
        await using (var command = new NpgsqlCommand("""
            SELECT 'i', quote_ident(i.relname), pg_get_indexdef(i.oid)
            FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid
            WHERE x.indrelid = 'indicator_values'::regclass
              AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.oid)
            UNION ALL
            SELECT 'c', quote_ident(conname), pg_get_constraintdef(oid)
            FROM pg_constraint WHERE conrelid = 'indicator_values'::regclass AND contype IN ('p', 'f')
            ORDER BY 1 DESC
            """, connection, transaction))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                var (kind, name, definition) = (reader.GetString(0), reader.GetString(1), reader.GetString(2));
                if (kind == "i")
                {
                    deferred._indexes.Add(definition);
                    drops.Add($"DROP INDEX {name};");
                }
                else
                {
                    deferred._constraints.Add((name, definition));
                    drops.Add($"ALTER TABLE indicator_values DROP CONSTRAINT {name};");
                }
            }
        }

        if (drops.Count > 0)
        {
            await SyntheticNetwork.ExecuteAsync(connection, transaction, string.Join('\n', drops), cancellationToken);
        }

        return deferred;
    }

    public async Task RestoreAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        foreach (var index in _indexes)
        {
            await SyntheticNetwork.ExecuteAsync(connection, transaction, index, cancellationToken);
        }

        foreach (var (name, definition) in _constraints)
        {
            await SyntheticNetwork.ExecuteAsync(
                connection, transaction, $"ALTER TABLE indicator_values ADD CONSTRAINT {name} {definition}", cancellationToken);
        }
    }
}
