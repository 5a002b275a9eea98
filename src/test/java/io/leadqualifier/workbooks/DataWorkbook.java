package io.leadqualifier.workbooks;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
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
 * Builds a data workbook as the shipped ones are laid out: in each sheet, {@code Notes} and a text in plain words on
 * row 1, the column labels on row 3 (from column B, bold on blue), one row per entry below. Written, each sheet is
 * guided ({@link GuidedSheet}): protected but for its entries, a drop-down or a check on the columns given one
 * ({@link Rows#allow}), labels frozen, one page wide when printed.
 */
public final class DataWorkbook {
    /** Where the labels are, 0-based. */
    static final int HEADER_ROW = 2;

    private final XSSFWorkbook book = new XSSFWorkbook();
    private final List<Rows> sheets = new ArrayList<>();
    private final CellStyle label;
    private final CellStyle notes;
    private final CellStyle entry;
    private final CellStyle date;

    private DataWorkbook() {
        Font bold = book.createFont();
        bold.setBold(true);
        label = book.createCellStyle();
        label.setFont(bold);
        label.setFillForegroundColor(IndexedColors.PALE_BLUE.getIndex());
        label.setFillPattern(FillPatternType.SOLID_FOREGROUND);
        label.setBorderBottom(BorderStyle.THIN);
        notes = book.createCellStyle();
        notes.setWrapText(true);
        notes.setVerticalAlignment(VerticalAlignment.TOP);
        Font italic = book.createFont();
        italic.setItalic(true);
        notes.setFont(italic);
        entry = book.createCellStyle();
        entry.setLocked(false);
        date = book.createCellStyle();
        date.setLocked(false);
        date.setDataFormat(book.getCreationHelper().createDataFormat().getFormat("yyyy-mm-dd"));
    }

    public static DataWorkbook create() {
        return new DataWorkbook();
    }

    /** A sheet with its notes and its column labels; add rows to what this returns. */
    public Rows sheet(String name, String notesText, String... labels) {
        XSSFSheet sheet = book.createSheet(name);
        sheet.setColumnWidth(0, 2 * 256);
        Row notesRow = sheet.createRow(0);
        notesRow.createCell(1).setCellValue("Notes");
        Cell text = notesRow.createCell(2);
        text.setCellValue(notesText);
        text.setCellStyle(notes);
        if (labels.length > 2) {
            sheet.addMergedRegion(new CellRangeAddress(0, 0, 2, labels.length));
        }
        notesRow.setHeightInPoints(15 * Math.max(2, notesText.length() / (12 * Math.max(2, labels.length - 1)) + 1));
        Row header = sheet.createRow(HEADER_ROW);
        for (int i = 0; i < labels.length; i++) {
            Cell cell = header.createCell(i + 1);
            cell.setCellValue(labels[i]);
            cell.setCellStyle(label);
            sheet.setColumnWidth(i + 1, Math.min(40, Math.max(12, labels[i].length() + 4)) * 256);
        }
        Rows rows = new Rows(sheet, List.of(labels));
        sheets.add(rows);
        return rows;
    }

    public byte[] bytes() {
        for (Rows rows : sheets) {
            rows.guide.finish(entry);
        }
        book.lockStructure();
        try (book; ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            book.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Rows of a sheet: numbers as numbers, dates as date cells, null as no cell, anything else as text. */
    public final class Rows {
        private final XSSFSheet sheet;
        private final List<String> labels;
        private final GuidedSheet guide;

        private Rows(XSSFSheet sheet, List<String> labels) {
            this.sheet = sheet;
            this.labels = labels;
            this.guide = new GuidedSheet(sheet, HEADER_ROW, 1);
        }

        public Rows row(Object... values) {
            Row row = sheet.createRow(sheet.getLastRowNum() + 1);
            for (int i = 0; i < values.length; i++) {
                Object value = values[i];
                if (value == null) {
                    continue;
                }
                Cell cell = row.createCell(i + 1);
                cell.setCellStyle(entry);
                if (value instanceof Number number) {
                    cell.setCellValue(number.doubleValue());
                } else if (value instanceof LocalDate day) {
                    cell.setCellValue(day);
                    cell.setCellStyle(date);
                } else {
                    cell.setCellValue(String.valueOf(value));
                }
                int width = Math.min(40, String.valueOf(value).length() + 4) * 256;
                if (sheet.getColumnWidth(i + 1) < width) {
                    sheet.setColumnWidth(i + 1, width);
                }
            }
            return this;
        }

        /** What the column labelled {@code label} accepts, shown as a drop-down list or checked as typed. */
        public Rows allow(String label, Allowed what) {
            int index = labels.indexOf(label);
            if (index < 0) {
                throw new IllegalArgumentException("no column " + label + " in sheet " + sheet.getSheetName());
            }
            guide.allow(index + 1, label, what);
            return this;
        }

        /** Another sheet of the same workbook. */
        public Rows sheet(String name, String notesText, String... labels) {
            return DataWorkbook.this.sheet(name, notesText, labels);
        }

        public byte[] bytes() {
            return DataWorkbook.this.bytes();
        }
    }
}
