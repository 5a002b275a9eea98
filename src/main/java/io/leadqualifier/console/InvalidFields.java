package io.leadqualifier.console;

import java.util.Comparator;
import java.util.List;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;

import io.leadqualifier.system.Problem;

/**
 * The API's 400 "Invalid request" for query parameters it refused, as a refusal a page shows next to its form: the
 * same title, detail and one line per field, named as the form (and the API) name it.
 */
public final class InvalidFields {

    private InvalidFields() {
    }

    public static Refusal of(ConstraintViolationException invalid) {
        List<Problem.FieldError> errors = invalid.getConstraintViolations().stream()
                .map(violation -> new Problem.FieldError(field(violation), violation.getMessage()))
                .sorted(Comparator.comparing(Problem.FieldError::field)).toList();
        return Refusal.of(Problem.of("validation", "Invalid request", 400,
                errors.size() == 1 ? "1 field is invalid" : errors.size() + " fields are invalid").withErrors(errors));
    }

    /** The parameter's name: the last node of {@code search.leadId}. */
    private static String field(ConstraintViolation<?> violation) {
        String name = null;
        for (Path.Node node : violation.getPropertyPath()) {
            name = node.getName();
        }
        return name == null ? "(form)" : name;
    }
}
