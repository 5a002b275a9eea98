package io.leadqualifier.workbooks;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationConstraint;
import org.apache.poi.ss.usermodel.DataValidationConstraint.OperatorType;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellAddress;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFDataValidationHelper;
import org.apache.poi.xssf.usermodel.XSSFSheet;

/**
 * Makes a sheet guide whoever opens it in Excel or LibreOffice: the rows the engine needs and people do not (a decision
 * table's RuleSet header and templates) hidden and locked; the sheet protected without a password, so that only the
 * entries can be typed in, while rows can still be inserted and deleted and columns widened; a drop-down list or a check
 * on every column whose values are a list or a number; the labels frozen in view with the names column; one page wide
 * when printed, the labels repeated on each page. Nothing here changes a cell's value: what the engine and the readers
 * read is the same with or without it.
 */
final class GuidedSheet {
    /** Rows under the last entry that stay open and checked, so that an entry can be typed under the table. */
    static final int SPARE_ROWS = 20;
    /** Excel's limits on a validation's texts, and what LibreOffice keeps of a list or formula when it saves .xlsx. */
    static final int MAX_TITLE = 32;
    static final int MAX_PROMPT = 255;
    static final int MAX_ERROR = 225;
    static final int MAX_FORMULA = 255;

    private final XSSFSheet sheet;
    private final int header;
    private final int nameColumn;
    private final Map<Integer, Allowed> allowed = new LinkedHashMap<>();
    private final Map<Integer, String> labels = new LinkedHashMap<>();
    private final List<Integer> hidden = new ArrayList<>();

    /**
     * @param header     the row of the column labels (0-based); entries are below it
     * @param nameColumn the table's first column, which names each entry
     */
    GuidedSheet(XSSFSheet sheet, int header, int nameColumn) {
        this.sheet = sheet;
        this.header = header;
        this.nameColumn = nameColumn;
    }

    GuidedSheet allow(int column, String label, Allowed what) {
        if (what != null) {
            allowed.put(column, what);
            labels.put(column, label);
        }
        return this;
    }

    GuidedSheet hide(int row) {
        hidden.add(row);
        return this;
    }

    /** Applies it all; {@code editable} (unlocked) becomes the style of the entry rows and of the spare rows under them. */
    void finish(CellStyle editable) {
        int last = Math.max(sheet.getLastRowNum(), header) + SPARE_ROWS;
        for (int r = header + 1; r <= last; r++) {
            Row row = sheet.getRow(r) == null ? sheet.createRow(r) : sheet.getRow(r);
            row.setRowStyle(editable);
        }
        allowed.forEach((column, what) -> validate(column, labels.get(column), what, header + 1, last));
        for (int r : hidden) {
            (sheet.getRow(r) == null ? sheet.createRow(r) : sheet.getRow(r)).setZeroHeight(true);
        }
        sheet.createFreezePane(nameColumn + 1, header + 1);
        sheet.setActiveCell(new CellAddress(header + 1, nameColumn + 1));
        // No password: protection guides, it does not secure (README says how to lift it). Hidden rows stay hidden
        // because formatting rows stays locked; inserting and deleting rows and widening columns stay allowed.
        sheet.enableLocking();
        sheet.lockInsertRows(false);
        sheet.lockDeleteRows(false);
        sheet.lockFormatColumns(false);
        sheet.lockObjects(true);
        sheet.lockScenarios(true);
        PrintSetup print = sheet.getPrintSetup();
        print.setLandscape(true);
        print.setPaperSize(PrintSetup.A4_PAPERSIZE);
        print.setFitWidth((short) 1);
        print.setFitHeight((short) 0);
        sheet.setFitToPage(true);
        sheet.setAutobreaks(true);
        sheet.setRepeatingRows(CellRangeAddress.valueOf((header + 1) + ":" + (header + 1)));
        sheet.getFooter().setCenter("&F, &A: page &P of &N");
    }

