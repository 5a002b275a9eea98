package io.leadqualifier.decision;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Null;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.leadqualifier.facts.LegalBasis;
import io.leadqualifier.facts.Seniority;
import io.leadqualifier.facts.SourceKind;
import io.leadqualifier.facts.Stage;

/**
 * The lead a CRM asks us to qualify (contract: {@code POST /api/v1/qualify}). Missing objects become empty
 * ones and missing booleans false as the record is built, so a recorded input shows exactly what the
 * rules saw.
 */
public record QualifyRequest(
        @NotNull @LeadId String leadId,
        @PlausibleInstant Instant asOf,
        @Valid Contact contact,
        @Valid Company company,
        @Valid Source source,
        @Valid Consent consent,
        @Size(max = 10_000, message = "at most 10,000 activities") List<@NotNull(message = "must not be null") @Valid Activity> activities,
        @Valid Bant bant,
        @Valid Sales sales,
        @Null(message = "is filled by the service from the lead's lifecycle: do not send it")
        @Schema(readOnly = true, description = "The lead's lifecycle when it was evaluated: filled by the service, recorded with the input")
        History history) {

    public QualifyRequest {
        // Kept to the millisecond, as every database stores it, so that the recorded row hashes the same when read back.
        asOf = asOf == null ? null : asOf.truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        contact = contact == null ? new Contact(null, null, null, null, null, false) : contact;
        company = company == null ? new Company(null, null, null, null, null, false) : company;
        source = source == null ? new Source(null, null) : source;
        consent = consent == null ? new Consent(false, false, false, null) : consent;
        activities = activities == null ? List.of() : activities;
        bant = bant == null ? new Bant(false, false, false, null) : bant;
        sales = sales == null ? new Sales(false, false, false, false) : sales;
    }

    /** The same request evaluated at {@code instant}, for requests that did not say when. */
    public QualifyRequest withAsOf(Instant instant) {
        return new QualifyRequest(leadId, instant, contact, company, source, consent, activities, bant, sales, history);
    }

    /** The same request with the lead's lifecycle as the service knows it at asOf (null: a lead never seen). */
    public QualifyRequest withHistory(History known) {
        return new QualifyRequest(leadId, asOf, contact, company, source, consent, activities, bant, sales, known);
    }

    /** The person. */
    public record Contact(
            @NotNull(message = "is required") @Size(max = 254)
            @Email(regexp = "[^@\\s]+@[^@\\s]+\\.[^@\\s]+", message = "must be a valid email address")
            String email,
            @Size(max = 200) String firstName,
            @Size(max = 200) String lastName,
            @Size(max = 200) String jobTitle,
            Seniority seniority,
            boolean decisionMaker) {

        public Contact {
            seniority = seniority == null ? Seniority.UNKNOWN : seniority;
        }
    }

    /** The organisation. */
    public record Company(
            @Size(max = 200) String name,
            @Size(max = 253) String domain,
            @Size(max = 64) @Pattern(regexp = "[A-Za-z0-9_ &-]*", message = "must be letters, digits, spaces, _ & -") String industry,
            @PositiveOrZero Integer employees,
            @Pattern(regexp = "[A-Za-z]{2}", message = "must be an ISO 3166-1 alpha-2 code such as FR") String country,
            boolean competitor) {

        public Company {
            industry = industry == null || industry.isBlank() ? null : industry.strip().toUpperCase(Locale.ROOT);
            country = country == null ? null : country.toUpperCase(Locale.ROOT);
        }
    }

    /** Where the lead came from. */
    public record Source(SourceKind kind, @Size(max = 100) String channel) {
    }

    /** Consent and objections. */
    public record Consent(boolean optedOut, boolean doNotEmail, boolean doNotCall, LegalBasis legalBasis) {
    }

    /** One interaction. */
    public record Activity(
            @NotBlank(message = "is required") @Size(max = 64)
            @Pattern(regexp = "[A-Za-z0-9_.:-]*", message = "must be letters, digits, _ . : -") String type,
            @NotNull(message = "is required") @PlausibleInstant Instant at,
            @Size(max = 2000) String detail) {

        public Activity {
            type = type == null ? null : type.strip().toUpperCase(Locale.ROOT);
        }
    }

    /** Budget, authority, need, timing. */
    public record Bant(boolean budget, boolean authority, boolean need,
            @PositiveOrZero @Max(value = 1200, message = "must be at most 1200") Integer timingMonths) {
    }

    /** Sales signals. */
    public record Sales(boolean qualificationCallHeld, boolean meetingBooked, boolean proposalRequested,
            boolean negotiationStarted) {
    }

    /**
     * The lead's lifecycle at asOf, as the rules saw it (see {@code facts.SalesHistory}): filled by the service,
     * never by a client.
     */
    public record History(String status, Stage stage, String queue, String assignee, Instant handedOffAt, Instant contactedAt,
            Instant lastRejectedAt, String lastRejectionReason, Instant heldUntil, int recycleCount, Instant lastRecycledAt,
            String closedAs) {
    }
}
