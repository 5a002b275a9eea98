package io.leadqualifier.policy;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Writes a policy into the policy folders, each file to a temporary name then moved into place in one
 * step, so the watcher and a restart never read half a file, and the folders always hold what serves.
 */
final class PolicyFolders {

    private PolicyFolders() {
    }

    /** Writes the files; with {@code replaceAll}, removes the policy files that are not among them (a rollback). */
    static void write(PolicyDirectory directory, List<PolicyFile> files, boolean replaceAll) throws IOException {
        Path root = directory.root();
        for (PolicyFile file : files) {
            Path target = root.resolve(PolicyPaths.of(file.path())
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
            for (PolicyFile existing : directory.read()) {
                if (!keep.contains(existing.path())) {
                    Files.deleteIfExists(root.resolve(existing.path()));
                }
            }
        }
    }
}
