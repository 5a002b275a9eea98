package io.leadqualifier.leadfile;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
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
final class NdjsonLeadReader extends LookAheadLeadReader {
    private static final byte[] KEY_FIELD = ("\"" + LeadRequests.KEY_FIELD + "\"").getBytes(StandardCharsets.US_ASCII);

    private final InputStream in;
    private final ObjectMapper json;
    private final LeadRequests requests;
    private final int maxLineBytes;
    // Read in chunks: a byte at a time through a (synchronized) stream costs more than parsing the line.
    private final byte[] chunk = new byte[65536];
    private int position;
    private int limit;
    private byte[] buffer = new byte[8192];
    private long lineNumber;
    private boolean ended;

    NdjsonLeadReader(InputStream in, ObjectMapper json, LeadRequests requests, int maxLineBytes) {
        this.in = in;
        this.json = json;
        this.requests = requests;
        this.maxLineBytes = maxLineBytes;
    }

    @Override
    protected RawLine frame() {
        while (!ended) {
            RawLine line = readLine();
            if (line != null) {
                return line;
            }
        }
        return null;
    }

    /** The next line, copied out of the input; null for a blank line or the end. */
    private RawLine readLine() {
        try {
            int length = 0;
            boolean tooLong = false;
            boolean endOfLine = false;
            while (!endOfLine) {
                if (position == limit && !fill()) {
                    ended = true;
                    break;
                }
                int end = position;
                while (end < limit && chunk[end] != '\n') {
                    end++;
                }
                endOfLine = end < limit;
                int take = Math.min(end - position, maxLineBytes - length);
                if (take < end - position) {
                    tooLong = true; // the rest of the line is skipped without being kept
                }
                if (take > 0) {
                    if (length + take > buffer.length) {
                        int grown = Math.max(buffer.length * 2, length + take);
                        buffer = Arrays.copyOf(buffer, Math.min(maxLineBytes, grown));
                    }
                    System.arraycopy(chunk, position, buffer, length, take);
                    length += take;
                }
                position = endOfLine ? end + 1 : end;
            }
            if (ended && length == 0 && !tooLong) {
                return null;
            }
            long number = ++lineNumber;
            if (tooLong) {
                String problem = "the line is longer than " + maxLineBytes + " bytes";
                return RawLine.decoded(LeadRequests.refused(number, "(body)", problem));
            }
            if (isBlank(length)) {
                return null;
            }
            byte[] line = Arrays.copyOf(buffer, length);
            return new RawLine(number, () -> parse(number, line));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private boolean fill() throws IOException {
        int read;
        do {
            read = in.read(chunk, 0, chunk.length);
        } while (read == 0);
        position = 0;
        limit = Math.max(read, 0);
        return read > 0;
    }

    private LeadLine parse(long number, byte[] line) {
        // Most lines are one object without a key: read straight into the request, without building a tree first.
        if (startsAnObject(line) && !contains(line, KEY_FIELD)) {
            LeadLine read = requests.readObject(number, line);
            if (read != null) {
                return read;
            }
        }
        JsonNode tree;
        try {
            tree = json.readTree(line);
        } catch (JsonParseException e) {
            return new LeadLine.Refused(number, ProblemMappers.malformedJson(e));
        } catch (JsonProcessingException e) {
            return LeadRequests.refused(number, "(body)", "cannot be read");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return requests.read(number, tree, null, null, UnaryOperator.identity());
    }

    private static boolean startsAnObject(byte[] line) {
        for (byte b : line) {
            if (!Character.isWhitespace(b)) {
                return b == '{';
            }
        }
        return false;
    }

    private static boolean contains(byte[] line, byte[] part) {
        outer:
        for (int i = 0; i <= line.length - part.length; i++) {
            for (int j = 0; j < part.length; j++) {
                if (line[i + j] != part[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
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
