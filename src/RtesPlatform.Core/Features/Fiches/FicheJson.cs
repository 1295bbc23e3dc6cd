using System.Text.Json;
using System.Text.Json.Serialization;

namespace RtesPlatform.Core.Features.Fiches;

/// <summary>The one JSON shape of fiche content: in the database, in the demo seed and in exports.</summary>
public static class FicheJson
{
    public static JsonSerializerOptions Options { get; } = CreateOptions();

    public static string Serialize(FicheContent content) => JsonSerializer.Serialize(content, Options);

    public static FicheContent Deserialize(string json) =>
        JsonSerializer.Deserialize<FicheContent>(json, Options) ?? new FicheContent();

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            RespectNullableAnnotations = true,
            RespectRequiredConstructorParameters = true,
        };
        options.Converters.Add(new JsonStringEnumConverter());
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
