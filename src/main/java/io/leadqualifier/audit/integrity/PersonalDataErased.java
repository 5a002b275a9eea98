package io.leadqualifier.audit.integrity;

/**
 * Fired inside an erasure's transaction: features that keep free text about the lead (sales notes) erase it
 * too, and the erasure commits or fails with them.
 */
public record PersonalDataErased(String leadId) {
}
