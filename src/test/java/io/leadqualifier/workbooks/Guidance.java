package io.leadqualifier.workbooks;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.PaneInformation;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.openxmlformats.schemas.spreadsheetml.x2006.main.CTDataValidation;
import org.openxmlformats.schemas.spreadsheetml.x2006.main.CTSheetProtection;
import org.openxmlformats.schemas.spreadsheetml.x2006.main.STDataValidationErrorStyle;
import org.openxmlformats.schemas.spreadsheetml.x2006.main.STDataValidationType;

/**
 * What a workbook lacks of the guidance the shipped ones give, read with POI as a spreadsheet program reads it: each
 * finding is a sentence naming the sheet and what is missing. A decision-table sheet is found by its {@code RuleTable}
 * cell, its labels four rows under it; a data sheet's labels are on row 3.
 * <p>
 * Which columns must offer a list is found from what they hold, not from how the generator was written: a template
 * naming an enum of the fact model ({@code Stage.$param}: a drop-down of its constants; {@code Seniority.$} in a
 * {@code forall}: a formula checking each of a comma-separated list), the SLA's queues and calendars, the activity types;
 * in a data sheet, the labels whose values are a vocabulary (below); in both, columns whose entries are all
 * true/false or yes/no (a drop-down), or all whole numbers (a check).
 */
final class Guidance {
    private static final DataFormatter TEXT = new DataFormatter(Locale.ROOT);
    private static final Pattern ENUM_PARAM = Pattern.compile("\\b([A-Z][A-Za-z]+)\\.\\$param\\b");
    private static final Pattern ENUM_EACH = Pattern.compile("forall\\(\\|\\|\\)\\{.*\\b([A-Z][A-Za-z]+)\\.\\$}");
    private static final Pattern SEVERAL_VALUE = Pattern.compile("\",([^,\"]+),\"");
    private static final int SPARE = 5;

    /**
     * The vocabularies lists must offer.
     *
     * @param enums        an enum's simple name → its constants ({@code Stage} → LEAD, MQL, …)
     * @param dataColumns  a data sheet's label → the values its drop-down must offer ({@code Expected stage}, {@code Queue})
     * @param queues       the roster's queues, offered by the SLA's Owner and Escalate to
     * @param calendars    the business calendars, offered by the SLA's Calendar
     * @param activityTypes the types the engagement table scores, offered by its Activity type
     */
    record Vocabulary(Map<String, List<String>> enums, Map<String, List<String>> dataColumns, List<String> queues,
            List<String> calendars, List<String> activityTypes) {
    }

    private final XSSFWorkbook book;
    private final Vocabulary vocabulary;
    private final List<String> findings = new ArrayList<>();

    private Guidance(XSSFWorkbook book, Vocabulary vocabulary) {
        this.book = book;
        this.vocabulary = vocabulary;
    }

