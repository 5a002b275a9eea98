/**
 * Reading the hand-off tables from their workbooks (roster, business calendars, reasons) into the types of
 * {@code handoff.calendar}, {@code handoff.roster} and {@code handoff.reasons}, with every problem named by file,
 * sheet and row. A sheet is found by its name; in it, the header row is the first row whose first cell is the
 * table's first label, rows above it (the notes) are not read, and columns are found by label in any order. Imports
 * the other {@code handoff} packages and POI.
 */
package io.leadqualifier.handoff.tables;
