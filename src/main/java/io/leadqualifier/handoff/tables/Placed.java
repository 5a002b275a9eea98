package io.leadqualifier.handoff.tables;

/** A value read from a row, with that row, so that a later check (a duplicate across files) can name it. */
record Placed<T>(T value, DataRow row) {
}
