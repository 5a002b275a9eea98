package io.leadqualifier.policy.guard;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.apache.poi.openxml4j.util.ZipSecureFile;

/**
 * Inspects a workbook as the zip it is before any spreadsheet parser opens it: bounded size, entry count and
 * expansion (a zip bomb stops being read at the limit), no duplicate entries, no external links, no XML
 * with a DOCTYPE (XXE), and a clear word for a password-protected or legacy workbook. POI's own zip-bomb
 * limits stay on, tightened.
 */
public final class WorkbookGuard {
    public static final int MAX_BYTES = 2 * 1024 * 1024;
    static final int MAX_ENTRIES = 500;
    static final long MAX_EXPANDED_BYTES = 64L * 1024 * 1024;
    private static final byte[] OLE2 = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0};

    static {
        ZipSecureFile.setMinInflateRatio(0.01);
        ZipSecureFile.setMaxEntrySize(MAX_EXPANDED_BYTES);
        ZipSecureFile.setMaxFileCount(MAX_ENTRIES);
    }

    private WorkbookGuard() {
    }

    /** The reason the workbook must not be opened, or null when it may. */
    public static String refusal(byte[] workbook) {
        if (workbook.length == 0) {
            return "the file is empty";
        }
        if (workbook.length > MAX_BYTES) {
            return "the file is " + workbook.length + " bytes; a workbook may have at most " + MAX_BYTES;
        }
        if (startsWith(workbook, OLE2)) {
            return "a password-protected or legacy (.xls) workbook: save it as an unprotected .xlsx";
        }
        if (workbook.length < 4 || workbook[0] != 'P' || workbook[1] != 'K') {
            return "not an .xlsx workbook (an .xlsx file is a zip archive)";
        }
        Set<String> names = new HashSet<>();
        long expanded = 0;
        byte[] buffer = new byte[8192];
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(workbook))) {
            ZipEntry entry;
            while ((entry = zip.getNextEntry()) != null) {
                String name = entry.getName();
                if (!names.add(name.toLowerCase(Locale.ROOT))) {
                    return "duplicate zip entry " + name + ": the workbook was tampered with";
                }
                if (names.size() > MAX_ENTRIES) {
                    return "more than " + MAX_ENTRIES + " zip entries";
                }
                if (name.toLowerCase(Locale.ROOT).contains("externallink")) {
                    return "links to external workbooks (" + name + "): a policy must be self-contained";
                }
                boolean xml = name.endsWith(".xml") || name.endsWith(".rels");
                StringBuilder head = new StringBuilder();
                int read;
                while ((read = zip.read(buffer)) > 0) {
                    expanded += read;
                    if (expanded > MAX_EXPANDED_BYTES) {
                        return "expands to more than " + MAX_EXPANDED_BYTES + " bytes (a zip bomb?)";
                    }
                    if (xml && head.length() < 4096) {
                        head.append(new String(buffer, 0, Math.min(read, 4096), StandardCharsets.ISO_8859_1));
                    }
                }
                if (xml && head.toString().toUpperCase(Locale.ROOT).contains("<!DOCTYPE")) {
                    return "XML with a DOCTYPE in " + name + " (external entities are refused)";
                }
            }
        } catch (IOException | IllegalArgumentException e) {
            return "not a readable zip archive: " + e.getMessage();
        }
        if (names.isEmpty()) {
            return "not an .xlsx workbook (no zip entries)";
        }
        return null;
    }

    private static boolean startsWith(byte[] bytes, byte[] prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (bytes[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

}
