package io.leadqualifier.system;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import org.apache.poi.poifs.crypt.EncryptionInfo;
import org.apache.poi.poifs.crypt.EncryptionMode;
import org.apache.poi.poifs.crypt.Encryptor;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;

/** Workbooks built to attack a parser: made here, at test time, from the shipped ones. */
final class HostileWorkbooks {

    private HostileWorkbooks() {
    }

    /** A small zip whose one entry expands to 200 MiB of zeros. */
    static byte[] zipBomb() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("xl/worksheets/sheet1.xml"));
            byte[] zeros = new byte[1024 * 1024];
            for (int i = 0; i < 200; i++) {
                zip.write(zeros);
            }
            zip.closeEntry();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** The workbook with an external-entity DOCTYPE in its workbook part. */
    static byte[] withXxe(byte[] workbook) {
        return rewrite(workbook, (name, content) -> name.equals("xl/workbook.xml")
                ? ("<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>"
                        + new String(content, StandardCharsets.UTF_8).replaceFirst("<\\?xml[^>]*\\?>", "")).getBytes(StandardCharsets.UTF_8)
                : content, null);
    }

    /** The workbook with its workbook part twice (a second, different copy under the same name). */
    static byte[] withDuplicateEntry(byte[] workbook) {
        byte[] zip = rewrite(workbook, (name, content) -> content, "xl/workbook.xmX");
        String text = new String(zip, StandardCharsets.ISO_8859_1).replace("xl/workbook.xmX", "xl/workbook.xml");
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    /** The workbook encrypted with a password, as Excel's "Encrypt with password" does. */
    static byte[] passwordProtected(byte[] workbook) {
        try (POIFSFileSystem fs = new POIFSFileSystem()) {
            EncryptionInfo info = new EncryptionInfo(EncryptionMode.agile);
            Encryptor encryptor = info.getEncryptor();
            encryptor.confirmPassword("secret");
            try (OutputStream data = encryptor.getDataStream(fs)) {
                data.write(workbook);
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            fs.writeFilesystem(out);
            return out.toByteArray();
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private interface Transform {
        byte[] apply(String name, byte[] content);
    }

    private static byte[] rewrite(byte[] workbook, Transform transform, String extraCopyOfWorkbookAs) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(workbook)); ZipOutputStream zip = new ZipOutputStream(out)) {
            ZipEntry entry;
            while ((entry = in.getNextEntry()) != null) {
                byte[] content = in.readAllBytes();
                zip.putNextEntry(new ZipEntry(entry.getName()));
                zip.write(transform.apply(entry.getName(), content));
                zip.closeEntry();
                if (extraCopyOfWorkbookAs != null && entry.getName().equals("xl/workbook.xml")) {
                    zip.putNextEntry(new ZipEntry(extraCopyOfWorkbookAs));
                    zip.write(content);
                    zip.closeEntry();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
