package com.tracecase.system;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.ExternalDocumentation;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.customizers.GlobalOpenApiCustomizer;
import org.springdoc.core.customizers.GlobalOperationCustomizer;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;

/**
 * The OpenAPI document of the Tracecase API ({@code /api/**}) at {@code /v3/api-docs},
 * and Swagger UI at {@code /swagger-ui.html}; both need a sign-in like every other page
 * (see {@link SecurityConfiguration}). The engine REST API ({@code /engine-rest}) keeps
 * Camunda's own reference, linked from the document.
 * <p>
 * Every refusal of the API is an RFC 9457 problem ({@code application/problem+json}): the
 * answers every operation can give (not signed in, not allowed, unknown path variable,
 * bad input) are added here once, and every 4xx or 5xx answer a controller documents
 * without a body gets the problem as its body.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

	static final String PROBLEM = "ProblemDetail";

	static final String PROBLEM_MEDIA_TYPE = org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON_VALUE;

	static final String ENGINE_REST_DOCS = "https://docs.camunda.org/rest/camunda-bpm-platform/7.24/";

	private static final String BASIC = "basic";

	@Bean
	OpenAPI tracecaseOpenApi() {
		String version = OpenApiConfiguration.class.getPackage().getImplementationVersion();
		return new OpenAPI()
			.info(new Info().title("Tracecase API").version(version != null ? version : "development").description("""
					Failure reports and cases, the lot genealogy, notifications and the managers' figures.

					**Sign-in:** HTTP Basic with a Tracecase user (the same users and groups as Tasklist); \
					the groups decide what a user may do. In this page, *Authorize* keeps the user for \
					*Try it out*.

					**Errors** are RFC 9457 problem details (`application/problem+json`) with a sentence a \
					person can act on; invalid input (422) lists every field that is wrong in `errors`.

					**The engine REST API** at `/engine-rest` (tasks, process instances, incidents) is \
					Camunda 7.24's own, documented at %s; it runs with the caller's authorizations.
					""".formatted(ENGINE_REST_DOCS)))
			.externalDocs(new ExternalDocumentation().description("Engine REST API reference (Camunda 7.24)")
				.url(ENGINE_REST_DOCS))
			.components(new Components()
				.addSecuritySchemes(BASIC,
						new SecurityScheme().type(SecurityScheme.Type.HTTP)
							.scheme("basic")
							.description("A Tracecase user and password"))
				.addSchemas(PROBLEM, problemSchema())
				.addSchemas("Violation", violationSchema()))
			.addSecurityItem(new SecurityRequirement().addList(BASIC));
	}

	/**
	 * The answers that any operation may give, documented on each: 401 always, 403 where
	 * groups decide, 404 for path variables, 400 and 422 for input.
	 */
	@Bean
	GlobalOperationCustomizer problemAnswers() {
		return (operation, handlerMethod) -> {
			ApiResponses responses = operation.getResponses();
			if (responses == null) {
				responses = new ApiResponses();
				operation.setResponses(responses);
			}
			addIfMissing(responses, "401", "Not signed in, or a wrong user or password.");
			if (restricted(handlerMethod)) {
				addIfMissing(responses, "403", "The user's groups do not allow this request.");
			}
			List<Parameter> parameters = (operation.getParameters() != null) ? operation.getParameters() : List.of();
			if (parameters.stream().anyMatch(parameter -> "path".equals(parameter.getIn()))) {
				addIfMissing(responses, "404", "Nothing exists under the path's identifier.");
			}
			if (takesTypedValues(handlerMethod)) {
				addIfMissing(responses, "400", "A path or query value has the wrong type or format.");
			}
			if (operation.getRequestBody() != null) {
				addIfMissing(responses, "422", "Invalid input: `errors` names each field that is wrong and why.");
			}
			return operation;
		};
	}

	/**
	 * Every 4xx and 5xx answer is a problem, whatever the operation returns when it
	 * succeeds; the answers are listed in the order of their codes.
	 */
	@Bean
	GlobalOpenApiCustomizer problemBodies() {
		return openApi -> {
			if (openApi.getPaths() == null) {
				return;
			}
			for (PathItem path : openApi.getPaths().values()) {
				for (Operation operation : path.readOperations()) {
					if (operation.getResponses() == null) {
						continue;
					}
					Map<String, ApiResponse> sorted = new TreeMap<>(operation.getResponses());
					ApiResponses responses = new ApiResponses();
					sorted.forEach((code, response) -> {
						if (isError(code)) {
							response.setContent(problemContent(code));
						}
						responses.addApiResponse(code, response);
					});
					operation.setResponses(responses);
				}
			}
			// the problem as Spring writes it, not the Java class's fields
			openApi.getComponents().addSchemas(PROBLEM, problemSchema());
		};
	}

	/** A path or query value that Spring converts to a number, a date or a choice. */
	private static boolean takesTypedValues(HandlerMethod handler) {
		return Arrays.stream(handler.getMethodParameters())
			.filter(parameter -> parameter.hasParameterAnnotation(PathVariable.class)
					|| parameter.hasParameterAnnotation(RequestParam.class))
			.anyMatch(parameter -> parameter.getParameterType() != String.class);
	}

	private static boolean restricted(HandlerMethod handler) {
		return AnnotatedElementUtils.hasAnnotation(handler.getMethod(), PreAuthorize.class)
				|| AnnotatedElementUtils.hasAnnotation(handler.getBeanType(), PreAuthorize.class)
				|| handler.getBeanType().getPackageName().startsWith("com.tracecase.metrics");
	}

	private static void addIfMissing(ApiResponses responses, String code, String description) {
		if (!responses.containsKey(code)) {
			responses.addApiResponse(code, new ApiResponse().description(description).content(problemContent(code)));
		}
	}

	private static boolean isError(String code) {
		return code.startsWith("4") || code.startsWith("5");
	}

	private static Content problemContent(String code) {
		MediaType media = new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM));
		Example example = PROBLEM_EXAMPLES.get(code);
		if (example != null) {
			media.addExamples("problem", example);
		}
		return new Content().addMediaType(PROBLEM_MEDIA_TYPE, media);
	}

	private static final Map<String, Example> PROBLEM_EXAMPLES = Map.of("401",
			example("Not signed in",
					Map.of("type", "about:blank", "title", "Unauthorized", "status", 401, "detail",
							"Authentication is required: sign in with HTTP Basic.")),
			"403",
			example("Not allowed",
					Map.of("type", "about:blank", "title", "Forbidden", "status", 403, "detail",
							"Your groups do not allow this request.")),
			"404",
			example("Unknown",
					Map.of("type", "about:blank", "title", "Not found", "status", 404, "detail",
							"Serial number 'HX2-009999' does not exist.")),
			"409",
			example("Conflict",
					Map.of("type", "about:blank", "title", "Conflict", "status", 409, "detail",
							"Case FC-2026-000123 is not waiting for its unit.")),
			"422",
			example("Invalid input",
					Map.of("type", "about:blank", "title", "Invalid input", "status", 422, "detail",
							"The request has 2 invalid field(s).", "errors",
							List.of(Map.of("field", "customer.email", "message", "must be a well-formed email address"),
									Map.of("field", "serialNumber", "message", "must not be blank")))));

	private static Example example(String summary, Map<String, Object> value) {
		return new Example().summary(summary).value(new TreeMap<>(value));
	}

	@SuppressWarnings("rawtypes")
	private static Schema<?> problemSchema() {
		Map<String, Schema> properties = new java.util.LinkedHashMap<>();
		properties.put("type", new StringSchema().description("A URI for the kind of problem; about:blank for most")
			.example("about:blank"));
		properties.put("title", new StringSchema().description("The kind of problem, short").example("Invalid input"));
		properties.put("status", new IntegerSchema().description("The HTTP status").example(422));
		properties.put("detail", new StringSchema().description("What went wrong, in a sentence a person can act on")
			.example("The request has 1 invalid field(s)."));
		properties.put("instance",
				new StringSchema().description("The path of the request").example("/api/failure-reports"));
		properties.put("errors", new ArraySchema().items(new Schema<>().$ref("#/components/schemas/Violation"))
			.description("Invalid input only: each field that is wrong and why"));
		ObjectSchema schema = new ObjectSchema();
		schema.setProperties(properties);
		schema.setRequired(List.of("type", "title", "status"));
		schema.description("An RFC 9457 problem: how every request of the API is refused");
		return schema;
	}

	private static Schema<?> violationSchema() {
		ObjectSchema schema = new ObjectSchema();
		schema.addProperty("field",
				new StringSchema().description("The field, as a path into the request").example("customer.email"));
		schema.addProperty("message",
				new StringSchema().description("What is wrong with it").example("must be a well-formed email address"));
		schema.setRequired(List.of("field", "message"));
		return schema;
	}

}
