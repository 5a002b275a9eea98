package io.leadqualifier.policy;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The names a policy file may have: {@code rules/<name>.drl} or {@code decision-tables/<name>.xlsx}, the name
 * of letters, digits, dot, dash and underscore. Anything else (sub-paths, {@code ..}, other extensions) is
 * refused, so an upload can never write outside the policy folders.
 */
public final class PolicyPaths {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,120}");

    private PolicyPaths() {
    }

    /**
     * The policy path for an uploaded file name: a bare name goes to the folder of its extension, a name
     * with a folder must be exactly one of the two.
     */
    public static Optional<String> of(String uploadedName) {
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
        String expected = name.endsWith(".drl") ? PolicyDirectory.RULES
                : name.endsWith(".xlsx") ? PolicyDirectory.TABLES : null;
        if (expected == null || (folder != null && !folder.equals(expected))) {
            return Optional.empty();
        }
        return Optional.of(expected + "/" + name);
    }
}
