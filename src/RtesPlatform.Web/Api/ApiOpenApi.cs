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
