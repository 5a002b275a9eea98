package io.leadqualifier.handoff.reasons;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * One reason of the list.
 *
 * @param event        the event it may be given with
 * @param code         what a CRM sends and KPIs count: upper case letters, digits and underscores ({@code NO_BUDGET})
 * @param label        what people read ({@code No budget this year})
 * @param requiresText whether the event must also carry free text (for {@code OTHER}, say)
 * @param holdDays     for a REJECTED reason: how many days the rejection holds the lead back from MQL unless it makes a new
 *                     buying-intent request (0: no hold); always 0 for LOST
 */
public record SalesReason(ReasonEvent event, String code, String label, boolean requiresText, int holdDays) {
    /** The most days a rejection may hold a lead: ten years. */
    public static final int MAX_HOLD_DAYS = 3650;
    private static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9_]{0,63}");

    public SalesReason {
        if (event == null) {
            throw new IllegalArgumentException("a reason needs an event (REJECTED or LOST)");
        }
        code = code == null ? "" : code.strip().toUpperCase(Locale.ROOT);
        if (!CODE.matcher(code).matches()) {
            throw new IllegalArgumentException("'" + code + "' is not a reason code: letters, digits and underscores, starting with"
                    + " a letter (NO_BUDGET)");
        }
        label = label == null || label.isBlank() ? code : label.strip();
        if (holdDays < 0 || holdDays > MAX_HOLD_DAYS) {
            throw new IllegalArgumentException("a hold of " + holdDays + " days: from 0 to " + MAX_HOLD_DAYS);
        }
        if (holdDays > 0 && event != ReasonEvent.REJECTED) {
            throw new IllegalArgumentException("a hold is for REJECTED reasons: a LOST lead is closed");
        }
    }

    /** A reason without a hold. */
    public SalesReason(ReasonEvent event, String code, String label, boolean requiresText) {
        this(event, code, label, requiresText, 0);
    }
}
