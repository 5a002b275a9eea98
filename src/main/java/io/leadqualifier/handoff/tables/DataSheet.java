package io.leadqualifier.handoff.tables;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;

/**
 * The rows of a data sheet: the sheet is found by name (case does not matter), its header row is the first row
 * whose first non-empty cell is the table's first label, columns are found by label (case and spaces do not
 * matter), and every non-blank row below is a data row.
 */
final class DataSheet {
    private static final DataFormatter TEXT = new DataFormatter(Locale.ROOT);

    private DataSheet() {
    }

    /**
     * The data rows, their cells keyed by the labels given; empty, with a problem, when the sheet, its header row or
     * a required column is missing.
     *
     * @param labels   the columns read, the first one starting the header row
     * @param required how many of the first labels are required
     */
    static List<DataRow> rows(Workbook book, String file, String sheetName, List<String> labels, int required,
            List<TableProblem> problems) {
        return rows(book, file, sheetName, labels, required, true, problems);
    }

    /** The same, for a sheet that may be left out ({@code sheetRequired} false): no rows then, and no problem. */
    static List<DataRow> rows(Workbook book, String file, String sheetName, List<String> labels, int required, boolean sheetRequired,
            List<TableProblem> problems) {
        Sheet sheet = null;
        List<String> names = new ArrayList<>();
        for (Sheet candidate : book) {
            names.add(candidate.getSheetName());
            if (candidate.getSheetName().strip().equalsIgnoreCase(sheetName)) {
                sheet = candidate;
            }
        }
        if (sheet == null) {
            if (!sheetRequired) {
                return List.of();
            }
            problems.add(new TableProblem(file, null, 0, "no sheet named '" + sheetName + "' (its sheets: " + String.join(", ", names) + ")"));
            return List.of();
        }
        Map<String, Integer> columns = null;
        List<DataRow> rows = new ArrayList<>();
        for (Row row : sheet) {
            if (columns == null) {
                columns = header(row, labels.get(0));
                if (columns != null) {
                    Map<String, Integer> found = columns;
                    List<String> missing = labels.subList(0, required).stream().filter(label -> !found.containsKey(normalise(label)))
                            .toList();
                    if (!missing.isEmpty()) {
                        problems.add(new TableProblem(file, sheet.getSheetName(), row.getRowNum() + 1,
                                "the header row has no column " + String.join(", ", missing)));
                        return List.of();
                    }
                }
                continue;
            }
            Map<String, Cell> cells = new HashMap<>();
            for (String label : labels) {
                Integer column = columns.get(normalise(label));
                Cell cell = column == null ? null : row.getCell(column);
                if (cell != null) {
                    cells.put(label, cell);
                }
            }
            DataRow data = new DataRow(file, sheet.getSheetName(), row.getRowNum() + 1, cells);
            if (!data.isBlank()) {
                rows.add(data);
            }
        }
        if (columns == null) {
            problems.add(new TableProblem(file, sheet.getSheetName(), 0,
                    "no header row: the row of column labels must start with '" + labels.get(0) + "'"));
        }
        return rows;
    }

    /** Normalised label → column, when the row's first non-empty cell is the first label; null otherwise. */
    private static Map<String, Integer> header(Row row, String firstLabel) {
        Cell first = null;
        for (Cell cell : row) {
            if (!TEXT.formatCellValue(cell).isBlank()) {
                first = cell;
                break;
            }
        }
        if (first == null || !normalise(TEXT.formatCellValue(first)).equals(normalise(firstLabel))) {
            return null;
        }
        Map<String, Integer> columns = new HashMap<>();
        for (Cell cell : row) {
            columns.putIfAbsent(normalise(TEXT.formatCellValue(cell)), cell.getColumnIndex());
        }
        return columns;
    }

    private static String normalise(String label) {
        return label.toLowerCase(Locale.ROOT).replaceAll("[^a-z]", "");
    }
}
