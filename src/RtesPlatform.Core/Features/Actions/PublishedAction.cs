namespace RtesPlatform.Core.Features.Actions;

/// <summary>
/// One action of a published fiche, with the collectivity that carries it. <see cref="HeadingThemeCode"/>
/// is the theme the action is listed under: the filtered theme, else the first known theme it is
/// tagged with (null when it has none).
/// </summary>
public sealed record PublishedAction(
    string HeadingThemeCode,
    string TenantSlug,
    string TenantName,
    string TenantKind,
    string? RegionName,
    string Title,
    string? Description,
    string[] Themes,
    int? YearStart,
    int? YearEnd,
    int Position,
    bool TenantIsFictitious)
{
    /// <summary>The action on its fiche: the fiche numbers its actions from 1 (<c>#action-1</c>).</summary>
    public string FicheUrl => $"/collectivites/{TenantSlug}#action-{Position}";

    /// <summary>Heading code of actions tagged with no known theme.</summary>
    public const string NoTheme = "";
}
