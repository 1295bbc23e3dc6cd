namespace RtesPlatform.Core.Features.Demo;

/// <summary>Configuration section "Demo".</summary>
public sealed class DemoOptions
{
    public const string SectionName = "Demo";

    /// <summary>
    /// Whether the demo seed adds <see cref="FictitiousMembers"/> (on in appsettings.Development.json).
    /// Ignored in Production: fictitious members are never created there.
    /// </summary>
    public bool FictitiousMembers { get; set; }
}
