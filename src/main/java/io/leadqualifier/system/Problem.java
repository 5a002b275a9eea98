package io.leadqualifier.system;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * An RFC 9457 problem details body, the one error shape of the API. {@code errors} lists field-level
 * problems of a request; {@code problems}, the findings that rejected a policy.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, String instance, List<FieldError> errors,
        List<?> problems) {
    public static final String MEDIA_TYPE = "application/problem+json";
    private static final String TYPE_BASE = "urn:lead-qualifier:problem:";

    public static Problem of(String type, String title, int status, String detail) {
        return new Problem(TYPE_BASE + type, title, status, detail, null, null, null);
    }

    public Problem withErrors(List<FieldError> fieldErrors) {
        return new Problem(type, title, status, detail, instance, fieldErrors, problems);
    }

    public Problem withInstance(String path) {
        return new Problem(type, title, status, detail, path, errors, problems);
    }

    /** The findings of a policy check, for a rejected policy. */
    public Problem withProblems(List<?> policyProblems) {
        return new Problem(type, title, status, detail, instance, errors, policyProblems);
    }

    /** One invalid field: its JSON path ({@code contact.email}, {@code activities[3].at}) and what is wrong. */
    public record FieldError(String field, String message) {
    }
}
