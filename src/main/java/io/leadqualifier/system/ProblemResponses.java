package io.leadqualifier.system;

import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

/**
 * Writes the errors every operation can answer into the API description, each as a {@link Problem}
 * (application/problem+json): 400 where there is input, 401 and 403 on every secured operation, 404 where a
 * path names something, 500 and 503 everywhere. Written once here rather than on 22 operations, so a new
 * operation cannot forget them. Errors an operation declares itself (422) get the problem body too.
 */
public class ProblemResponses implements OASFilter {
    private static final String PROBLEM = "Problem";
    private static final String REF = "#/components/schemas/" + PROBLEM;

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        Components components = openAPI.getComponents() == null ? OASFactory.createComponents() : openAPI.getComponents();
        components.addSchema(PROBLEM, problemSchema());
        openAPI.setComponents(components);
        if (openAPI.getPaths() == null) {
            return;
        }
        openAPI.getPaths().getPathItems().forEach((path, item) -> item.getOperations().forEach((method, operation) -> {
            if (path.startsWith("/api/")) {
                addErrors(path, method, operation);
            }
        }));
    }

    private static void addErrors(String path, PathItem.HttpMethod method, Operation operation) {
        APIResponses responses = operation.getResponses() == null ? OASFactory.createAPIResponses() : operation.getResponses();
        boolean input = operation.getRequestBody() != null
                || (operation.getParameters() != null && !operation.getParameters().isEmpty());
        boolean named = operation.getParameters() != null
                && operation.getParameters().stream().anyMatch(p -> p.getIn() == Parameter.In.PATH);
        if (input) {
            add(responses, "400", "Invalid input: the detail, and errors by field, say what is wrong");
        }
        add(responses, "401", "No credentials, or credentials not accepted");
        add(responses, "403", "The role may not use this operation");
        if (named) {
            add(responses, "404", "Nothing by that name");
        }
        add(responses, "500", "An unexpected failure (the detail names an incident id to find in the log)");
        add(responses, "503", "The decision store or the policy is unavailable; retry later");
        responses.getAPIResponses().forEach((status, response) -> {
            if (!status.startsWith("2") && !status.startsWith("3")) {
                response.setContent(OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE,
                        OASFactory.createMediaType().schema(OASFactory.createSchema().ref(REF))));
            }
        });
        operation.setResponses(responses);
    }

    private static void add(APIResponses responses, String status, String description) {
        if (!responses.hasAPIResponse(status)) {
            responses.addAPIResponse(status, OASFactory.createAPIResponse().description(description));
        }
    }

    private static Schema problemSchema() {
        Schema text = OASFactory.createSchema().addType(Schema.SchemaType.STRING);
        return OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                .description("An RFC 9457 problem: the one error shape of the API")
                .required(List.of("type", "title", "status"))
                .properties(Map.of(
                        "type", OASFactory.createSchema().addType(Schema.SchemaType.STRING).format("uri")
                                .description("urn:lead-qualifier:problem:<kind>, e.g. urn:lead-qualifier:problem:validation")
                                .examples(List.of("urn:lead-qualifier:problem:validation")),
                        "title", text.description("A short summary of the kind of problem"),
                        "status", OASFactory.createSchema().addType(Schema.SchemaType.INTEGER).description("The HTTP status"),
                        "detail", OASFactory.createSchema().addType(Schema.SchemaType.STRING).description("What went wrong this time"),
                        "instance", OASFactory.createSchema().addType(Schema.SchemaType.STRING).description("The request path"),
                        "errors", OASFactory.createSchema().addType(Schema.SchemaType.ARRAY)
                                .description("Invalid fields of the request, each with its JSON path and what is wrong")
                                .items(OASFactory.createSchema().addType(Schema.SchemaType.OBJECT).properties(Map.of(
                                        "field", OASFactory.createSchema().addType(Schema.SchemaType.STRING),
                                        "message", OASFactory.createSchema().addType(Schema.SchemaType.STRING)))),
                        "problems", OASFactory.createSchema().addType(Schema.SchemaType.ARRAY)
                                .description("For a rejected policy: each finding with its file, place and message")
                                .items(OASFactory.createSchema().addType(Schema.SchemaType.OBJECT))));
    }
}
