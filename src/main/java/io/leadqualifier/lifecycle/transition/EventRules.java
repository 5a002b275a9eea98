package io.leadqualifier.lifecycle.transition;

import io.leadqualifier.lifecycle.LeadStatus;
import io.leadqualifier.lifecycle.LifecycleProblem;

/**
 * Which sales event applies in which state, and the state it leads to. Contact, acceptance, rejection and
 * meetings need an open hand-off; won and lost close any lead that is not closed; nothing follows a close.
 *
 * <pre>
 *               MARKETING  HANDED_OFF  CONTACTED  ACCEPTED
 * CONTACTED     refused    CONTACTED   (same)     (same)
 * ACCEPTED      refused    ACCEPTED    ACCEPTED   refused
 * MEETING_HELD  refused    ACCEPTED    ACCEPTED   (same)
 * REJECTED      refused    MARKETING   MARKETING  MARKETING
 * WON / LOST    WON/LOST   WON/LOST    WON/LOST   WON/LOST
 * </pre>
 */
final class EventRules {
    private EventRules() {
    }

    /** The status after the event, or a problem saying why it does not apply. */
    static LeadStatus next(String leadId, LeadStatus status, SalesEventType type) {
        if (status.isClosed()) {
            throw LifecycleProblem.notAllowed("Lead '" + leadId + "' is closed (" + status + "): no " + type + " after that");
        }
        return switch (type) {
            case WON -> LeadStatus.WON;
            case LOST -> LeadStatus.LOST;
            case CONTACTED -> {
                requireWithSales(leadId, status, type);
                yield status == LeadStatus.HANDED_OFF ? LeadStatus.CONTACTED : status;
            }
            case ACCEPTED -> {
                requireWithSales(leadId, status, type);
                if (status == LeadStatus.ACCEPTED) {
                    throw LifecycleProblem.notAllowed("Lead '" + leadId + "' is already accepted");
                }
                yield LeadStatus.ACCEPTED;
            }
            case MEETING_HELD -> {
                requireWithSales(leadId, status, type);
                yield LeadStatus.ACCEPTED;
            }
            case REJECTED -> {
                requireWithSales(leadId, status, type);
                yield LeadStatus.MARKETING;
            }
        };
    }

    private static void requireWithSales(String leadId, LeadStatus status, SalesEventType type) {
        if (!status.isWithSales()) {
            throw LifecycleProblem.notAllowed("Lead '" + leadId + "' is with marketing (" + status + "): no hand-off is open, so "
                    + type + " does not apply");
        }
    }
}
