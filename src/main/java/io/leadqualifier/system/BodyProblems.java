package io.leadqualifier.system;

import java.util.Comparator;
import java.util.List;
import java.util.Set;

import jakarta.validation.ConstraintViolation;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

/**
 * The problems of a request body read outside HTTP (a message from the broker): the same types, titles and field
 * paths as {@link ProblemMappers} answers over HTTP, so a CRM reads one vocabulary whichever way it sent the lead.
 */
public final class BodyProblems {
    private BodyProblems() {
    }

    /** A body that Jackson could not read: malformed JSON, or a field of the wrong type or format. */
    public static Problem unreadable(JsonProcessingException e) {
        if (e instanceof JsonParseException parse) {
            String where = parse.getLocation() == null ? ""
                    : " at line " + parse.getLocation().getLineNr() + ", column " + parse.getLocation().getColumnNr();
            return Problem.of("malformed-json", "Malformed JSON", 400, "The body is not valid JSON" + where);
        }
        if (e instanceof JsonMappingException mapping) {
            String message = mapping instanceof InvalidFormatException format ? ProblemMappers.describeExpected(format.getTargetType(), "has the wrong format")
                    : mapping instanceof MismatchedInputException mismatch ? ProblemMappers.describeExpected(mismatch.getTargetType(), "has the wrong type")
                    : "cannot be read: " + ProblemMappers.firstLine(mapping.getOriginalMessage());
            String field = ProblemMappers.jsonPath(mapping.getPath());
            return invalid(List.of(new Problem.FieldError(field.isEmpty() ? "(body)" : field, message)));
        }
        return Problem.of("malformed-json", "Malformed JSON", 400, ProblemMappers.firstLine(e.getOriginalMessage()));
    }

    /** Bean Validation's findings on a body, each with its JSON path. */
    public static <T> Problem invalid(Set<ConstraintViolation<T>> violations) {
        return invalid(violations.stream().map(v -> new Problem.FieldError(ProblemMappers.fieldOf(v), v.getMessage())).toList());
    }

    /** Field errors found otherwise (a message header, say). */
    public static Problem invalid(List<Problem.FieldError> errors) {
        List<Problem.FieldError> sorted = errors.stream().sorted(Comparator.comparing(Problem.FieldError::field)).toList();
        return Problem.of("validation", "Invalid request", 400,
                sorted.size() == 1 ? "1 field is invalid" : sorted.size() + " fields are invalid").withErrors(sorted);
    }
}
