package io.leadqualifier.decision;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.Instant;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * An instant between 1900-01-01 and 9999-12-31 (UTC): Java accepts far wider years than any database
 * column stores, and such dates are always a client's mistake.
 */
@Documented
@Constraint(validatedBy = PlausibleInstant.Validator.class)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
public @interface PlausibleInstant {
    String message() default "must be between 1900-01-01T00:00:00Z and 9999-12-31T23:59:59Z";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** Checks the range; null is left to {@code @NotNull}. */
    class Validator implements ConstraintValidator<PlausibleInstant, Instant> {
        private static final Instant MIN = Instant.parse("1900-01-01T00:00:00Z");
        private static final Instant MAX = Instant.parse("9999-12-31T23:59:59Z");

        @Override
        public boolean isValid(Instant value, ConstraintValidatorContext context) {
            return value == null || (!value.isBefore(MIN) && !value.isAfter(MAX));
        }
    }
}
