package io.leadqualifier.system;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.Instant;
import java.time.format.DateTimeParseException;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/** A text that is an ISO-8601 instant ({@code 2026-11-22T10:00:00Z}), for query parameters, which stay text. */
@Documented
@Constraint(validatedBy = IsoInstant.Validator.class)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
public @interface IsoInstant {
    String message() default "must be an ISO-8601 instant such as 2026-11-22T10:00:00Z";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** Checks the text parses; null is left to {@code @NotNull}. */
    class Validator implements ConstraintValidator<IsoInstant, String> {
        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            if (value == null) {
                return true;
            }
            try {
                Instant.parse(value);
                return true;
            } catch (DateTimeParseException e) {
                return false;
            }
        }
    }

    /** Reads a text once it is validated. */
    final class Read {
        private Read() {
        }

        /** The instant a validated text stands for; null for null. */
        public static Instant value(String text) {
            return text == null ? null : Instant.parse(text);
        }
    }
}
