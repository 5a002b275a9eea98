package io.leadqualifier.workbooks;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Builds a decision table laid out as the shipped ones, one table per sheet: the RuleSet header (package, import, the
 * {@code outcome} global) on rows 1–3, {@code Notes} and a text in plain words on row 4, properties ({@code Sequential})
 * from row 5, then the RuleTable: its NAME/CONDITION/ACTION row, the object types, the templates, the column labels (bold
 * on blue) and one row per rule, its name in column B.
 * <p>
 * Guided, as shipped, every row above the labels but the notes is hidden and locked and {@link GuidedSheet} does the
 * rest (protection, drop-downs, frozen labels, printing). Plain, the same cells and nothing else: what the engine reads
 * of both must be the same, and a test compares them.
 */
public final class RuleWorkbook {
    static final String PACKAGE = "leadqualifier.policy";
    static final String IMPORT = "io.leadqualifier.facts.*";
    static final String OUTCOME = "io.leadqualifier.facts.Outcome outcome";

    private final boolean guided;
    private final XSSFWorkbook book = new XSSFWorkbook();
    private final List<Table> tables = new ArrayList<>();
    private final CellStyle technical;
    private final CellStyle title;
    private final CellStyle notesLabel;
    private final CellStyle notes;
    private final CellStyle label;
    private final CellStyle entry;

    /** A column of the table: its template, its label, its width in characters, and what it accepts (null: anything). */
    public record Column(String code, String label, int width, Allowed allowed) {
    }

    /** Conditions on one object type (a merged cell over its columns when there are several), or an action (no type). */
    private record Group(String objectType, List<Column> columns, boolean action) {
    }

    private RuleWorkbook(boolean guided) {
        this.guided = guided;
        Font grey = book.createFont();
        grey.setItalic(true);
        grey.setColor(IndexedColors.GREY_50_PERCENT.getIndex());
        technical = book.createCellStyle();
        technical.setFont(grey);
        Font bold = book.createFont();
        bold.setBold(true);
        title = book.createCellStyle();
        title.setFont(bold);
        notesLabel = book.createCellStyle();
        notesLabel.setFont(bold);
        notesLabel.setVerticalAlignment(VerticalAlignment.TOP);
        Font italic = book.createFont();
        italic.setItalic(true);
        notes = book.createCellStyle();
        notes.setFont(italic);
        notes.setWrapText(true);
        notes.setVerticalAlignment(VerticalAlignment.TOP);
        label = book.createCellStyle();
        label.setFont(bold);
        label.setFillForegroundColor(IndexedColors.LIGHT_CORNFLOWER_BLUE.getIndex());
        label.setFillPattern(FillPatternType.SOLID_FOREGROUND);
        label.setBorderBottom(BorderStyle.THIN);
        label.setWrapText(true);
        label.setVerticalAlignment(VerticalAlignment.CENTER);
        entry = book.createCellStyle();
        entry.setLocked(false);
    }

    /** @param guided true for the shipped form; false for the same cells alone */
    public static RuleWorkbook create(boolean guided) {
        return new RuleWorkbook(guided);
    }

    public static Column column(String code, String label, int width, Allowed allowed) {
        return new Column(code, label, width, allowed);
    }

    /**
     * A sheet holding one table.
     *
     * @param nameWidth the width of the rule names' column, in characters
     * @param notesText what the table is for and how to edit it, in plain words
     */
    public Table sheet(String name, int nameWidth, String notesText) {
        Table table = new Table(name, nameWidth, notesText);
        tables.add(table);
        return table;
    }

