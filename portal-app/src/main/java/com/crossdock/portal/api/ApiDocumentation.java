package com.crossdock.portal.api;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;

/**
 * The OpenAPI 3 description of {@code /api/v1}, generated from the controllers by springdoc and served at
 * {@code /api/v1/openapi.json} with a reference page at {@code /api/docs}. Adds what every operation can answer
 * (problems for a bad request, a missing key or scope, the rate limit; not found where an id is in the path;
 * field errors where something is posted), so the contract test can fail on anything undocumented.
 */
@Configuration(proxyBeanMethods = false)
class ApiDocumentation {

    private static final String PROBLEM = "application/problem+json";

    @Bean
    OpenAPI crossdockApi() {
        String scopes = Arrays.stream(ApiScope.values()).map(ApiScope::value).collect(Collectors.joining(", "));
        return new OpenAPI()
                .info(new Info().title("Crossdock API").version("v1").description("""
                        A brand's orders, inventory, items, exceptions, inbound shipments, returns and sync health. \
                        Authenticate with an API key a brand admin creates in the portal's API view: \
                        'Authorization: Bearer cdk_...'. Scopes: %s. Every POST needs an Idempotency-Key. \
                        Lists are paged with an opaque cursor. Refusals are RFC 9457 problems.""".formatted(scopes)))
                .components(new Components().addSchemas("Problem", problemSchema()).addSecuritySchemes("apiKey", new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("cdk_<tenant>_<secret>")))
                .addSecurityItem(new SecurityRequirement().addList("apiKey"));
    }

    /** RFC 9457, with the field errors of a 422 under {@code errors}. */
    private static Schema<?> problemSchema() {
        return new io.swagger.v3.oas.models.media.ObjectSchema()
                .addProperty("type", new io.swagger.v3.oas.models.media.StringSchema())
                .addProperty("title", new io.swagger.v3.oas.models.media.StringSchema())
                .addProperty("status", new io.swagger.v3.oas.models.media.IntegerSchema())
                .addProperty("detail", new io.swagger.v3.oas.models.media.StringSchema())
                .addProperty("instance", new io.swagger.v3.oas.models.media.StringSchema())
                .addProperty("errors", new io.swagger.v3.oas.models.media.ArraySchema().items(
                        new io.swagger.v3.oas.models.media.ObjectSchema()
                                .addProperty("field", new io.swagger.v3.oas.models.media.StringSchema())
                                .addProperty("message", new io.swagger.v3.oas.models.media.StringSchema())));
    }

    @Bean
    OperationCustomizer standardProblems() {
        return (operation, handler) -> {
            Map<String, String> problems = new java.util.LinkedHashMap<>();
            problems.put("400", "Malformed request, cursor or parameter, or no Idempotency-Key on a POST");
            problems.put("401", "No API key, or an unknown or revoked one");
            problems.put("403", "The client lacks the scope");
            if (Arrays.stream(handler.getMethodParameters()).anyMatch(p -> p.hasParameterAnnotation(PathVariable.class))) {
                problems.put("404", "No such resource for this brand");
            }
            if (handler.hasMethodAnnotation(PostMapping.class) || handler.hasMethodAnnotation(PutMapping.class)) {
                problems.put("422", "Not accepted: field errors under 'errors'");
            }
            problems.put("429", "Rate limit reached; see Retry-After");
            problems.forEach((status, description) -> operation.getResponses().addApiResponse(status,
                    new ApiResponse().description(description).content(new Content().addMediaType(PROBLEM,
                            new MediaType().schema(new Schema<>().$ref("#/components/schemas/Problem"))))));
            return operation;
        };
    }
}
