package io.leadqualifier.policy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.xssf.usermodel.XSSFSheet;

import io.leadqualifier.policy.compile.CompiledPolicy;
import io.leadqualifier.policy.compile.PolicyCompiler;
import io.leadqualifier.policy.source.PolicyFolders;

/**
 * A copy of the shipped policy in a temporary directory, edited the way RevOps and rule authors would:
 * a table cell found by rule name and column label, a DRL file rewritten.
 */
public final class PolicyWorkspace {
    private final Path root;

    private PolicyWorkspace(Path root) {
        this.root = root;
    }

    /** A copy of the repository's rules/ and decision-tables/ in a new temporary directory. */
    public static PolicyWorkspace copyOfDefault() {
        try {
            return copyOfDefaultAt(Files.createTempDirectory("policy-"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A fresh copy of the shipped policy at a fixed place (emptied first), for a running service to watch. */
    public static PolicyWorkspace copyOfDefaultAt(Path root) {
        try {
            if (Files.exists(root)) {
                try (Stream<Path> old = Files.walk(root)) {
                    old.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
                }
            }
            Files.createDirectories(root);
            for (String folder : new String[] {PolicyFolders.RULES, PolicyFolders.TABLES}) {
                Path target = Files.createDirectories(root.resolve(folder));
                try (Stream<Path> files = Files.list(Path.of(folder))) {
                    for (Path file : files.toList()) {
                        Files.copy(file, target.resolve(file.getFileName()));
                    }
                }
            }
            return new PolicyWorkspace(root);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The workspace at a fixed place, as it is now. */
    public static PolicyWorkspace at(Path root) {
        return new PolicyWorkspace(root.toAbsolutePath());
    }

    public Path root() {
        return root;
    }

    public PolicyFolders directory() {
        return new PolicyFolders(root);
    }

    /**
     * Sets the cell of a decision-table row (found by the rule name in its first column) under the column
     * whose label is {@code column}. A numeric value is written as a number, like RevOps would type it.
     */
    public PolicyWorkspace setCell(String table, String sheetName, String ruleName, String column, Object value) {
        return editSheet(table, sheetName, sheet -> {
            Row target = sheet.getRow(rowOf(sheet, ruleName));
            int labelColumn = cellOf(sheet, column).getColumnIndex();
            Cell cell = target.getCell(labelColumn) == null ? target.createCell(labelColumn) : target.getCell(labelColumn);
            if (value instanceof Number number) {
                cell.setCellValue(number.doubleValue());
            } else {
                cell.setCellValue(String.valueOf(value));
            }
        });
    }

    /** Inserts an empty row above the decision-table row of {@code ruleName}, as "Insert row" in a spreadsheet does. */
    public PolicyWorkspace insertBlankRowAbove(String table, String sheetName, String ruleName) {
        return editSheet(table, sheetName, sheet -> sheet.shiftRows(rowOf(sheet, ruleName), sheet.getLastRowNum(), 1));
    }

    /** Opens a sheet of a workbook of decision-tables/, lets {@code edit} change it, and saves the workbook. */
    public PolicyWorkspace editSheet(String table, String sheetName, Consumer<XSSFSheet> edit) {
        Path file = root.resolve(PolicyFolders.TABLES).resolve(table);
        try (InputStream in = Files.newInputStream(file); Workbook book = WorkbookFactory.create(in)) {
            edit.accept((XSSFSheet) book.getSheet(sheetName));
            // Serialised first, then saved in one step: POI writing straight into the file would leave it empty
            // for as long as it takes, and a watcher may well read it then.
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            book.write(out);
            return write(root.relativize(file).toString(), out.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The index of the last row of {@code sheet} holding a cell whose text is {@code text}. */
    public static int rowOf(Sheet sheet, String text) {
        return cellOf(sheet, text).getRowIndex();
    }

    private static Cell cellOf(Sheet sheet, String text) {
        Cell found = null;
        for (Row row : sheet) {
            for (Cell cell : row) {
                if (cell.getCellType() == CellType.STRING && cell.getStringCellValue().equals(text)) {
                    found = cell;
                }
            }
        }
        if (found == null) {
            throw new IllegalArgumentException("No cell '" + text + "' in sheet " + sheet.getSheetName());
        }
        return found;
    }

    public PolicyWorkspace write(String relativePath, String content) {
        return write(relativePath, content.getBytes(StandardCharsets.UTF_8));
    }

    public PolicyWorkspace write(String relativePath, byte[] content) {
        try {
            Path file = root.resolve(relativePath);
            Files.createDirectories(file.getParent());
            // As editors save: a hidden temporary file (not part of a policy) moved over the old one.
            Path temporary = file.resolveSibling("." + file.getFileName() + ".saving");
            Files.write(temporary, content);
            Files.move(temporary, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public PolicyWorkspace delete(String relativePath) {
        try {
            Files.delete(root.resolve(relativePath));
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public byte[] bytes(String relativePath) {
        try {
            return Files.readAllBytes(root.resolve(relativePath));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String read(String relativePath) {
        try {
            return Files.readString(root.resolve(relativePath));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public CompiledPolicy compile() {
        return new PolicyCompiler(4).compile(directory().read());
    }
}
