package io.leadqualifier.handoff.tables;

/**
 * A workbook to read.
 *
 * @param path    how problems name it: {@code decision-tables/sales-roster.xlsx}
 * @param content its bytes
 */
public record TableWorkbook(String path, byte[] content) {
}
