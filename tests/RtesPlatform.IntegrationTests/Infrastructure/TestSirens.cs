using System.Collections.Concurrent;
using System.Text.Json;

namespace RtesPlatform.IntegrationTests.Infrastructure;

/// <summary>
/// Real EPCI SIRENs from the reference package, each handed out once per process, so that tests
/// never share a tenant. The demo network's SIRENs are kept out: tests name those explicitly.
/// </summary>
internal static class TestSirens
{
    private static readonly HashSet<string> _reserved = ["241700434", "200066009", "246700488", "200027308", "200067213"];

    private static readonly Lazy<ConcurrentQueue<string>> _available = new(Load);

    public static string Next() =>
        _available.Value.TryDequeue(out var siren)
            ? siren
            : throw new InvalidOperationException("No EPCI SIREN left for tests.");

    private static ConcurrentQueue<string> Load()
    {
        using var stream = File.OpenRead(RepositoryPaths.ReferenceDataFile("epci.json"));
        using var document = JsonDocument.Parse(stream);
        return new(document.RootElement.EnumerateArray()
            .Where(e => e.GetProperty("type").GetString() == "CC")
            .Select(e => e.GetProperty("code").GetString()!)
            .Where(code => !_reserved.Contains(code)));
    }
}
