using System.Text.Json;
using System.Text.Json.Serialization;

namespace RtesPlatform.Web.Api;

/// <summary>
/// The JSON of API responses: camelCase, enums by name (as the fiche's JSON stores them), nulls
/// written. Responses are serialized once, here, so that the ETag is the hash of the exact body.
/// </summary>
public static class ApiJson
{
    public static JsonSerializerOptions Options { get; } = CreateOptions();

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        options.Converters.Add(new JsonStringEnumConverter());
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
