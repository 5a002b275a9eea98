package io.leadqualifier.system;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

import io.quarkus.logging.Log;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;

/**
 * Every error the API answers, as problem+json. A stack trace never reaches a client. On the paths a feature serves
 * pages on, the same problem is shown as a page ({@link ProblemPages}).
 */
public class ProblemMappers {
    @Inject
    Instance<ProblemPages> pages;

    @ServerExceptionMapper
    public Response invalid(ConstraintViolationException e, UriInfo uri) {
        return respond(invalidFields(e.getConstraintViolations()), uri);
    }

    /** The 400 validation problem naming each violated field; also used for each line of a batch. */
    public static Problem invalidFields(java.util.Set<? extends ConstraintViolation<?>> violations) {
        List<Problem.FieldError> errors = violations.stream()
                .map(v -> new Problem.FieldError(fieldOf(v), v.getMessage()))
                .sorted(Comparator.comparing(Problem.FieldError::field))
                .toList();
        return Problem.of("validation", "Invalid request", 400,
                errors.size() == 1 ? "1 field is invalid" : errors.size() + " fields are invalid").withErrors(errors);
    }

    @ServerExceptionMapper
    public Response malformed(JsonParseException e, UriInfo uri) {
        return respond(malformedJson(e), uri);
    }

    /** The 400 problem of text that is not JSON, saying where; also used for each line of a batch. */
    public static Problem malformedJson(JsonParseException e) {
        String where = e.getLocation() == null ? ""
                : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
        return Problem.of("malformed-json", "Malformed JSON", 400, "The body is not valid JSON" + where);
    }

    /** The 400 problem of JSON that does not fit the request (a field of the wrong type or format). */
    public static Problem unreadableField(JsonMappingException e) {
        String message = e instanceof InvalidFormatException format ? describeExpected(format.getTargetType(), "has the wrong format")
                : e instanceof MismatchedInputException mismatch ? describeExpected(mismatch.getTargetType(), "has the wrong type")
                : "cannot be read: " + firstLine(e.getOriginalMessage());
        String field = jsonPath(e.getPath());
        return Problem.of("validation", "Invalid request", 400, "1 field is invalid")
                .withErrors(List.of(new Problem.FieldError(field.isEmpty() ? "(body)" : field, message)));
    }

    @ServerExceptionMapper
    public Response wrongValue(InvalidFormatException e, UriInfo uri) {
        return fieldProblem(e, describeExpected(e.getTargetType(), "has the wrong format"), uri);
    }

    @ServerExceptionMapper
    public Response wrongShape(MismatchedInputException e, UriInfo uri) {
        return fieldProblem(e, describeExpected(e.getTargetType(), "has the wrong type"), uri);
    }

    @ServerExceptionMapper
    public Response unmappable(JsonMappingException e, UriInfo uri) {
        return fieldProblem(e, "cannot be read: " + firstLine(e.getOriginalMessage()), uri);
    }

    @ServerExceptionMapper
    public Response unreadable(JsonProcessingException e, UriInfo uri) {
        return respond(Problem.of("malformed-json", "Malformed JSON", 400, firstLine(e.getOriginalMessage())), uri);
    }

    @ServerExceptionMapper
    public Response unauthenticated(UnauthorizedException e, UriInfo uri) {
        return challenge(Problem.of("unauthorized", "Unauthorized", 401,
                "Authenticate with a bearer JWT, or HTTP Basic with built-in credentials"), uri);
    }

    @ServerExceptionMapper
    public Response badCredentials(AuthenticationFailedException e, UriInfo uri) {
        return challenge(Problem.of("unauthorized", "Unauthorized", 401, "The credentials were not accepted"), uri);
    }

    private Response challenge(Problem problem, UriInfo uri) {
        Optional<Response> page = page(problem, uri);
        return page.isPresent() ? page.get()
                : located(problem, uri).header("WWW-Authenticate", "Bearer, Basic realm=\"lead-qualifier\"").build();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return respond(Problem.of("forbidden", "Forbidden", 403, "Your role may not do this"), uri);
    }

    @ServerExceptionMapper
    public Response featureProblem(ProblemException e, UriInfo uri) {
        if (e.isServerFault()) {
            Log.errorf("%s: %s", e.problem().title(), e.getMessage());
        }
        return respond(e.problem(), uri);
    }

