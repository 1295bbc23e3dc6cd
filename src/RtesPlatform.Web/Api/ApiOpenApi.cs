using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Authorization;
using Microsoft.OpenApi;

namespace RtesPlatform.Web.Api;

/// <summary>
/// The OpenAPI document <c>/openapi/v1.json</c> (Microsoft.AspNetCore.OpenApi): the routes under
/// <c>/api/v1</c> only, a bearer security scheme (required by the operations that need
/// authorization), the problem responses every operation can give (429, 500), and enums by name
/// as the API writes them.
/// </summary>
public static class ApiOpenApi
{
    public const string BearerScheme = "bearer";

    /// <summary>
    /// Route values read from the route rather than bound to a handler parameter (the tenant's
    /// slug of the officers' routes, resolved by the tenant middleware) are not described by the
    /// generator: every <c>{name}</c> of the template is declared as a required path parameter.
    /// </summary>
    private static void DeclarePathParameters(OpenApiOperation operation, string? relativePath)
    {
        if (relativePath is null)
        {
            return;
        }

        operation.Parameters ??= [];
        foreach (System.Text.RegularExpressions.Match match in System.Text.RegularExpressions.Regex.Matches(relativePath, @"\{([A-Za-z0-9_]+)[^}]*\}"))
        {
            var name = match.Groups[1].Value;
            if (operation.Parameters.Any(p => p.In == ParameterLocation.Path && string.Equals(p.Name, name, StringComparison.Ordinal)))
            {
                continue;
            }

            operation.Parameters.Add(new OpenApiParameter
            {
                Name = name,
                In = ParameterLocation.Path,
                Required = true,
                Description = name == "slug" ? "Identifiant de la collectivité / the collectivity's slug" : null,
                Schema = new OpenApiSchema { Type = JsonSchemaType.String },
            });
        }
    }

    /// <summary>
    /// The API binds its parameters as text and validates them itself (a 400 names the faulty one);
    /// the document gives their real type and meaning.
    /// </summary>
    private static readonly Dictionary<string, (JsonSchemaType Type, string Description)> _parameters = new(StringComparer.OrdinalIgnoreCase)
    {
        ["page"] = (JsonSchemaType.Integer, "Page number, from 1 (default 1)."),
        ["pageSize"] = (JsonSchemaType.Integer, $"Items per page, 1 to {ApiPaging.MaxPageSize} (default {ApiPaging.DefaultPageSize})."),
        ["year"] = (JsonSchemaType.Integer, "Year, 1900 to 2100."),
        ["number"] = (JsonSchemaType.Integer, "Version number of the fiche, from 1."),
        ["kind"] = (JsonSchemaType.String, "Kind of collectivity: commune, cc, ca, cu, metropole, ept, departement, region."),
        ["region"] = (JsonSchemaType.String, "INSEE code of the région (e.g. 44 for Grand Est)."),
        ["q"] = (JsonSchemaType.String, "Part of the name, case and accents ignored (100 characters at most)."),
        ["group"] = (JsonSchemaType.String, "Peer group: all (default), kind, region, kind-region, kind-band, list."),
        ["band"] = (JsonSchemaType.String, "Population band: lt10k, 10k-50k, 50k-100k, 100k-250k, 250k-500k, gte500k."),
        ["members"] = (JsonSchemaType.String, "Comma-separated slugs of the members of a chosen list (group=list, 50 at most)."),
        ["perCapita"] = (JsonSchemaType.Boolean, "Divide each value by the member's population (per the indicator's base)."),
        ["slug"] = (JsonSchemaType.String, "Identifier of the member collectivity (as in /collectivites/{slug})."),
        ["code"] = (JsonSchemaType.String, "Code of the indicator (see /api/v1/indicators)."),
    };

    public static IServiceCollection AddRtesOpenApi(this IServiceCollection services)
    {
        services.AddOpenApi(options =>
        {
            options.ShouldInclude = description =>
                description.RelativePath?.StartsWith(ApiSetup.Prefix.TrimStart('/') + "/", StringComparison.OrdinalIgnoreCase) == true;
            options.AddDocumentTransformer((document, _, _) =>
            {
                document.Info = new OpenApiInfo
                {
                    Title = "RTES Platform API",
                    Version = "v1",
                    Description = "Public reads of the RTES network (members, published fiches, indicators, comparisons) and officers' writes. "
                        + "Errors are application/problem+json, titled in French (English with Accept-Language: en).",
                };
                document.Components ??= new OpenApiComponents();
                document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
                document.Components.SecuritySchemes[BearerScheme] = new OpenApiSecurityScheme
                {
                    Type = SecuritySchemeType.Http,
                    Scheme = "bearer",
                    Description = "An ASP.NET Core Identity bearer token or a personal API token: Authorization: Bearer <token>.",
                };
                return Task.CompletedTask;
            });
            options.AddOperationTransformer((operation, context, _) =>
            {
                operation.Responses ??= [];
                Describe(operation);
                DeclarePathParameters(operation, context.Description.RelativePath);
                AddProblem(operation, "429", "Trop de requêtes / Too many requests (see Retry-After)");
                AddProblem(operation, "500", "Erreur interne / Internal server error");
                var metadata = context.Description.ActionDescriptor.EndpointMetadata;
                if (metadata.OfType<IAuthorizeData>().Any() && !metadata.OfType<IAllowAnonymous>().Any())
                {
                    AddProblem(operation, "401", "Authentification requise / Authentication required");
                    operation.Security ??= [];
                    operation.Security.Add(new OpenApiSecurityRequirement
                    {
                        [new OpenApiSecuritySchemeReference(BearerScheme, context.Document)] = [],
                    });
                }

                return Task.CompletedTask;
            });
            options.AddSchemaTransformer((schema, context, _) =>
            {
                var type = Nullable.GetUnderlyingType(context.JsonTypeInfo.Type) ?? context.JsonTypeInfo.Type;
                if (type.IsEnum)
                {
                    schema.Type = JsonSchemaType.String;
                    schema.Format = null;
                    schema.Enum = [.. Enum.GetNames(type).Select(name => (JsonNode)JsonValue.Create(name))];
                }

                return Task.CompletedTask;
            });
        });
        return services;
    }

    private static void Describe(OpenApiOperation operation)
    {
        foreach (var parameter in (operation.Parameters ?? []).OfType<OpenApiParameter>())
        {
            if (parameter.Name is { } name && _parameters.TryGetValue(name, out var known))
            {
                parameter.Description ??= known.Description;
                if (parameter.Schema is null || parameter.Schema.Type == JsonSchemaType.String)
                {
                    parameter.Schema = new OpenApiSchema { Type = known.Type };
                }
            }
        }
    }

    private static void AddProblem(OpenApiOperation operation, string status, string description)
    {
        if (operation.Responses!.ContainsKey(status))
        {
            return;
        }

        operation.Responses[status] = new OpenApiResponse
        {
            Description = description,
            Content = new Dictionary<string, OpenApiMediaType>
            {
                [ApiProblems.ContentType] = new OpenApiMediaType(),
            },
        };
    }
}
