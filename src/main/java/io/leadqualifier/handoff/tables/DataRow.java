package io.leadqualifier.handoff.tables;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;

/** One row under a header row: its cells by column label, read as RevOps typed them. */
final class DataRow {
    private static final DataFormatter TEXT = new DataFormatter(Locale.ROOT);

    private final String file;
    private final String sheet;
    private final int number;
    private final Map<String, Cell> cells;

    DataRow(String file, String sheet, int number, Map<String, Cell> cells) {
        this.file = file;
        this.sheet = sheet;
        this.number = number;
        this.cells = cells;
    }

    int number() {
        return number;
    }

    /** Where this row is, for someone looking at {@code other}: {@code row 5}, or its sheet and file too when they differ. */
    String seenFrom(DataRow other) {
        if (!file.equals(other.file)) {
            return file + ", sheet " + sheet + ", row " + number;
        }
        return (sheet.equals(other.sheet) ? "" : "sheet " + sheet + ", ") + "row " + number;
    }

    TableProblem problem(String message) {
        return new TableProblem(file, sheet, number, message);
    }

    boolean isBlank() {
        return cells.keySet().stream().allMatch(label -> text(label).isEmpty());
    }

    /** The cell as text, stripped; empty when there is none. */
    String text(String label) {
        Cell cell = cells.get(label);
        return cell == null ? "" : TEXT.formatCellValue(cell).strip();
    }

    String required(String label) {
        String text = text(label);
        if (text.isEmpty()) {
            throw new IllegalArgumentException(label + " is empty");
        }
        return text;
    }

    /** A whole number, typed as a number or as text. */
    int wholeNumber(String label) {
        Cell cell = cells.get(label);
        String text = required(label);
        if (cell.getCellType() == CellType.NUMERIC) {
            double value = cell.getNumericCellValue();
            if (value != Math.rint(value) || Math.abs(value) > Integer.MAX_VALUE) {
                throw new IllegalArgumentException(label + " " + text + " is not a whole number");
            }
            return (int) value;
        }
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(label + " '" + text + "' is not a whole number");
        }
    }

    /** yes/no (also true/false, y/n, x, 1/0, or a boolean cell); {@code whenEmpty} for an empty cell. */
    boolean yesNo(String label, boolean whenEmpty) {
        String text = text(label);
        if (text.isEmpty()) {
            return whenEmpty;
        }
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "yes", "y", "true", "x", "1" -> true;
            case "no", "n", "false", "0" -> false;
            default -> throw new IllegalArgumentException(label + " '" + text + "' is not yes or no");
        };
    }

    /** A date cell, or text written 2026-12-24; null when empty. */
    LocalDate date(String label) {
        Cell cell = cells.get(label);
        String text = text(label);
        if (text.isEmpty()) {
            return null;
        }
        if (cell.getCellType() == CellType.NUMERIC) {
            if (!DateUtil.isCellDateFormatted(cell)) {
                throw new IllegalArgumentException(label + " " + text + " is a number, not a date: write 2026-12-24 or use a date cell");
            }
            return cell.getLocalDateTimeCellValue().toLocalDate();
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(label + " '" + text + "' is not a date: write 2026-12-24 or use a date cell");
        }
    }
}
