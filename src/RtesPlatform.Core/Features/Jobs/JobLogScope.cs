using System.Collections;
using System.Globalization;

namespace RtesPlatform.Core.Features.Jobs;

/// <summary>The log scope of a job run: its id, kind, tenant and user as fields (JSON logs), and a short text (simple logs).</summary>
internal sealed class JobLogScope(IReadOnlyList<KeyValuePair<string, object?>> fields) : IReadOnlyList<KeyValuePair<string, object?>>
{
    public int Count => fields.Count;

    public KeyValuePair<string, object?> this[int index] => fields[index];

    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator() => fields.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public override string ToString() =>
        string.Join(' ', fields.Where(f => f.Value is not null).Select(f => string.Create(CultureInfo.InvariantCulture, $"{f.Key}:{f.Value}")));
}
