using System.Globalization;
using System.Text.Json;
using RtesPlatform.Web.Infrastructure.Security;

namespace RtesPlatform.Web.Api.Officer;

/// <summary>
/// Reads a JSON request body into a typed value, turning what cannot be read (not JSON,
/// wrong types, missing required members) into a 400 ValidationProblemDetails in French, never a 500.
/// </summary>
internal static class JsonBody
{
    public static async Task<(T? Value, IResult? Problem)> ReadAsync<T>(HttpRequest request, JsonSerializerOptions options)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!request.HasJsonContentType())
        {
            return (null, OfficerProblems.Status(StatusCodes.Status415UnsupportedMediaType,
                "Envoyez le corps de la requête en JSON (Content-Type: application/json)."));
        }

        try
        {
            using var document = await JsonDocument.ParseAsync(request.Body, cancellationToken: request.HttpContext.RequestAborted);
            if (NullItem(document.RootElement, "$") is { } path)
            {
                return (null, OfficerProblems.Validation(path, $"Une liste ne peut pas contenir null (à l’emplacement {path}) : retirez l’élément ou donnez-lui une valeur."));
            }

            if (ControlCharacterAt(document.RootElement, "$") is { } at)
            {
                return (null, OfficerProblems.Validation(at,
                    $"Le texte à l’emplacement {at} contient un caractère de contrôle (NUL…) ou un caractère UTF-16 isolé : retirez-le."));
            }

            var value = document.Deserialize<T>(options);
            return value is null
                ? (null, OfficerProblems.Validation("$", "Le corps de la requête est vide : envoyez un objet JSON."))
                : (value, null);
        }
        catch (JsonException ex)
        {
            var path = string.IsNullOrEmpty(ex.Path) ? "$" : ex.Path;
            var where = ex.LineNumber is { } line
                ? string.Create(CultureInfo.InvariantCulture, $" (ligne {line + 1}, position {ex.BytePositionInLine + 1})")
                : string.Empty;
            return (null, OfficerProblems.Validation(path,
                $"Valeur illisible, de mauvais type ou manquante à l’emplacement {path}{where} : vérifiez le JSON envoyé et les champs obligatoires."));
        }
    }

    /// <summary>
    /// The path of the first string (or member name) holding a character no stored text may carry
    /// (<see cref="ControlCharacters"/>; tab and line breaks are text), or null.
    /// </summary>
    private static string? ControlCharacterAt(JsonElement element, string path)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.String:
                return Readable(element.GetString) is { } text && !ControlCharacters.Contains(text, allowLineBreaks: true) ? null : path;
            case JsonValueKind.Array:
                var index = 0;
                foreach (var item in element.EnumerateArray())
                {
                    if (ControlCharacterAt(item, string.Create(CultureInfo.InvariantCulture, $"{path}[{index++}]")) is { } found)
                    {
                        return found;
                    }
                }

                return null;
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    var name = Readable(() => property.Name);
                    if (name is null || ControlCharacters.Contains(name, allowLineBreaks: false))
                    {
                        return path;
                    }

                    if (ControlCharacterAt(property.Value, $"{path}.{name}") is { } found)
                    {
                        return found;
                    }
                }

                return null;
            default:
                return null;
        }
    }

    /// <summary>A JSON string as .NET text; null when it cannot be one (an escaped lone surrogate).</summary>
    private static string? Readable(Func<string?> read)
    {
        try
        {
            return read();
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }

    /// <summary>The path of the first null inside an array (the forms the API shares with the pages expect none), or null.</summary>
    private static string? NullItem(JsonElement element, string path)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Array:
                var index = 0;
                foreach (var item in element.EnumerateArray())
                {
                    var itemPath = string.Create(CultureInfo.InvariantCulture, $"{path}[{index++}]");
                    if (item.ValueKind == JsonValueKind.Null)
                    {
                        return itemPath;
                    }

                    if (NullItem(item, itemPath) is { } found)
                    {
                        return found;
                    }
                }

                return null;
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    if (NullItem(property.Value, $"{path}.{property.Name}") is { } found)
                    {
                        return found;
                    }
                }

                return null;
            default:
                return null;
        }
    }
}