    /** Everything the workbook lacks; empty when it guides as the shipped ones do. */
    static List<String> missing(byte[] workbook, Vocabulary vocabulary) {
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(workbook))) {
            Guidance guidance = new Guidance(book, vocabulary);
            guidance.check();
            return guidance.findings;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void check() {
        if (!book.isStructureLocked() || book.getCTWorkbook().getWorkbookProtection().isSetWorkbookPassword()
                || book.getCTWorkbook().getWorkbookProtection().isSetWorkbookHashValue()) {
            findings.add("the workbook's structure is not locked without a password (sheets could be renamed or added)");
        }
        for (int i = 0; i < book.getNumberOfSheets(); i++) {
            XSSFSheet sheet = book.getSheetAt(i);
            int tableRow = ruleTableRow(sheet);
            int labels = tableRow >= 0 ? tableRow + 4 : DataWorkbook.HEADER_ROW;
            String where = "sheet " + sheet.getSheetName() + ": ";
            Row labelRow = sheet.getRow(labels);
            if (labelRow == null) {
                findings.add(where + "no label row " + (labels + 1));
                continue;
            }
            int notes = notesRow(sheet, labels);
            technicalRows(sheet, labels, notes, where);
            entries(sheet, labelRow, where);
            protection(sheet, where);
            frozenAndPrinted(sheet, labels, where);
            lists(sheet, labelRow, tableRow, where);
        }
    }

    /** A decision table's RuleTable row, or -1 for a data sheet. */
    private static int ruleTableRow(XSSFSheet sheet) {
        for (Row row : sheet) {
            for (Cell cell : row) {
                if (TEXT.formatCellValue(cell).strip().startsWith("RuleTable")) {
                    return row.getRowNum();
                }
            }
        }
        return -1;
    }

    /** The row above the labels whose first cell is "Notes" and whose text reads as words, not templates; -1 if none. */
    private int notesRow(XSSFSheet sheet, int labels) {
        for (int r = 0; r < labels; r++) {
            Row row = sheet.getRow(r);
            Cell first = row == null ? null : row.getCell(1);
            Cell text = row == null ? null : row.getCell(2);
            if (first != null && TEXT.formatCellValue(first).equals("Notes") && text != null) {
                String words = TEXT.formatCellValue(text);
                if (words.length() < 60 || words.contains("$param") || words.contains("outcome.") || words.contains("==")) {
                    findings.add("sheet " + sheet.getSheetName() + ": the notes do not read as plain words: " + words);
                }
                if (row.getZeroHeight()) {
                    findings.add("sheet " + sheet.getSheetName() + ": the notes row is hidden");
                }
                return r;
            }
        }
        findings.add("sheet " + sheet.getSheetName() + ": no Notes row above the labels");
        return -1;
    }

    /** Every row above the labels but the notes is hidden, and none of its cells can be typed in. */
    private void technicalRows(XSSFSheet sheet, int labels, int notes, String where) {
        for (int r = 0; r < labels; r++) {
            Row row = sheet.getRow(r);
            boolean technical = r != notes && row != null && hasText(row);
            if (technical && !row.getZeroHeight()) {
                findings.add(where + "technical row " + (r + 1) + " is in view");
            }
            if (row != null && (anyUnlocked(row) || row.getRowStyle() != null && !row.getRowStyle().getLocked())) {
                findings.add(where + "row " + (r + 1) + ", above the labels, has cells that can be typed in");
            }
        }
        if (sheet.getRow(labels).getZeroHeight() || anyUnlocked(sheet.getRow(labels))) {
            findings.add(where + "the labels are hidden or can be typed over");
        }
    }

    /** Every cell of the entries, and of a few rows under them, can be typed in. */
    private void entries(XSSFSheet sheet, Row labelRow, String where) {
        int last = lastEntry(sheet, labelRow.getRowNum());
        for (int r = labelRow.getRowNum() + 1; r <= last + SPARE; r++) {
            Row row = sheet.getRow(r);
            if (row == null || row.getRowStyle() == null || row.getRowStyle().getLocked()) {
                findings.add(where + "row " + (r + 1) + " is not open to typing (its row style is locked)");
                return;
            }
            for (Cell label : labelRow) {
                Cell cell = row.getCell(label.getColumnIndex());
                if (cell != null && cell.getCellStyle().getLocked()) {
                    findings.add(where + "cell " + cell.getAddress() + " is locked");
                }
            }
        }
    }

    private void protection(XSSFSheet sheet, String where) {
        CTSheetProtection protection = sheet.getCTWorksheet().getSheetProtection();
        if (!sheet.isSheetLocked()) {
            findings.add(where + "not protected");
            return;
        }
        if (protection.isSetPassword() || protection.isSetHashValue()) {
            findings.add(where + "protected with a password");
        }
        if (sheet.isInsertRowsLocked() || sheet.isDeleteRowsLocked()) {
            findings.add(where + "rows cannot be inserted or deleted");
        }
        if (!sheet.isFormatRowsLocked()) {
            findings.add(where + "rows can be formatted, so the hidden rows can be shown again");
        }
    }

    private void frozenAndPrinted(XSSFSheet sheet, int labels, String where) {
        PaneInformation pane = sheet.getPaneInformation();
        if (pane == null || !pane.isFreezePane() || pane.getHorizontalSplitPosition() != labels + 1) {
            findings.add(where + "the labels (row " + (labels + 1) + ") are not frozen");
        }
        if (!sheet.getFitToPage() || sheet.getPrintSetup().getFitWidth() != 1 || sheet.getPrintSetup().getFitHeight() != 0) {
            findings.add(where + "not printed one page wide");
        }
        CellRangeAddress titles = sheet.getRepeatingRows();
        if (titles == null || titles.getFirstRow() != labels || titles.getLastRow() != labels) {
            findings.add(where + "the labels are not repeated on each printed page");
        }
    }

    private void lists(XSSFSheet sheet, Row labelRow, int tableRow, String where) {
        Row codes = tableRow >= 0 ? sheet.getRow(tableRow + 3) : null;
        int last = lastEntry(sheet, labelRow.getRowNum());
        for (Cell label : labelRow) {
            int column = label.getColumnIndex();
            String name = TEXT.formatCellValue(label).strip();
            String code = codes == null || codes.getCell(column) == null ? "" : TEXT.formatCellValue(codes.getCell(column));
            Set<String> values = columnValues(sheet, labelRow.getRowNum(), last, column);
            Expected expected = expected(sheet.getSheetName(), name, code, values, tableRow >= 0);
            if (expected == null) {
                continue;
            }
            CTDataValidation validation = validationOf(sheet, labelRow.getRowNum() + 1, last + SPARE, column);
            String what = where + "column " + name + ": ";
            if (validation == null) {
                findings.add(what + "no " + expected.type() + " validation over its entries and the rows under them");
            } else if (validation.getType() != expected.type()) {
                findings.add(what + "a " + validation.getType() + " validation, expected " + expected.type());
            } else {
                checkValidation(what, validation, expected);
            }
        }
    }

    private record Expected(STDataValidationType.Enum type, List<String> values, boolean strict) {
    }

    private Expected expected(String sheet, String label, String code, Set<String> values, boolean ruleTable) {
        Matcher each = ENUM_EACH.matcher(code);
        if (each.find() && vocabulary.enums().containsKey(each.group(1))) {
            return new Expected(STDataValidationType.CUSTOM, vocabulary.enums().get(each.group(1)), true);
        }
        Matcher param = ENUM_PARAM.matcher(code);
        if (param.find() && vocabulary.enums().containsKey(param.group(1))) {
            return new Expected(STDataValidationType.LIST, vocabulary.enums().get(param.group(1)), true);
        }
        if (code.contains("sla().owner(") || code.contains("sla().escalateTo(")) {
            return new Expected(STDataValidationType.LIST, vocabulary.queues(), false);
        }
        if (code.contains("sla().calendar(")) {
            return new Expected(STDataValidationType.LIST, vocabulary.calendars(), false);
        }
        if (code.contains("ActivityTally") || code.startsWith("type ==")) {
            return new Expected(STDataValidationType.LIST, vocabulary.activityTypes(), false);
        }
        if (!ruleTable && sheet.equals("Closing days") && label.equals("Calendar")) {
            return new Expected(STDataValidationType.LIST, null, true);
        }
        if (!ruleTable && vocabulary.dataColumns().containsKey(label)) {
            return new Expected(STDataValidationType.LIST, vocabulary.dataColumns().get(label), !label.equals("Queue"));
        }
        if (!values.isEmpty() && Set.of("true", "false").containsAll(values)) {
            return new Expected(STDataValidationType.LIST, List.of("true", "false"), true);
        }
        if (!values.isEmpty() && Set.of("yes", "no").containsAll(values)) {
            return new Expected(STDataValidationType.LIST, List.of("yes", "no"), true);
        }
        if (!values.isEmpty() && values.stream().allMatch(value -> value.matches("-?\\d+"))) {
            return new Expected(STDataValidationType.WHOLE, null, true);
        }
        return null;
    }

    private void checkValidation(String what, CTDataValidation validation, Expected expected) {
        if (expected.strict() && validation.getErrorStyle() != null && validation.getErrorStyle() != STDataValidationErrorStyle.STOP) {
            findings.add(what + "a value outside the list is not refused");
        }
        if (!validation.getShowErrorMessage() || !validation.getShowInputMessage()) {
            findings.add(what + "no input message or no error message");
        }
        if (expected.type() == STDataValidationType.LIST && validation.getShowDropDown()) {
            findings.add(what + "the drop-down arrow is hidden (showDropDown, named backwards, is set)");
        }
        if (expected.values() == null) {
            return;
        }
        List<String> offered = new ArrayList<>();
        String formula = validation.getFormula1();
        if (expected.type() == STDataValidationType.LIST && formula.startsWith("\"")) {
            offered.addAll(List.of(formula.substring(1, formula.length() - 1).split(",")));
        } else if (expected.type() == STDataValidationType.CUSTOM) {
            Matcher value = SEVERAL_VALUE.matcher(formula);
            while (value.find()) {
                offered.add(value.group(1));
            }
        }
        if (!new LinkedHashSet<>(offered).equals(new LinkedHashSet<>(expected.values()))) {
            findings.add(what + "offers " + offered + ", expected " + expected.values());
        }
    }

    /** The validation covering the whole column from {@code first} to {@code last}, or null. */
    private static CTDataValidation validationOf(XSSFSheet sheet, int first, int last, int column) {
        if (!sheet.getCTWorksheet().isSetDataValidations()) {
            return null;
        }
        for (CTDataValidation validation : sheet.getCTWorksheet().getDataValidations().getDataValidationArray()) {
            for (Object range : validation.getSqref()) {
                CellRangeAddress cells = CellRangeAddress.valueOf(range.toString());
                if (cells.getFirstColumn() <= column && column <= cells.getLastColumn() && cells.getFirstRow() <= first
                        && last <= cells.getLastRow()) {
                    return validation;
                }
            }
        }
        return null;
    }

    private static Set<String> columnValues(XSSFSheet sheet, int labels, int last, int column) {
        Set<String> values = new LinkedHashSet<>();
        for (int r = labels + 1; r <= last; r++) {
            Row row = sheet.getRow(r);
            String value = row == null || row.getCell(column) == null ? "" : TEXT.formatCellValue(row.getCell(column)).strip();
            if (!value.isEmpty()) {
                values.add(value);
            }
        }
        return values;
    }

    private static int lastEntry(XSSFSheet sheet, int labels) {
        int last = labels;
        for (int r = labels + 1; r <= sheet.getLastRowNum(); r++) {
            if (sheet.getRow(r) != null && hasText(sheet.getRow(r))) {
                last = r;
            }
        }
        return last;
    }

    private static boolean hasText(Row row) {
        for (Cell cell : row) {
            if (!TEXT.formatCellValue(cell).isBlank()) {
                return true;
            }
        }
        return false;
    }

    private static boolean anyUnlocked(Row row) {
        for (Cell cell : row) {
            if (!cell.getCellStyle().getLocked()) {
                return true;
            }
        }
        return false;
    }
}
