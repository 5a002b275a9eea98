package io.leadqualifier.policy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Reads the policy files under a directory: every {@code *.drl} below {@code rules/} and every
 * {@code *.xlsx} below {@code decision-tables/}. Editor leftovers (Excel's {@code ~$} lock files, hidden
 * and temporary files) are not part of a policy.
 */
public final class PolicyDirectory {
    public static final String RULES = "rules";
    public static final String TABLES = "decision-tables";

    private final Path root;

    public PolicyDirectory(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    public Path root() {
        return root;
    }

    public List<PolicyFile> read() {
        List<PolicyFile> files = new ArrayList<>();
        collect(root.resolve(RULES), ".drl", files);
        collect(root.resolve(TABLES), ".xlsx", files);
        return files;
    }

    private void collect(Path folder, String extension, List<PolicyFile> into) {
        if (!Files.isDirectory(folder)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.filter(Files::isRegularFile).sorted().toList()) {
                if (isPolicyFile(path.getFileName().toString(), extension)) {
                    into.add(new PolicyFile(relative(path), Files.readAllBytes(path)));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the policy under " + folder, e);
        }
    }

    static boolean isPolicyFile(String name, String extension) {
        return name.endsWith(extension) && !name.startsWith(".") && !name.startsWith("~") && !name.startsWith("#");
    }

    private String relative(Path path) {
        return root.relativize(path).toString().replace('\\', '/');
    }
}
