using System.Globalization;
using Microsoft.Net.Http.Headers;

namespace RtesPlatform.Web.Api.Officer;

/// <summary>The draft's revision as an entity tag (<c>"12"</c>), and the If-Match precondition of a save.</summary>
internal static class DraftETag
{
    public static string Of(int revision) => string.Create(CultureInfo.InvariantCulture, $"\"{revision}\"");

    /// <summary>
    /// The revision named by If-Match: null when the header is missing (428), -1 when it names no
    /// revision (412 follows); <c>*</c> names the current one.
    /// </summary>
    public static int? Expected(HttpRequest request, int current)
    {
        ArgumentNullException.ThrowIfNull(request);
        var values = request.Headers.IfMatch;
        if (values.Count == 0 || string.IsNullOrWhiteSpace(values.ToString()))
        {
            return null;
        }

        if (!EntityTagHeaderValue.TryParseList(values, out var tags) || tags.Count == 0)
        {
            return -1;
        }

        if (tags.Any(t => t.Equals(EntityTagHeaderValue.Any)))
        {
            return current;
        }

        foreach (var tag in tags)
        {
            var text = tag.Tag.Value?.Trim('"');
            if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var revision) && revision == current)
            {
                return revision;
            }
        }

        return -1;
    }

    public static void Set(HttpResponse response, int revision)
    {
        ArgumentNullException.ThrowIfNull(response);
        response.Headers.ETag = Of(revision);
    }
}
