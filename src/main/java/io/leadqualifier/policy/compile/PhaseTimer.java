package io.leadqualifier.policy.compile;

import java.util.StringJoiner;

/** Times the phases of one piece of work, for a DEBUG line that shows where a reload spends its time. */
public final class PhaseTimer {
    private final StringJoiner phases = new StringJoiner(", ");
    private final long start = System.nanoTime();
    private long phaseStart = start;

    /** Ends the phase running since the last lap (or the start) under this name. */
    public void lap(String phase) {
        long now = System.nanoTime();
        phases.add(phase + " " + (now - phaseStart) / 1_000_000 + " ms");
        phaseStart = now;
    }

    /** A bean's class name as written, without the proxy suffix CDI adds. */
    public static String nameOf(Object bean) {
        return bean.getClass().getSimpleName().replace("_ClientProxy", "");
    }

    @Override
    public String toString() {
        return (System.nanoTime() - start) / 1_000_000 + " ms (" + phases + ")";
    }
}
