using AngleSharp;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;

namespace RtesPlatform.IntegrationTests.Authoring;

/// <summary>
/// Submits HTML forms as a browser without script would: every successful control with its
/// current value (antiforgery token included), the submit button's name and formaction, and the
/// test's changes.
/// </summary>
internal static class Forms
{
    public static async Task<(int Status, IDocument Document)> GetAsync(HttpClient client, string url)
    {
        using var response = await client.GetAsync(new Uri(url, UriKind.Relative));
        return ((int)response.StatusCode, await ParseAsync(response, url));
    }

    /// <summary>Submits the form that contains <paramref name="submitter"/> (a submit button).</summary>
    public static async Task<(int Status, IDocument Document)> SubmitAsync(
        HttpClient client, IDocument page, IElement submitter, IReadOnlyDictionary<string, string>? changes = null)
    {
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(submitter);
        var form = submitter.Closest("form") as IHtmlFormElement ?? throw new InvalidOperationException("The button is in no form.");
        var values = Values(form);
        if (submitter.GetAttribute("name") is { Length: > 0 } name)
        {
            values.Add(new(name, submitter.GetAttribute("value") ?? string.Empty));
        }

        foreach (var (key, value) in changes ?? new Dictionary<string, string>())
        {
            var index = values.FindIndex(v => v.Key == key);
            if (index >= 0)
            {
                values[index] = new(key, value);
            }
            else
            {
                values.Add(new(key, value));
            }
        }

        var pageUrl = page.Url.StartsWith("http", StringComparison.Ordinal) ? new Uri(page.Url).PathAndQuery : page.Url;
        var action = submitter.GetAttribute("formaction") ?? form.GetAttribute("action");
        var target = string.IsNullOrEmpty(action) ? pageUrl : action;
        using var content = new FormUrlEncodedContent(values);
        using var response = await client.PostAsync(new Uri(target, UriKind.Relative), content);
        return ((int)response.StatusCode, await ParseAsync(response, target));
    }

    public static IElement Button(this IDocument page, string text) =>
        page.QuerySelectorAll("button[type=submit]").FirstOrDefault(b => b.TextContent.Trim() == text && b.GetAttribute("aria-hidden") is null)
        ?? throw new InvalidOperationException($"No button « {text} » on the page.");

    public static string Value(this IDocument page, string name) =>
        page.QuerySelector($"[name=\"{name}\"]") switch
        {
            IHtmlTextAreaElement area => area.Value,
            IHtmlSelectElement select => select.Value ?? string.Empty,
            IHtmlInputElement input => input.Value,
            _ => throw new InvalidOperationException($"No field {name}."),
        };

    private static List<KeyValuePair<string, string>> Values(IHtmlFormElement form)
    {
        var values = new List<KeyValuePair<string, string>>();
        foreach (var element in form.Elements)
        {
            var name = element.GetAttribute("name");
            if (string.IsNullOrEmpty(name) || element.HasAttribute("disabled"))
            {
                continue;
            }

            switch (element)
            {
                case IHtmlInputElement input when input.Type is "submit" or "button" or "image" or "reset":
                    break;
                case IHtmlInputElement input when input.Type is "checkbox" or "radio":
                    if (input.IsChecked)
                    {
                        values.Add(new(name, input.GetAttribute("value") ?? "on"));
                    }

                    break;
                case IHtmlInputElement input:
                    values.Add(new(name, input.Value));
                    break;
                case IHtmlTextAreaElement area:
                    values.Add(new(name, area.Value));
                    break;
                case IHtmlSelectElement select:
                    values.Add(new(name, select.Value ?? string.Empty));
                    break;
            }
        }

        return values;
    }

    private static async Task<IDocument> ParseAsync(HttpResponseMessage response, string url)
    {
        var body = await response.Content.ReadAsStringAsync();
        var finalUrl = response.RequestMessage?.RequestUri?.PathAndQuery ?? url;
        var context = BrowsingContext.New(Configuration.Default);
        return await context.OpenAsync(request => request.Content(body).Address("http://localhost" + finalUrl));
    }
}
