using System.Globalization;

namespace RtesPlatform.Web.Pages.Espace;

/// <summary>Typed values shown back in form fields, the way an officer would type them.</summary>
public static class FormText
{
    private static readonly CultureInfo _fr = CultureInfo.GetCultureInfo("fr-FR");

    public static string? Of(decimal? value) => value?.ToString("0.##########", _fr);

    public static string? Of(int? value) => value?.ToString(CultureInfo.InvariantCulture);
}
