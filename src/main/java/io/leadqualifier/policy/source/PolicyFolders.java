package io.leadqualifier.policy.source;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;


/**
 * The policy folders under a root: every {@code *.drl} below {@code rules/} and every {@code *.xlsx} below
 * {@code decision-tables/}. Reads them (editor leftovers such as Excel's {@code ~$} lock files, hidden and
 * temporary files are not part of a policy), names what may go in them ({@link #pathFor}), and writes into
 * them, each file under a temporary name moved into place in one step, so the watcher and a restart never
 * read half a file.
 */
public final class PolicyFolders {
    public static final String RULES = "rules";
    public static final String TABLES = "decision-tables";
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,120}");

    private final Path root;

    public PolicyFolders(Path root) {
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

    /**
     * The policy path for an uploaded file name: {@code rules/<name>.drl} or {@code decision-tables/<name>.xlsx},
     * the name of letters, digits, dot, dash and underscore. A bare name goes to the folder of its extension; a
     * name with a folder must name exactly one of the two. Anything else (sub-paths, {@code ..}, other
     * extensions) is refused, so an upload can never write outside the policy folders.
     */
    public static Optional<String> pathFor(String uploadedName) {
        if (uploadedName == null) {
            return Optional.empty();
        }
        String name = uploadedName.replace('\\', '/');
        String folder = null;
        int slash = name.lastIndexOf('/');
        if (slash >= 0) {
            folder = name.substring(0, slash);
            name = name.substring(slash + 1);
        }
        if (!NAME.matcher(name).matches() || name.contains("..")) {
            return Optional.empty();
        }
        String expected = name.endsWith(".drl") ? RULES : name.endsWith(".xlsx") ? TABLES : null;
        if (expected == null || (folder != null && !folder.equals(expected))) {
            return Optional.empty();
        }
        return Optional.of(expected + "/" + name);
    }

    /** Whether a file name in a policy folder is part of the policy (not an editor's leftover). */
    public static boolean isPolicyFile(String name, String extension) {
        return name.endsWith(extension) && !name.startsWith(".") && !name.startsWith("~") && !name.startsWith("#");
    }

    /** Writes the files; with {@code replaceAll}, removes the policy files that are not among them (a rollback). */
    public void write(List<PolicyFile> files, boolean replaceAll) throws IOException {
        for (PolicyFile file : files) {
            Path target = root.resolve(pathFor(file.path())
                    .orElseThrow(() -> new IOException("not a policy file name: " + file.path()))).normalize();
            if (!target.startsWith(root)) {
                throw new IOException("outside the policy folders: " + file.path());
            }
            Files.createDirectories(target.getParent());
            Path temporary = target.resolveSibling("." + target.getFileName() + ".upload");
            Files.write(temporary, file.content());
            try {
                Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
            }
        }
        if (replaceAll) {
            Set<String> keep = files.stream().map(PolicyFile::path).collect(Collectors.toSet());
            for (PolicyFile existing : read()) {
                if (!keep.contains(existing.path())) {
                    Files.deleteIfExists(root.resolve(existing.path()));
                }
            }
        }
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

    private String relative(Path path) {
        return root.relativize(path).toString().replace('\\', '/');
    }
}
