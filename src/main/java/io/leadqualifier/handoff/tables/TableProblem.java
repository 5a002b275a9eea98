package io.leadqualifier.handoff.tables;

/**
 * Something wrong in a table: a table with such a problem cannot be used.
 *
 * @param file    the workbook, as given in {@link TableWorkbook#path()}
 * @param sheet   the sheet; null for the whole workbook
 * @param row     the row as a spreadsheet numbers it (from 1); 0 for the whole sheet
 * @param message what is wrong, and what would be right
 */
public record TableProblem(String file, String sheet, int row, String message) {

    /** {@code sheet Roster, row 5}; {@code sheet Roster} for the whole sheet; null for the whole workbook. */
    public String location() {
        if (sheet == null) {
            return null;
        }
        return "sheet " + sheet + (row > 0 ? ", row " + row : "");
    }

    @Override
    public String toString() {
        String location = location();
        return file + (location == null ? "" : " (" + location + ")") + ": " + message;
    }
}
