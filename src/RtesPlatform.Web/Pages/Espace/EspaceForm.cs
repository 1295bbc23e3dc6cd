using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace RtesPlatform.Web.Pages.Espace;

/// <summary>
/// Accessible form fields for the back office: a label, the field, a hint and the error message
/// next to it, linked with <c>aria-describedby</c> and flagged with <c>aria-invalid</c>.
/// </summary>
public static class EspaceForm
{
    private static readonly HtmlEncoder _encoder = HtmlEncoder.Default;

    public static string Id(string name) =>
        name.Replace('[', '_').Replace(']', '_').Replace('.', '_');

    public static IHtmlContent Input(ModelStateDictionary modelState, string name, string label, string? value,
        string? hint = null, bool required = false, string type = "text", string? inputMode = null, string? autocomplete = null)
    {
        var attributes = new StringBuilder();
        attributes.Append(" type=\"").Append(type).Append('"');
        if (inputMode is not null)
        {
            attributes.Append(" inputmode=\"").Append(inputMode).Append('"');
        }

        if (autocomplete is not null)
        {
            attributes.Append(" autocomplete=\"").Append(autocomplete).Append('"');
        }

        attributes.Append(" value=\"").Append(_encoder.Encode(value ?? string.Empty)).Append('"');
        return Field(modelState, name, label, hint, required, (id, described) =>
            $"<input id=\"{id}\" name=\"{_encoder.Encode(name)}\"{attributes}{described}{(required ? " aria-required=\"true\"" : "")} />");
    }

    public static IHtmlContent TextArea(ModelStateDictionary modelState, string name, string label, string? value, string? hint = null, int rows = 6) =>
        Field(modelState, name, label, hint, required: false, (id, described) =>
            $"<textarea id=\"{id}\" name=\"{_encoder.Encode(name)}\" rows=\"{rows}\"{described}>{_encoder.Encode(value ?? string.Empty)}</textarea>");

    public static IHtmlContent Select(ModelStateDictionary modelState, string name, string label, string? value,
        IEnumerable<KeyValuePair<string, string>> options, string? emptyOption = null, string? hint = null)
    {
        var html = new StringBuilder();
        if (emptyOption is not null)
        {
            html.Append("<option value=\"\">").Append(_encoder.Encode(emptyOption)).Append("</option>");
        }

        foreach (var (key, text) in options)
        {
            html.Append("<option value=\"").Append(_encoder.Encode(key)).Append('"')
                .Append(string.Equals(key, value, StringComparison.Ordinal) ? " selected" : "")
                .Append('>').Append(_encoder.Encode(text)).Append("</option>");
        }

        return Field(modelState, name, label, hint, required: false, (id, described) =>
            $"<select id=\"{id}\" name=\"{_encoder.Encode(name)}\"{described}>{html}</select>");
    }

    /// <summary>An input in a table cell: its label (shown on narrow screens, read by screen readers everywhere) and its message.</summary>
    public static IHtmlContent CellInput(ModelStateDictionary modelState, string name, string label, string? value,
        string? inputMode = null, bool autofocus = false, string type = "text") =>
        Cell(modelState, name, label, (id, described) =>
            $"<input id=\"{id}\" name=\"{_encoder.Encode(name)}\" type=\"{type}\"{(inputMode is null ? "" : $" inputmode=\"{inputMode}\"")}"
            + $" value=\"{_encoder.Encode(value ?? string.Empty)}\"{described}{(autofocus ? " autofocus" : "")} />");

    public static IHtmlContent CellSelect(ModelStateDictionary modelState, string name, string label, string? value,
        IEnumerable<KeyValuePair<string, string>> options, string? emptyOption = null)
    {
        var html = new StringBuilder();
        if (emptyOption is not null)
        {
            html.Append("<option value=\"\">").Append(_encoder.Encode(emptyOption)).Append("</option>");
        }

        foreach (var (key, text) in options)
        {
            html.Append("<option value=\"").Append(_encoder.Encode(key)).Append('"')
                .Append(string.Equals(key, value, StringComparison.Ordinal) ? " selected" : "")
                .Append('>').Append(_encoder.Encode(text)).Append("</option>");
        }

        return Cell(modelState, name, label, (id, described) =>
            $"<select id=\"{id}\" name=\"{_encoder.Encode(name)}\"{described}>{html}</select>");
    }

    private static HtmlString Cell(ModelStateDictionary modelState, string name, string label, Func<string, string, string> control)
    {
        ArgumentNullException.ThrowIfNull(modelState);
        var id = Id(name);
        var errors = modelState.TryGetValue(name, out var entry) ? entry.Errors.Select(e => e.ErrorMessage).ToList() : [];
        var html = new StringBuilder("<div class=\"cell").Append(errors.Count > 0 ? " field-error" : "").Append("\">");
        html.Append("<label class=\"cell-label\" for=\"").Append(id).Append("\">").Append(_encoder.Encode(label)).Append("</label>");
        var described = errors.Count > 0 ? $" aria-describedby=\"{id}-error\" aria-invalid=\"true\"" : "";
        html.Append(control(id, described));
        if (errors.Count > 0)
        {
            html.Append("<p class=\"error-message\" id=\"").Append(id).Append("-error\">");
            html.Append("<span class=\"visually-hidden\">Erreur : </span>").Append(_encoder.Encode(string.Join(" ", errors))).Append("</p>");
        }

        return new HtmlString(html.Append("</div>").ToString());
    }

    private static HtmlString Field(ModelStateDictionary modelState, string name, string label, string? hint, bool required,
        Func<string, string, string> control)
    {
        ArgumentNullException.ThrowIfNull(modelState);
        var id = Id(name);
        var errors = modelState.TryGetValue(name, out var entry) ? entry.Errors.Select(e => e.ErrorMessage).ToList() : [];
        var describedBy = new List<string>();
        var html = new StringBuilder("<div class=\"field").Append(errors.Count > 0 ? " field-error" : "").Append("\">");
        html.Append("<label for=\"").Append(id).Append("\">").Append(_encoder.Encode(label))
            .Append(required ? " <span class=\"required\">(obligatoire)</span>" : "").Append("</label>");
        if (hint is not null)
        {
            describedBy.Add(id + "-hint");
            html.Append("<p class=\"hint\" id=\"").Append(id).Append("-hint\">").Append(_encoder.Encode(hint)).Append("</p>");
        }

        if (errors.Count > 0)
        {
            describedBy.Add(id + "-error");
            html.Append("<p class=\"error-message\" id=\"").Append(id).Append("-error\">");
            html.Append("<span class=\"visually-hidden\">Erreur : </span>").Append(_encoder.Encode(string.Join(" ", errors))).Append("</p>");
        }

        var described = (describedBy.Count > 0 ? $" aria-describedby=\"{string.Join(' ', describedBy)}\"" : "")
            + (errors.Count > 0 ? " aria-invalid=\"true\"" : "");
        html.Append(control(id, described)).Append("</div>");
        return new HtmlString(html.ToString());
    }
}
