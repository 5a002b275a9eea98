package io.leadqualifier.leadfile;

import java.util.function.Supplier;

/**
 * A line read off a lead file but not decoded yet. Reading a file is sequential; decoding a line (parsing, mapping,
 * validation) is most of the work and is not, so a batch decodes its lines on its workers.
 *
 * @param line    counts from 1, as {@link LeadLine#line()}
 * @param decoder gives the line's lead or problem; safe to call from any thread, once
 */
public record RawLine(long line, Supplier<LeadLine> decoder) {

    public LeadLine decode() {
        return decoder.get();
    }

    static RawLine decoded(LeadLine line) {
        return new RawLine(line.line(), () -> line);
    }
}