    public byte[] bytes() {
        tables.forEach(this::render);
        if (guided) {
            book.lockStructure();
        }
        try (book; ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            book.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One sheet's table, rendered when the workbook is written. */
    public final class Table {
        private final String name;
        private final int nameWidth;
        private final String notesText;
        private final List<String[]> properties = new ArrayList<>();
        private final List<Group> groups = new ArrayList<>();
        private final List<Object[]> rows = new ArrayList<>();
        private String tableTitle;

        private Table(String name, int nameWidth, String notesText) {
            this.name = name;
            this.nameWidth = nameWidth;
            this.notesText = notesText;
            this.tableTitle = name;
        }

        /** A RuleSet property under the notes, such as {@code Sequential true}. */
        public Table property(String key, String value) {
            properties.add(new String[] {key, value});
            return this;
        }

        /** The words after {@code RuleTable} (the sheet's name by default). */
        public Table title(String words) {
            tableTitle = words;
            return this;
        }

        /** Conditions on one object type: several columns share one merged cell of it. */
        public Table when(String objectType, Column... columns) {
            groups.add(new Group(objectType, List.of(columns), false));
            return this;
        }

        public Table then(Column column) {
            groups.add(new Group(null, List.of(column), true));
            return this;
        }

        /** A rule: its name, then one value per column (a number as a number, null for an empty cell). */
        public Table row(Object... values) {
            rows.add(values);
            return this;
        }

        public Table sheet(String sheetName, int width, String text) {
            return RuleWorkbook.this.sheet(sheetName, width, text);
        }

        public byte[] bytes() {
            return RuleWorkbook.this.bytes();
        }
    }

    private void render(Table table) {
        XSSFSheet sheet = book.createSheet(table.name);
        List<Column> columns = table.groups.stream().flatMap(group -> group.columns().stream()).toList();
        int tableRow = 4 + Math.max(1, table.properties.size());
        int labelRow = tableRow + 4;
        pair(sheet, 0, "RuleSet", PACKAGE);
        pair(sheet, 1, "Import", IMPORT);
        pair(sheet, 2, "Variables", OUTCOME);
        notes(sheet, 3, table.notesText, columns);
        for (int i = 0; i < table.properties.size(); i++) {
            pair(sheet, 4 + i, table.properties.get(i)[0], table.properties.get(i)[1]);
        }
        cell(sheet.createRow(tableRow), 1, "RuleTable " + table.tableTitle, title);
        Row kinds = sheet.createRow(tableRow + 1);
        Row types = sheet.createRow(tableRow + 2);
        Row codes = sheet.createRow(tableRow + 3);
        Row labels = sheet.createRow(labelRow);
        cell(kinds, 1, "NAME", technical);
        cell(labels, 1, "Rule", label);
        int column = 2;
        for (Group group : table.groups) {
            if (!group.action()) {
                cell(types, column, group.objectType(), technical);
                if (group.columns().size() > 1) {
                    // The engine reads a merged cell through the cells under it: they must exist, blank.
                    for (int c = column + 1; c < column + group.columns().size(); c++) {
                        cell(types, c, null, technical);
                    }
                    sheet.addMergedRegion(new CellRangeAddress(tableRow + 2, tableRow + 2, column, column + group.columns().size() - 1));
                }
            }
            for (Column each : group.columns()) {
                cell(kinds, column, group.action() ? "ACTION" : "CONDITION", technical);
                cell(codes, column, each.code(), technical);
                cell(labels, column, each.label(), label);
                sheet.setColumnWidth(column, each.width() * 256);
                column++;
            }
        }
        for (int r = 0; r < table.rows.size(); r++) {
            Row row = sheet.createRow(labelRow + 1 + r);
            Object[] values = table.rows.get(r);
            for (int c = 0; c < values.length; c++) {
                if (values[c] instanceof Number number) {
                    cell(row, c + 1, null, entry).setCellValue(number.doubleValue());
                } else if (values[c] != null) {
                    cell(row, c + 1, values[c].toString(), entry);
                }
            }
        }
        sheet.setColumnWidth(0, 2 * 256);
        sheet.setColumnWidth(1, table.nameWidth * 256);
        if (!guided) {
            return;
        }
        labels.setHeightInPoints(30);
        GuidedSheet guide = new GuidedSheet(sheet, labelRow, 1);
        for (int r = 0; r < labelRow; r++) {
            if (r != 3) {
                guide.hide(r);
            }
        }
        for (int i = 0; i < columns.size(); i++) {
            guide.allow(i + 2, columns.get(i).label(), columns.get(i).allowed());
        }
        guide.finish(entry);
    }

    private void pair(XSSFSheet sheet, int row, String key, String value) {
        Row cells = sheet.createRow(row);
        cell(cells, 1, key, technical);
        cell(cells, 2, value, technical);
    }

    /** The notes row: in view, merged over the table's columns and as high as its text needs when guided. */
    private void notes(XSSFSheet sheet, int row, String text, List<Column> columns) {
        Row cells = sheet.createRow(row);
        cell(cells, 1, "Notes", guided ? notesLabel : technical);
        cell(cells, 2, text, notes);
        if (guided && columns.size() > 1) {
            sheet.addMergedRegion(new CellRangeAddress(row, row, 2, columns.size() + 1));
            int width = columns.stream().mapToInt(Column::width).sum();
            cells.setHeightInPoints(15 * Math.max(2, (int) Math.ceil(text.length() / (width * 1.1))));
        }
    }

    private static Cell cell(Row row, int column, String value, CellStyle style) {
        Cell cell = row.createCell(column);
        if (value != null) {
            cell.setCellValue(value);
        }
        cell.setCellStyle(style);
        return cell;
    }
}
