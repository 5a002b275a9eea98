/**
 * The fact model rule authors import: what the service knows of a lead (inputs) and what rules write
 * (the {@link io.leadqualifier.facts.Outcome} ledger and the snapshot facts one phase hands to the next).
 * Keep these plain and stable: DRL files and decision tables refer to them by name.
 */
package io.leadqualifier.facts;
