package io.leadqualifier.leadfile;

import java.util.NoSuchElementException;

/** The iteration every lead file shares: one line framed ahead, decoded when it is asked for. */
abstract class LookAheadLeadReader implements LeadReader {
    private RawLine next;
    private boolean exhausted;

    /** The next line, read but not decoded; null at the end of the input. */
    protected abstract RawLine frame();

    @Override
    public final boolean hasNext() {
        if (next == null && !exhausted) {
            next = frame();
            exhausted = next == null;
        }
        return next != null;
    }

    @Override
    public final RawLine nextRaw() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        RawLine line = next;
        next = null;
        return line;
    }

    @Override
    public final LeadLine next() {
        return nextRaw().decode();
    }
}
