/**
 * Business calendars: a team's weekly opening hours in its time zone, its public holidays (Jollyday) and company
 * closing days, and the arithmetic an SLA clock needs on them. Deterministic: nothing here reads the clock. Imports
 * nothing of ours.
 */
package io.leadqualifier.handoff.calendar;
