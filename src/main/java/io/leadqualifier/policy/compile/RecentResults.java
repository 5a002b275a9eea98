package io.leadqualifier.policy.compile;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * Results of work that depends only on its input, kept for the inputs seen last: consecutive candidates
 * mostly share their files, so a file that did not change is not worked on again. Forgets the least
 * recently used entry beyond its capacity; safe to share between threads (two threads may compute the same
 * entry once each, which is harmless for work that depends only on its input).
 */
public final class RecentResults<K, V> {
    private final Map<K, V> entries;

    public RecentResults(int capacity) {
        this.entries = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
                return size() > capacity;
            }
        };
    }

    public V computeIfAbsent(K key, Function<K, V> work) {
        synchronized (entries) {
            V known = entries.get(key);
            if (known != null) {
                return known;
            }
        }
        V computed = work.apply(key);
        synchronized (entries) {
            entries.put(key, computed);
        }
        return computed;
    }
}
