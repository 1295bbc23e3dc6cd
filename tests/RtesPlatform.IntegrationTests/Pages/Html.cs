using AngleSharp;
using AngleSharp.Dom;

namespace RtesPlatform.IntegrationTests.Pages;

/// <summary>Fetches pages over HTTP and parses them as a browser would, without running script.</summary>
internal static class Html
{
    public static async Task<(int Status, IDocument Document)> GetAsync(HttpClient client, string url)
    {
        using var response = await client.GetAsync(new Uri(url, UriKind.Relative));
        var body = await response.Content.ReadAsStringAsync();
        var context = BrowsingContext.New(Configuration.Default);
        var document = await context.OpenAsync(request => request.Content(body));
        return ((int)response.StatusCode, document);
    }

    /// <summary>Text with every kind of space (fr-FR groups digits with U+202F) folded to a plain space.</summary>
    public static string Text(this IElement element) => Fold(element.TextContent);

    public static string Fold(string text) =>
        string.Join(' ', text.Replace('\u202f', ' ').Replace('\u00a0', ' ')
            .Split([' ', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries));
}
