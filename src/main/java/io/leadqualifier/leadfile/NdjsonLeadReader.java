package io.leadqualifier.leadfile;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.NoSuchElementException;
import java.util.function.UnaryOperator;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.leadqualifier.system.ProblemMappers;

/**
 * NDJSON: one request object per line, optionally with an {@code idempotencyKey} field. Blank lines are skipped; a
 * line longer than the limit is refused without being held, and the next line is read as usual.
 */
final class NdjsonLeadReader implements LeadReader {
    private final InputStream in;
    private final ObjectMapper json;
    private final LeadRequests requests;
    private final int maxLineBytes;
    private byte[] buffer = new byte[8192];
    private long lineNumber;
    private boolean ended;
    private LeadLine next;

    NdjsonLeadReader(InputStream in, ObjectMapper json, LeadRequests requests, int maxLineBytes) {
        this.in = in.markSupported() ? in : new java.io.BufferedInputStream(in, 65536);
        this.json = json;
        this.requests = requests;
        this.maxLineBytes = maxLineBytes;
    }

    @Override
    public boolean hasNext() {
        while (next == null && !ended) {
            next = readLine();
        }
        return next != null;
    }

    @Override
    public LeadLine next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        LeadLine line = next;
        next = null;
        return line;
    }

    /** The next line's lead or problem; null for a blank line or the end. */
    private LeadLine readLine() {
        try {
            int length = 0;
            boolean tooLong = false;
            int b;
            while ((b = in.read()) != -1 && b != '\n') {
                if (length == maxLineBytes) {
                    tooLong = true;
                    continue; // skip the rest of the line without keeping it
                }
                if (length == buffer.length) {
                    buffer = Arrays.copyOf(buffer, Math.min(maxLineBytes, buffer.length * 2));
                }
                buffer[length++] = (byte) b;
            }
            if (b == -1) {
                ended = true;
                if (length == 0 && !tooLong) {
                    return null;
                }
            }
            lineNumber++;
            if (tooLong) {
                return LeadRequests.refused(lineNumber, "(body)", "the line is longer than " + maxLineBytes + " bytes");
            }
            if (isBlank(length)) {
                return null;
            }
            return parse(length);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private LeadLine parse(int length) {
        JsonNode tree;
        try {
            tree = json.readTree(buffer, 0, length);
        } catch (JsonParseException e) {
            return new LeadLine.Refused(lineNumber, ProblemMappers.malformedJson(e));
        } catch (JsonProcessingException e) {
            return LeadRequests.refused(lineNumber, "(body)", "cannot be read");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return requests.read(lineNumber, tree, null, null, UnaryOperator.identity());
    }

    private boolean isBlank(int length) {
        for (int i = 0; i < length; i++) {
            if (!Character.isWhitespace(buffer[i])) {
                return false;
            }
        }
        return true;
    }

    @Override
    public void close() {
        try {
            in.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
