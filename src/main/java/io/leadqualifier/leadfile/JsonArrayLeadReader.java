package io.leadqualifier.leadfile;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.function.UnaryOperator;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.leadqualifier.system.ProblemMappers;

/**
 * A JSON array of request objects, read element by element from a streaming parser; an element's "line" is its
 * position in the array, from 1. JSON cannot be resynchronised after a syntax error, so malformed JSON is the last
 * line read: it gets its problem and the file ends there.
 */
final class JsonArrayLeadReader extends LookAheadLeadReader {
    private final JsonParser parser;
    private final LeadRequests requests;
    private long position;
    private boolean ended;

    JsonArrayLeadReader(InputStream in, ObjectMapper json, LeadRequests requests) {
        this.requests = requests;
        try {
            this.parser = json.createParser(in);
            if (parser.nextToken() != JsonToken.START_ARRAY) {
                throw new LeadFileException("A JSON body must be an array of requests, or NDJSON (one request per line)");
            }
        } catch (JsonParseException e) {
            throw new LeadFileException(ProblemMappers.malformedJson(e).detail(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    protected RawLine frame() {
        if (ended) {
            return null;
        }
        long element = ++position;
        try {
            JsonToken token = parser.nextToken();
            if (token == null || token == JsonToken.END_ARRAY) {
                ended = true;
                return null;
            }
            JsonNode tree = parser.readValueAsTree();
            return new RawLine(element, () -> requests.read(element, tree, null, null, UnaryOperator.identity()));
        } catch (JsonParseException e) {
            ended = true;
            return RawLine.decoded(new LeadLine.Refused(element, ProblemMappers.malformedJson(e)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            parser.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
