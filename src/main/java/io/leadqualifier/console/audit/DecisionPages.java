package io.leadqualifier.console.audit;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;

import io.leadqualifier.audit.api.DecisionResource;
import io.leadqualifier.audit.search.DecisionSearch;
import io.leadqualifier.console.InvalidFields;
import io.leadqualifier.console.Pages;
import io.leadqualifier.console.Refusal;
import io.leadqualifier.console.Section;
import io.leadqualifier.decision.DecisionView;
import io.leadqualifier.facts.Route;
import io.leadqualifier.facts.Stage;
import io.leadqualifier.replay.DecisionExplanation;
import io.leadqualifier.replay.DecisionReplay;
import io.leadqualifier.replay.ReplayResource;
import io.leadqualifier.security.Roles;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;

/**
 * Decisions as auditors read them: the search with the API's filters, one decision explained, and its replay. Same roles
 * as {@code GET /api/v1/decisions} and {@code POST /api/v1/decisions/{id}/replay}.
 */
@Path("/console/decisions")
@RolesAllowed({Roles.REVOPS, Roles.AUDITOR, Roles.ADMIN})
public class DecisionPages {
    private static final java.util.List<Integer> PAGE_SIZES = java.util.List.of(20, 50, 100, 500);
    private final Pages pages;
    private final DecisionResource decisions;
    private final ReplayResource replays;
    private final DecisionExplanation explanations;
    private final Template search;
    private final Template decision;

    DecisionPages(Pages pages, DecisionResource decisions, ReplayResource replays, DecisionExplanation explanations,
            @Location("console/audit/search.html") Template search, @Location("console/audit/decision.html") Template decision) {
        this.pages = pages;
        this.decisions = decisions;
        this.replays = replays;
        this.explanations = explanations;
        this.search = search;
        this.decision = decision;
    }

    @GET
    public Response search(@QueryParam("leadId") String leadId, @QueryParam("stage") String stage, @QueryParam("route") String route,
            @QueryParam("rule") String rule, @QueryParam("policyVersion") String policyVersion, @QueryParam("from") String from,
            @QueryParam("to") String to, @QueryParam("page") @DefaultValue("0") int page, @QueryParam("size") @DefaultValue("50") int size) {
        SearchForm form = new SearchForm(leadId, stage, route, rule, policyVersion, from, to, page, size);
        var template = search.data("form", form).data("stages", Stage.values()).data("routes", Route.values())
                .data("sizes", PAGE_SIZES).data("refusal", null).data("found", null).data("pagesInAll", 0).data("number", 1)
                .data("newer", null).data("older", null);
        try {
            DecisionSearch.Page found = decisions.search(form.leadId(), form.stage(), form.route(), form.rule(), form.policyVersion(),
                    form.from(), form.to(), form.page(), form.size());
            long pagesInAll = (found.total() + found.size() - 1) / found.size();
            return pages.ok(template.data("found", found).data("pagesInAll", pagesInAll).data("number", found.page() + 1)
                    .data("newer", found.page() > 0 ? form.pageLink(found.page() - 1) : null)
                    .data("older", found.page() + 1 < pagesInAll ? form.pageLink(found.page() + 1) : null).data("refusal", null),
                    "Decisions", Section.DECISIONS);
        } catch (ConstraintViolationException invalid) {
            Refusal refusal = InvalidFields.of(invalid);
            return pages.render(refusal.status(), template.data("refusal", refusal), "Decisions", Section.DECISIONS);
        }
    }

    @GET
    @Path("{decisionId}")
    public Response decision(@PathParam("decisionId") String decisionId) {
        return show(decisionId, null, null, 200);
    }

    @POST
    @Path("{decisionId}/replay")
    @RolesAllowed({Roles.AUDITOR, Roles.ADMIN})
    public Response replay(@PathParam("decisionId") String decisionId) {
        try {
            return show(decisionId, replays.replay(decisionId), null, 200);
        } catch (RuntimeException refused) {
            Refusal refusal = Refusal.of(refused);
            return show(decisionId, null, refusal, refusal.status());
        }
    }

    /** The decision explained; an unknown id is the API's 404, shown as the console's error page. */
    private Response show(String decisionId, DecisionReplay.Result replayed, Refusal refusal, int status) {
        DecisionView recorded = decisions.decision(decisionId);
        UUID id = DecisionResource.parse(decisionId).orElseThrow(() -> new NotFoundException("No decision " + decisionId));
        return pages.render(status, decision.data("recorded", recorded).data("e", explanations.explain(id))
                .data("replayed", replayed).data("refusal", refusal), "Decision " + decisionId, Section.DECISIONS);
    }
}
