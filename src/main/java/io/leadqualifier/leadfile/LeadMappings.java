package io.leadqualifier.leadfile;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The mappings that ship with the service, by name: {@code x-education} (X Education's {@code Leads.csv}) and
 * {@code olist} (Olist's marketing-qualified leads), read from {@code lead-mappings/<name>.yaml} on the class path.
 */
public final class LeadMappings {
    /** The names of the shipped mappings. */
    public static final List<String> BUILT_IN = List.of("x-education", "olist");
    private static final Map<String, LeadMapping> LOADED = load();

    private LeadMappings() {
    }

    /** The shipped mapping of that name, if there is one. */
    public static Optional<LeadMapping> named(String name) {
        return Optional.ofNullable(LOADED.get(name));
    }

    private static Map<String, LeadMapping> load() {
        Map<String, LeadMapping> loaded = new TreeMap<>();
        for (String name : BUILT_IN) {
            try (InputStream yaml = LeadMappings.class.getResourceAsStream("/lead-mappings/" + name + ".yaml")) {
                if (yaml == null) {
                    throw new IllegalStateException("lead-mappings/" + name + ".yaml is not on the class path");
                }
                loaded.put(name, LeadMapping.read(yaml));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return Map.copyOf(loaded);
    }
}
