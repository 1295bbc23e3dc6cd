using System.Text.Json;

namespace RtesPlatform.Core.Features.ReferenceData;

/// <summary>
/// Reads the JSON files of <c>@etalab/decoupage-administratif</c> into reference records. EPCI and
/// EPT get their département and région from their member communes (the one holding most of
/// the population); départements and régions get their population by summing their communes.
/// </summary>
public static class ReferenceDataPackage
{
    public static string Locate(string configuredPath)
    {
        ArgumentNullException.ThrowIfNull(configuredPath);
        if (Path.IsPathRooted(configuredPath))
        {
            return configuredPath;
        }

        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, configuredPath);
            if (File.Exists(Path.Combine(candidate, "package.json")))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException(
            $"The reference data package was not found at '{configuredPath}' (searched from {Directory.GetCurrentDirectory()} upwards). " +
            "Install it with: npm ci --prefix refdata");
    }

    public static string ReadVersion(string packagePath)
    {
        using var stream = File.OpenRead(Path.Combine(packagePath, "package.json"));
        using var document = JsonDocument.Parse(stream);
        return document.RootElement.GetProperty("version").GetString() ?? "unknown";
    }

    public static List<RefCollectivity> Read(string packagePath, int vintage)
    {
        var data = Path.Combine(packagePath, "data");
        var communes = ReadArray(Path.Combine(data, "communes.json"))
            .Where(c => Str(c, "type") == "commune-actuelle")
            .Select(c => new RefCollectivity
            {
                Kind = RefKind.Commune,
                Code = Str(c, "code")!,
                Siren = Str(c, "siren"),
                Name = Str(c, "nom")!,
                DisplayName = Str(c, "nom")!,
                Population = Int(c, "population"),
                RegionCode = Str(c, "region"),
                DepartementCode = Str(c, "departement"),
                PostalCodes = c.TryGetProperty("codesPostaux", out var postal)
                    ? [.. postal.EnumerateArray().Select(p => p.GetString()!)]
                    : [],
                Vintage = vintage,
            })
            .ToList();
        var communesByCode = communes.ToDictionary(c => c.Code);

        var result = new List<RefCollectivity>(communes.Count + 1500);
        result.AddRange(communes);
        result.AddRange(ReadGroups(Path.Combine(data, "epci.json"), RefKind.Epci, communesByCode, vintage));
        result.AddRange(ReadGroups(Path.Combine(data, "ept.json"), RefKind.Ept, communesByCode, vintage));

        foreach (var d in ReadArray(Path.Combine(data, "departements.json")))
        {
            var code = Str(d, "code")!;
            result.Add(new RefCollectivity
            {
                Kind = RefKind.Departement,
                Code = code,
                Name = Str(d, "nom")!,
                DisplayName = "Département " + Linked(Str(d, "nom")!, Int(d, "typeLiaison")),
                RegionCode = Str(d, "region"),
                DepartementCode = code,
                Population = communes.Where(c => c.DepartementCode == code).Sum(c => c.Population ?? 0),
                Vintage = vintage,
            });
        }

        foreach (var r in ReadArray(Path.Combine(data, "regions.json")))
        {
            var code = Str(r, "code")!;
            result.Add(new RefCollectivity
            {
                Kind = RefKind.Region,
                Code = code,
                Name = Str(r, "nom")!,
                DisplayName = "Région " + Str(r, "nom"),
                RegionCode = code,
                Population = communes.Where(c => c.RegionCode == code).Sum(c => c.Population ?? 0),
                Vintage = vintage,
            });
        }

        return result;
    }

    private static IEnumerable<RefCollectivity> ReadGroups(
        string file, RefKind kind, Dictionary<string, RefCollectivity> communes, int vintage)
    {
        foreach (var g in ReadArray(file))
        {
            var members = g.TryGetProperty("membres", out var m)
                ? m.EnumerateArray()
                    .Select(x => communes.GetValueOrDefault(Str(x, "code") ?? ""))
                    .OfType<RefCollectivity>()
                    .ToList()
                : [];
            var main = members.OrderByDescending(c => c.Population ?? 0).FirstOrDefault();
            var code = Str(g, "code")!;
            yield return new RefCollectivity
            {
                Kind = kind,
                Code = code,
                Siren = code,
                Name = Str(g, "nom")!,
                DisplayName = Str(g, "nom")!,
                GroupType = Str(g, "type"),
                Population = Int(g, "populationTotale"),
                RegionCode = main?.RegionCode,
                DepartementCode = main?.DepartementCode,
                PostalCodes = [.. members.SelectMany(c => c.PostalCodes).Distinct().Order(StringComparer.Ordinal)],
                MemberCodes = [.. members.Select(c => c.Code).Order(StringComparer.Ordinal)],
                Vintage = vintage,
            };
        }
    }

    /// <summary>
    /// "de" + name with the article INSEE's link type calls for (TNCC): "du Nord", "de la Somme",
    /// "des Ardennes", "de l'Ain", "de Paris".
    /// </summary>
    internal static string Linked(string name, int? linkType) => linkType switch
    {
        1 or 5 => "de l'" + (linkType == 5 && name.StartsWith("L'", StringComparison.Ordinal) ? name[2..] : name),
        2 => "du " + (name.StartsWith("Le ", StringComparison.Ordinal) ? name[3..] : name),
        3 => "de la " + (name.StartsWith("La ", StringComparison.Ordinal) ? name[3..] : name),
        4 => "des " + (name.StartsWith("Les ", StringComparison.Ordinal) ? name[4..] : name),
        _ => "de " + name,
    };

    private static List<JsonElement> ReadArray(string file)
    {
        using var stream = File.OpenRead(file);
        using var document = JsonDocument.Parse(stream);
        return [.. document.RootElement.EnumerateArray().Select(e => e.Clone())];
    }

    private static string? Str(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String && v.GetString() is { Length: > 0 } s ? s : null;

    private static int? Int(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number ? v.GetInt32() : null;
}
