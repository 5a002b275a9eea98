package io.leadqualifier.policy.compile;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;

import io.leadqualifier.policy.source.PolicyProblem;

/**
 * Finds rule rows that a blank row cuts off from their table. The engine ends a {@code RuleTable} at its first
 * blank row and reads whatever follows as no rules at all, without a word: a row left blank while inserting one
 * would silently drop every threshold below it. Such rows are an error naming the sheet, the blank row and the
 * rows lost. Cells left of the table (notes) do not count, as the engine does not read them either.
 */
final class RuleTableGaps {
    /** Rows from the RuleTable cell to the first rule: the column kinds, object types, templates and labels. */
    private static final int FIRST_RULE_OFFSET = 5;
    private static final int NAMED_ROWS = 3;

    private RuleTableGaps() {
    }

    /** The gaps of the rule tables of {@code book}, the workbook at {@code path}. */
    static List<PolicyProblem> find(String path, Workbook book) {
        List<PolicyProblem> problems = new ArrayList<>();
        DataFormatter formatter = new DataFormatter(Locale.ROOT);
        for (Sheet sheet : book) {
            for (Table table : tables(sheet, formatter)) {
                table.gap(sheet, formatter).ifPresent(gap -> problems.add(gap.problem(path, sheet.getSheetName(), table)));
            }
        }
        return problems;
    }

    /** A RuleTable: its header cell and the columns its kind row declares. */
    private record Table(String name, int headerRow, int firstColumn, int lastColumn) {

        /** The first blank row followed by rows that would have been rules, if any. */
        Optional<Gap> gap(Sheet sheet, DataFormatter formatter) {
            int blank = -1;
            List<Integer> cutOff = new ArrayList<>();
            List<String> names = new ArrayList<>();
            for (int r = headerRow + FIRST_RULE_OFFSET; r <= sheet.getLastRowNum(); r++) {
                Row row = sheet.getRow(r);
                if (startsTable(row, formatter)) {
                    break;
                }
                String first = firstValue(row, formatter);
                if (first == null) {
                    if (blank < 0) {
                        blank = r;
                    }
                } else if (blank >= 0) {
                    cutOff.add(r);
                    if (names.size() < NAMED_ROWS) {
                        names.add(first);
                    }
                }
            }
            return cutOff.isEmpty() ? Optional.empty() : Optional.of(new Gap(blank, cutOff, names));
        }

        /** The first non-blank value of the row within the table's columns, or null when there is none. */
        private String firstValue(Row row, DataFormatter formatter) {
            if (row == null) {
                return null;
            }
            for (int c = firstColumn; c <= lastColumn; c++) {
                String value = text(row.getCell(c), formatter);
                if (!value.isEmpty()) {
                    return value;
                }
            }
            return null;
        }
    }

    private record Gap(int blankRow, List<Integer> cutOffRows, List<String> firstValues) {

        PolicyProblem problem(String file, String sheet, Table table) {
            int first = cutOffRows.get(0) + 1;
            int last = cutOffRows.get(cutOffRows.size() - 1) + 1;
            String rows = cutOffRows.size() == 1 ? "row " + first : cutOffRows.size() + " rows (" + first + "–" + last + ")";
            String examples = String.join("\", \"", firstValues) + (cutOffRows.size() > firstValues.size() ? "\", …" : "\"");
            return new PolicyProblem(file, "sheet " + sheet + ", row " + (blankRow + 1), "this blank row ends " + table.name()
                    + ", so the " + rows + " below it would not be rules (\"" + examples + "): delete the blank row,"
                    + " or give those rows a RuleTable header of their own");
        }
    }

    private static List<Table> tables(Sheet sheet, DataFormatter formatter) {
        List<Table> tables = new ArrayList<>();
        for (Row row : sheet) {
            for (Cell cell : row) {
                String value = text(cell, formatter);
                if (isTableHeader(value)) {
                    int column = cell.getColumnIndex();
                    Row kinds = sheet.getRow(row.getRowNum() + 1);
                    int last = column;
                    while (kinds != null && !text(kinds.getCell(last + 1), formatter).isEmpty()) {
                        last++;
                    }
                    tables.add(new Table(value, row.getRowNum(), column, last));
                }
            }
        }
        return tables;
    }

    private static boolean startsTable(Row row, DataFormatter formatter) {
        if (row == null) {
            return false;
        }
        for (Cell cell : row) {
            if (isTableHeader(text(cell, formatter))) {
                return true;
            }
        }
        return false;
    }

    private static boolean isTableHeader(String value) {
        return value.toLowerCase(Locale.ROOT).startsWith("ruletable");
    }

    private static String text(Cell cell, DataFormatter formatter) {
        return cell == null ? "" : formatter.formatCellValue(cell).strip();
    }
}
