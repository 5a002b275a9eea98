/** Finding decisions: search with filters and paging, a lead's history, and the streamed CSV/JSONL export. Imports {@code audit.trail}, {@code decision}, {@code facts}. */
package io.leadqualifier.audit.search;