    private void validate(int column, String label, Allowed what, int first, int last) {
        XSSFDataValidationHelper helper = new XSSFDataValidationHelper(sheet);
        DataValidationConstraint constraint;
        String prompt;
        String errorTitle;
        String error;
        int style = DataValidation.ErrorStyle.STOP;
        boolean list = false;
        if (what instanceof Allowed.OneOf one) {
            String values = String.join(", ", one.values());
            limit(String.join(",", one.values()), MAX_FORMULA);
            constraint = helper.createExplicitListConstraint(one.values().toArray(String[]::new));
            list = true;
            prompt = "Pick from the list: " + values + ".";
            if (one.strict()) {
                errorTitle = "Not a " + one.what();
                error = fitting("Pick one from the drop-down list: " + values + ".", "Pick one from the drop-down list.");
            } else {
                style = DataValidation.ErrorStyle.WARNING;
                errorTitle = "Unknown " + one.what();
                error = fitting("Not one of " + values + ". " + one.otherwise(),
                        "Not in the drop-down list. " + one.otherwise());
            }
        } else if (what instanceof Allowed.OneOfRange range) {
            constraint = helper.createFormulaListConstraint(range.range());
            list = true;
            prompt = "Pick a " + range.what() + " from the list (" + range.range().replaceAll("!.*", "") + " sheet), or leave it empty.";
            errorTitle = "Not a " + range.what();
            error = "Pick a " + range.what() + " from the list: the names of the " + range.range().replaceAll("!.*", "") + " sheet.";
        } else if (what instanceof Allowed.SeveralOf several) {
            String values = String.join(", ", several.values());
            constraint = helper.createCustomConstraint(severalOfFormula(new CellReference(first, column).formatAsString(false),
                    several.values()));
            prompt = "One " + several.what() + ", or several separated by commas: " + values + ".";
            errorTitle = "Not a " + several.what() + " list";
            error = "Write each " + several.what() + " as listed, in capitals, once, separated by commas: " + values + ".";
        } else {
            Allowed.WholeNumber number = (Allowed.WholeNumber) what;
            String min = Long.toString(number.min());
            constraint = number.max() == null
                    ? helper.createIntegerConstraint(OperatorType.GREATER_OR_EQUAL, min, null)
                    : helper.createIntegerConstraint(OperatorType.BETWEEN, min, Long.toString(number.max()));
            String range = number.max() == null ? "from " + min : "from " + min + " to " + number.max();
            prompt = "A whole number " + range + ".";
            errorTitle = "Not a whole number " + range;
            error = "Type a whole number " + range + " (no text, no decimals).";
        }
        DataValidation validation = helper.createValidation(constraint, new CellRangeAddressList(first, last, column, column));
        validation.setEmptyCellAllowed(true);
        validation.setShowPromptBox(true);
        validation.createPromptBox(limit(title(label), MAX_TITLE), limit(prompt, MAX_PROMPT));
        validation.setShowErrorBox(true);
        validation.setErrorStyle(style);
        validation.createErrorBox(limit(title(errorTitle), MAX_TITLE), limit(error, MAX_ERROR));
        if (list) {
            // POI writes showDropDown="0" for true, and that attribute, named backwards in the file format, shows the arrow.
            validation.setSuppressDropDownArrow(true);
        }
        sheet.addValidationData(validation);
    }

    /**
     * True when the cell holds values of the list separated by commas, spaces aside, each once: each {@code ,VALUE,}
     * of {@code ,A,B,} is replaced by {@code ,}, and only {@code ,} may remain. Case matters, as it does to the engine.
     */
    static String severalOfFormula(String cell, List<String> values) {
        String text = "\",\"&SUBSTITUTE(" + cell + ",\" \",\"\")&\",\"";
        for (String value : values) {
            text = "SUBSTITUTE(" + text + ",\"," + value + ",\",\",\")";
        }
        return limit("LEN(" + text + ")=1", MAX_FORMULA);
    }

    /** The long text when it fits in an error message, else the short one. */
    private static String fitting(String text, String shorter) {
        return text.length() <= MAX_ERROR ? text : shorter;
    }

    private static String title(String text) {
        return text.length() <= MAX_TITLE ? text : text.substring(0, MAX_TITLE - 1) + "…";
    }

    private static String limit(String text, int max) {
        if (text.length() > max) {
            throw new IllegalArgumentException(text.length() + " characters, more than " + max + ": " + text);
        }
        return text;
    }
}
