/**
 * The fact model rule authors import: what the service knows of a lead (inputs), what rules call
 * (the {@link io.leadqualifier.facts.Outcome} global) and the snapshot facts one phase hands to the next.
 * Keep these plain and stable: DRL files and decision tables refer to them by name. Reading what the rules
 * wrote (the ledger and its sentences) and the what-ifs of explanations live outside, in {@code evaluation}
 * and {@code replay}. Imports no other package of the service.
 */
package io.leadqualifier.facts;
