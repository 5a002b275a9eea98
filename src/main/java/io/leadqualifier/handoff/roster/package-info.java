/**
 * Who receives hand-offs: each queue's members with their weight (capacity) and whether they are active, and the
 * deterministic weighted round robin that picks the member of a queue's n-th hand-off. Imports nothing of ours.
 */
package io.leadqualifier.handoff.roster;
