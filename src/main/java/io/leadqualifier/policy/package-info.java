/**
 * The policy: DRL files, decision tables and data tables (roster, calendars, reasons: read with {@code handoff})
 * read from folders or uploads, guarded, compiled at runtime, checked, archived, activated; the only place that
 * builds rules. By job, each importing only those before it:
 * {@code source} (files, folders, versions, the parsed DRL) ← {@code guard} ← {@code compile} ← {@code check};
 * {@code archive} (every version and candidate stored); {@code activation} (the serving policy, changes, the
 * watcher, warm-up) uses them all; {@code candidate} (a compiled, checked policy to compare with the serving one:
 * uploads over it, or a stored version) uses {@code activation}; {@code api} is the HTTP face. This root package holds no class.
 */
package io.leadqualifier.policy;
