using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using Polytraders.Gateway.Auth;
using Polytraders.Gateway.Contracts;

namespace Polytraders.Gateway.OpenApi;

/// <summary>
/// Declares the bearer API-key scheme and requires it on every operation that is not anonymous; documents the contract
/// each write reads from its body.
/// </summary>
internal sealed class BearerSecurityTransformers : IOpenApiDocumentTransformer, IOpenApiOperationTransformer
{
    public const string SchemeId = "Bearer";

    /// <summary>The operation's extension listing the roles that may call it.</summary>
    public const string RolesExtension = "x-polytraders-roles";

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Info.Title = "Polytraders gateway";
        document.Info.Description =
            "Operators launch, stop and relaunch Strategies and switch trading states; reviewers read. " +
            "Send 'Authorization: Bearer <key>'. Refusals are RFC 7807 problems with a registered reason_code.";
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[SchemeId] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            BearerFormat = "API key",
            Description = "An API key from Gateway:ApiKeys (role operator or reviewer).",
        };
        return Task.CompletedTask;
    }

    public async Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var metadata = context.Description.ActionDescriptor.EndpointMetadata;
        if (metadata.OfType<ContractBodyMetadata>().FirstOrDefault() is { } body)
        {
            operation.RequestBody = new OpenApiRequestBody
            {
                Required = true,
                Description = $"A {body.ContractType.Name} (schemas/{body.ContractType.Name}.json).",
                Content = new Dictionary<string, OpenApiMediaType>
                {
                    ["application/json"] = new() { Schema = await context.GetOrCreateSchemaAsync(body.ContractType, cancellationToken: cancellationToken) },
                },
            };
        }

        if (metadata.OfType<IAllowAnonymous>().Any() || !metadata.OfType<IAuthorizeData>().Any())
        {
            return;
        }

        // Who may call it, for clients and the API reference: operator-only routes name one role.
        var roles = metadata.OfType<IAuthorizeData>().Any(a => a.Policy == GatewayPolicies.Operator)
            ? new JsonArray(GatewayRoles.Operator)
            : new JsonArray(GatewayRoles.Operator, GatewayRoles.Reviewer);
        operation.Extensions ??= new Dictionary<string, IOpenApiExtension>();
        operation.Extensions[RolesExtension] = new JsonNodeExtension(roles);
        operation.Security ??= [];
        operation.Security.Add(new OpenApiSecurityRequirement
        {
            [new OpenApiSecuritySchemeReference(SchemeId, context.Document)] = [],
        });
    }
}
