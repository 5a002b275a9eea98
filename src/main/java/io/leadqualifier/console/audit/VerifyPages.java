package io.leadqualifier.console.audit;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;

import io.leadqualifier.audit.api.AuditResource;
import io.leadqualifier.audit.integrity.AuditChain;
import io.leadqualifier.console.InvalidFields;
import io.leadqualifier.console.Pages;
import io.leadqualifier.console.Refusal;
import io.leadqualifier.console.Section;
import io.leadqualifier.lifecycle.api.LifecycleAuditResource;
import io.leadqualifier.security.Roles;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;

/**
 * Walks the decision hash chain (all of it, or a range of sequence numbers) and the lifecycle events' chain, and says
 * where each first breaks. Same roles as {@code GET /api/v1/audit/verify}: auditors and admins.
 */
@Path("/console/audit/verify")
@RolesAllowed({Roles.AUDITOR, Roles.ADMIN})
public class VerifyPages {
    private final Pages pages;
    private final AuditResource audit;
    private final LifecycleAuditResource lifecycle;
    private final Template verify;

    VerifyPages(Pages pages, AuditResource audit, LifecycleAuditResource lifecycle, @Location("console/audit/verify.html") Template verify) {
        this.pages = pages;
        this.audit = audit;
        this.lifecycle = lifecycle;
        this.verify = verify;
    }

    @GET
    public Response verify(@QueryParam("fromSequence") String fromSequence, @QueryParam("toSequence") String toSequence) {
        String from = fromSequence == null || fromSequence.isBlank() ? null : fromSequence.strip();
        String to = toSequence == null || toSequence.isBlank() ? null : toSequence.strip();
        var page = verify.data("from", from).data("to", to).data("decisions", null).data("events", null).data("refusal", null);
        try {
            AuditChain.Verification decisions = audit.verify(from, to);
            return pages.ok(page.data("decisions", decisions).data("events", lifecycle.verify()), "Verify the trail", Section.DECISIONS);
        } catch (ConstraintViolationException invalid) {
            Refusal refusal = InvalidFields.of(invalid);
            return pages.render(refusal.status(), page.data("refusal", refusal), "Verify the trail", Section.DECISIONS);
        } catch (RuntimeException refused) {
            Refusal refusal = Refusal.of(refused);
            return pages.render(refusal.status(), page.data("refusal", refusal), "Verify the trail", Section.DECISIONS);
        }
    }
}
