package io.leadqualifier.leadfile;

import java.util.Iterator;

/**
 * The lines of one lead file, read as they are asked for: only the current line is in memory. Closing it closes
 * the input.
 */
public interface LeadReader extends Iterator<LeadLine>, AutoCloseable {
    /** The next line without decoding it: the caller decodes it, on whichever thread it likes. */
    RawLine nextRaw();

    @Override
    void close();
}
