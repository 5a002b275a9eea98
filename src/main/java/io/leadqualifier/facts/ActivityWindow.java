package io.leadqualifier.facts;

import java.time.Instant;

/**
 * How many activities of a type fall inside a window.
 *
 * @param days    the window length; null means unbounded
 * @param count   activities inside the window
 * @param latest  the newest activity inside the window, null when none
 * @param outside activities of the type that are older than the window or after asOf
 */
public record ActivityWindow(String type, Integer days, int count, Instant latest, int outside) {
}
