package io.leadqualifier.handoff.tables;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;

import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Builds a data workbook as the shipped ones are laid out: in each sheet, {@code Notes} and a text in plain words on
 * row 1, the column labels on row 3 (from column B, bold on blue), one row per entry below.
 */
public final class DataWorkbook {
    private final XSSFWorkbook book = new XSSFWorkbook();
    private final CellStyle label;
    private final CellStyle notes;
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
        Font italic = book.createFont();
        italic.setItalic(true);
        notes.setFont(italic);
        date = book.createCellStyle();
        date.setDataFormat(book.getCreationHelper().createDataFormat().getFormat("yyyy-mm-dd"));
    }

    public static DataWorkbook create() {
        return new DataWorkbook();
    }

    /** A sheet with its notes and its column labels; add rows to what this returns. */
    public Rows sheet(String name, String notesText, String... labels) {
        Sheet sheet = book.createSheet(name);
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
        Row header = sheet.createRow(2);
        for (int i = 0; i < labels.length; i++) {
            Cell cell = header.createCell(i + 1);
            cell.setCellValue(labels[i]);
            cell.setCellStyle(label);
            sheet.setColumnWidth(i + 1, Math.min(40, Math.max(12, labels[i].length() + 4)) * 256);
        }
        sheet.createFreezePane(0, 3);
        return new Rows(sheet);
    }

    public byte[] bytes() {
        try (book; ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            book.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Rows of a sheet: numbers as numbers, dates as date cells, null as no cell, anything else as text. */
    public final class Rows {
        private final Sheet sheet;

        private Rows(Sheet sheet) {
            this.sheet = sheet;
        }

        public Rows row(Object... values) {
            Row row = sheet.createRow(sheet.getLastRowNum() + 1);
            for (int i = 0; i < values.length; i++) {
                Object value = values[i];
                if (value == null) {
                    continue;
                }
                Cell cell = row.createCell(i + 1);
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

        /** Another sheet of the same workbook. */
        public Rows sheet(String name, String notesText, String... labels) {
            return DataWorkbook.this.sheet(name, notesText, labels);
        }

        public byte[] bytes() {
            return DataWorkbook.this.bytes();
        }
    }
}
