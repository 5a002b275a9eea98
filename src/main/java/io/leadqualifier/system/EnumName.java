package io.leadqualifier.system;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Arrays;
import java.util.Locale;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * A text that names a constant of an enum, in any case ({@code mql} is {@code MQL}); the message lists the
 * names, so a client reads what it may send. For query parameters, which stay text: a JAX-RS conversion
 * failure would answer 404.
 */
@Documented
@Constraint(validatedBy = EnumName.Validator.class)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
public @interface EnumName {
    Class<? extends Enum<?>> value();

    String message() default "must name one of the allowed values";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** Checks the name; null is left to {@code @NotNull}. */
    class Validator implements ConstraintValidator<EnumName, String> {
        private Enum<?>[] constants;

        @Override
        public void initialize(EnumName annotation) {
            constants = annotation.value().getEnumConstants();
        }

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            if (value == null) {
                return true;
            }
            String name = value.toUpperCase(Locale.ROOT);
            for (Enum<?> constant : constants) {
                if (constant.name().equals(name)) {
                    return true;
                }
            }
            context.disableDefaultConstraintViolation();
            context.buildConstraintViolationWithTemplate("must be one of " + Arrays.toString(constants)).addConstraintViolation();
            return false;
        }
    }

    /** Reads a name once it is validated. */
    final class Read {
        private Read() {
        }

        /** The constant a validated name stands for; null for null. */
        public static <E extends Enum<E>> E value(Class<E> type, String name) {
            return name == null ? null : Enum.valueOf(type, name.toUpperCase(Locale.ROOT));
        }
    }
}
