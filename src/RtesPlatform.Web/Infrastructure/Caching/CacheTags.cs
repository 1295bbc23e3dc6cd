using System.Globalization;

namespace RtesPlatform.Web.Infrastructure.Caching;

/// <summary>Tags of the cached entries: every public entry, and the generation it was rendered in.</summary>
public static class CacheTags
{
    /// <summary>Every entry: a public change evicts them all (a publication shows on the fiche, the directory, the lists, the comparisons, the search and the API).</summary>
    public const string Public = "rtes-public";

    private const string GenerationPrefix = "rtes-generation:";

    public static string Generation(long generation) => GenerationPrefix + generation.ToString(CultureInfo.InvariantCulture);

    public static bool TryParseGeneration(string tag, out long generation)
    {
        generation = 0;
        return tag is not null
            && tag.StartsWith(GenerationPrefix, StringComparison.Ordinal)
            && long.TryParse(tag.AsSpan(GenerationPrefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out generation);
    }
}
