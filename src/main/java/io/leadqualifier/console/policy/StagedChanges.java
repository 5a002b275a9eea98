package io.leadqualifier.console.policy;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import io.leadqualifier.policy.source.PolicyFile;

/**
 * Files a person checked and may now activate, kept between the validation report and the Activate button (a browser
 * cannot send a file it was given back). In memory, for the person who checked them, for 30 minutes; at most 100 at
 * once, the oldest dropped first. Activation checks them again, so nothing stale can serve.
 */
@ApplicationScoped
public class StagedChanges {
    private static final Duration KEPT = Duration.ofMinutes(30);
    private static final int MAX = 100;
    private static final SecureRandom RANDOM = new SecureRandom();
    private final Map<String, Staged> staged = new ConcurrentHashMap<>();
    private final Clock clock;

    StagedChanges(Clock clock) {
        this.clock = clock;
    }

    private record Staged(String user, List<PolicyFile> files, Instant until) {
    }

    /** Keeps the files for this user; the id names them in the Activate form. */
    String stage(String user, List<PolicyFile> files) {
        Instant now = clock.instant();
        staged.values().removeIf(s -> s.until().isBefore(now));
        while (staged.size() >= MAX) {
            staged.entrySet().stream().min(Map.Entry.comparingByValue((a, b) -> a.until().compareTo(b.until())))
                    .ifPresent(oldest -> staged.remove(oldest.getKey()));
        }
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        String id = HexFormat.of().formatHex(bytes);
        staged.put(id, new Staged(user, List.copyOf(files), now.plus(KEPT)));
        return id;
    }

    /** The files this user staged under this id, once: activating takes them. */
    Optional<List<PolicyFile>> take(String user, String id) {
        Staged found = id == null ? null : staged.get(id);
        if (found == null || !found.user().equals(user) || found.until().isBefore(clock.instant())) {
            return Optional.empty();
        }
        staged.remove(id);
        return Optional.of(found.files());
    }
}
