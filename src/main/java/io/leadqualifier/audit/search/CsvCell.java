package io.leadqualifier.audit.search;

/**
 * One CSV text cell (RFC 4180), safe to open in a spreadsheet: a value starting with {@code = + - @}, a tab or a
 * carriage return is prefixed with a quote, so Excel, LibreOffice and Sheets show it as text instead of
 * running it as a formula (OWASP "CSV injection").
 */
final class CsvCell {

    private CsvCell() {
    }

    static String of(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        char first = value.charAt(0);
        String text = first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r'
                ? "'" + value : value;
        if (text.indexOf(',') >= 0 || text.indexOf('"') >= 0 || text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0) {
            return '"' + text.replace("\"", "\"\"") + '"';
        }
        return text;
    }
}
