package io.leadqualifier.decision;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import jakarta.validation.ReportAsSingleViolation;
import jakarta.validation.constraints.Pattern;

/** A CRM's lead id as the API accepts it wherever one is sent: in a body, a path or a query. */
@Documented
@Pattern(regexp = "[A-Za-z0-9._:@-]{1,128}")
@ReportAsSingleViolation
@Constraint(validatedBy = {})
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
public @interface LeadId {
    String message() default "must be 1 to 128 characters of A-Z a-z 0-9 . _ : @ -";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
