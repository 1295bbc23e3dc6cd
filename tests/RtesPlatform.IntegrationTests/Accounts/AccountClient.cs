using System.Net;
using AngleSharp;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;

namespace RtesPlatform.IntegrationTests.Accounts;

/// <summary>Fills and submits forms as a browser would (hidden fields and antiforgery token included).</summary>
public sealed class AccountClient(HttpClient client) : IDisposable
{
    public HttpClient Http { get; } = client;

    public async Task<(HttpStatusCode Status, IDocument Document)> GetAsync(string url)
    {
        using var response = await Http.GetAsync(new Uri(url, UriKind.Relative));
        return (response.StatusCode, await ParseAsync(response));
    }

    /// <summary>Loads <paramref name="url"/>, fills the form matching <paramref name="formSelector"/> and posts it.</summary>
    public async Task<HttpResponseMessage> SubmitAsync(string url, IDictionary<string, string> values, string formSelector = "form.account-form")
    {
        var (status, document) = await GetAsync(url);
        status.ShouldBe(HttpStatusCode.OK, $"GET {url}");
        return await SubmitAsync(url, document, values, formSelector);
    }

    public async Task<HttpResponseMessage> SubmitAsync(string url, IDocument document, IDictionary<string, string> values, string formSelector = "form.account-form")
    {
        var form = document.QuerySelector<IHtmlFormElement>(formSelector).ShouldNotBeNull($"form {formSelector} on {url}");
        var fields = new List<KeyValuePair<string, string>>();
        foreach (var input in form.QuerySelectorAll<IHtmlInputElement>("input[name]"))
        {
            if (input.Type is "checkbox" && !input.IsChecked)
            {
                continue;
            }

            if (!values.ContainsKey(input.Name!))
            {
                fields.Add(new(input.Name!, input.Value));
            }
        }

        fields.AddRange(values);
        var action = form.GetAttribute("action") is { Length: > 0 } a ? a : url;
        using var content = new FormUrlEncodedContent(fields);
        return await Http.PostAsync(new Uri(action, UriKind.Relative), content);
    }

    public static async Task<IDocument> ParseAsync(HttpResponseMessage response)
    {
        ArgumentNullException.ThrowIfNull(response);
        var body = await response.Content.ReadAsStringAsync();
        return await BrowsingContext.New(Configuration.Default).OpenAsync(request => request.Content(body));
    }

    /// <summary>Signs in with email and password; returns the response of the sign-in form.</summary>
    public Task<HttpResponseMessage> SignInAsync(string email, string password, string url = "/compte/connexion") =>
        SubmitAsync(url, new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Password"] = password });

    public void Dispose() => Http.Dispose();
}