    @ServerExceptionMapper
    public Response storeUnavailable(PersistenceException e, UriInfo uri) {
        String incident = UUID.randomUUID().toString();
        Log.errorf(e, "Decision store failure (incident %s)", incident);
        boolean recording = uri != null && uri.getPath().endsWith("/qualify");
        return respond(Problem.of("store-unavailable", "Decision store unavailable", 503, (recording
                ? "The decision could not be recorded, so none is returned"
                : "The decision trail could not be read") + "; retry later (incident " + incident + ")"), uri);
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, UriInfo uri) {
        // The JSON reader reports some body errors as a plain 400 with the Jackson error as its cause.
        if (e.getCause() instanceof JsonParseException parse) {
            return malformed(parse, uri);
        }
        if (e.getCause() instanceof JsonMappingException mapping) {
            return fieldProblem(mapping, mapping instanceof MismatchedInputException mismatch
                    ? describeExpected(mismatch.getTargetType(), "has the wrong type") : "cannot be read", uri);
        }
        if (e.getCause() instanceof JsonProcessingException processing) {
            return unreadable(processing, uri);
        }
        int status = e.getResponse().getStatus();
        Response.StatusType type = Response.Status.fromStatusCode(status);
        String title = type == null ? "HTTP " + status : type.getReasonPhrase();
        boolean ownMessage = (status == 404 || status == 400 || status == 409) && e.getMessage() != null && !e.getMessage().startsWith("HTTP ");
        String detail = ownMessage ? e.getMessage() : defaultDetail(status, uri);
        return respond(Problem.of(slug(title), title, status, detail), uri);
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e, UriInfo uri) {
        String incident = UUID.randomUUID().toString();
        Log.errorf(e, "Unexpected error (incident %s)", incident);
        return respond(Problem.of("internal", "Internal error", 500,
                "An unexpected error occurred (incident " + incident + ")"), uri);
    }

    private Response fieldProblem(JsonMappingException e, String message, UriInfo uri) {
        String field = jsonPath(e.getPath());
        Problem problem = Problem.of("validation", "Invalid request", 400, "1 field is invalid")
                .withErrors(List.of(new Problem.FieldError(field.isEmpty() ? "(body)" : field, message)));
        return respond(problem, uri);
    }

    private Response respond(Problem problem, UriInfo uri) {
        return page(problem, uri).orElseGet(() -> located(problem, uri).build());
    }

    /** The problem as a page, where a feature serves pages on this path. */
    private Optional<Response> page(Problem problem, UriInfo uri) {
        if (uri != null) {
            for (ProblemPages page : pages) {
                Optional<Response> shown = page.render(problem, uri.getPath().replaceFirst("^/", ""));
                if (shown.isPresent()) {
                    return shown;
                }
            }
        }
        return Optional.empty();
    }

    private static Response.ResponseBuilder located(Problem problem, UriInfo uri) {
        Problem located = uri == null ? problem : problem.withInstance("/" + uri.getPath().replaceFirst("^/", ""));
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(located);
    }

    private static String defaultDetail(int status, UriInfo uri) {
        return switch (status) {
            case 404 -> "Nothing at " + (uri == null ? "this path" : "/" + uri.getPath().replaceFirst("^/", ""));
            case 405 -> "This method is not allowed on this path";
            case 406 -> "This resource answers application/json only";
            case 415 -> "Send the body as application/json";
            case 413 -> "The body is larger than this service accepts";
            default -> "The request could not be processed";
        };
    }

    static String describeExpected(Class<?> target, String fallback) {
        if (target == null) {
            return fallback;
        }
        if (target.isEnum()) {
            return "must be one of " + List.of(target.getEnumConstants());
        }
        if (target == java.time.Instant.class) {
            return "must be an ISO-8601 instant with offset, e.g. 2026-11-22T10:00:00Z";
        }
        if (target == Integer.class || target == int.class) {
            return "must be a whole number between -2147483648 and 2147483647";
        }
        if (target == Boolean.class || target == boolean.class) {
            return "must be true or false";
        }
        if (target == String.class) {
            return "must be a string";
        }
        if (java.util.Collection.class.isAssignableFrom(target)) {
            return "must be an array";
        }
        return "must be a JSON object";
    }

    static String jsonPath(List<JsonMappingException.Reference> path) {
        StringBuilder field = new StringBuilder();
        for (JsonMappingException.Reference ref : path) {
            if (ref.getFieldName() != null) {
                if (!field.isEmpty()) {
                    field.append('.');
                }
                field.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                field.append('[').append(ref.getIndex()).append(']');
            }
        }
        return field.toString();
    }

    /** {@code qualify.request.contact.email} → {@code contact.email}; {@code activities[3].at} keeps its index. */
    static String fieldOf(ConstraintViolation<?> violation) {
        StringBuilder field = new StringBuilder();
        for (Path.Node node : violation.getPropertyPath()) {
            if (node.getKind() == ElementKind.METHOD || node.getKind() == ElementKind.PARAMETER
                    || node.getKind() == ElementKind.CROSS_PARAMETER || node.getKind() == ElementKind.RETURN_VALUE) {
                // A header parameter is a field of its own; the body parameter is the root of the JSON paths.
                if (node.getKind() == ElementKind.PARAMETER && !node.getName().equals("request")) {
                    field.append(node.getName());
                }
                continue;
            }
            // Hibernate Validator puts a list index on the node after the list: activities, [3] at.
            if (node.isInIterable() && node.getIndex() != null) {
                field.append('[').append(node.getIndex()).append(']');
            }
            if (node.getKind() == ElementKind.CONTAINER_ELEMENT || node.getName() == null) {
                continue;
            }
            if (!field.isEmpty()) {
                field.append('.');
            }
            field.append(node.getName());
        }
        return field.isEmpty() ? "(body)" : field.toString();
    }

    private static String slug(String title) {
        return title.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
    }

    static String firstLine(String text) {
        if (text == null) {
            return "unreadable value";
        }
        int newline = text.indexOf('\n');
        return newline < 0 ? text : text.substring(0, newline);
    }
}
