using System.Text.Json;

namespace RtesPlatform.IntegrationTests.Operations;

/// <summary>One line of the JSON console log: category, message, state and the merged scope values.</summary>
internal sealed record LogLine(string Category, string Message, IReadOnlyDictionary<string, string?> State, IReadOnlyDictionary<string, string?> Scopes)
{
    public string? Scope(string key) => Scopes.GetValueOrDefault(key);

    public static IEnumerable<LogLine> ParseAll(string output)
    {
        foreach (var line in output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!line.StartsWith('{'))
            {
                continue;
            }

            using var document = JsonDocument.Parse(line);
            var root = document.RootElement;
            var scopes = new Dictionary<string, string?>(StringComparer.Ordinal);
            if (root.TryGetProperty(nameof(Scopes), out var list))
            {
                foreach (var scope in list.EnumerateArray().Where(s => s.ValueKind == JsonValueKind.Object))
                {
                    foreach (var property in scope.EnumerateObject())
                    {
                        scopes[property.Name] = Text(property.Value);
                    }
                }
            }

            var state = root.TryGetProperty(nameof(State), out var s) && s.ValueKind == JsonValueKind.Object
                ? s.EnumerateObject().ToDictionary(p => p.Name, p => Text(p.Value), StringComparer.Ordinal)
                : new Dictionary<string, string?>();
            yield return new LogLine(root.GetProperty(nameof(Category)).GetString()!, root.GetProperty(nameof(Message)).GetString() ?? "", state, scopes);
        }
    }

    private static string? Text(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Null => null,
        JsonValueKind.String => value.GetString(),
        _ => value.GetRawText(),
    };
}
