package io.leadqualifier.leadfile;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.Validator;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;

/**
 * Opens lead files as {@link LeadReader}s: CSV with a mapping, NDJSON, or a JSON array (told apart by their first
 * byte). The reader owns the stream and holds one line at a time.
 */
@ApplicationScoped
public class LeadFiles {
    /** The longest NDJSON line: the body limit of a single {@code POST /api/v1/qualify}. */
    public static final int MAX_LINE_BYTES = 4 * 1024 * 1024;

    private final ObjectMapper json;
    private final LeadRequests requests;

    /** Also usable outside CDI: give it the service's object mapper and a validator. */
    public LeadFiles(ObjectMapper json, Validator validator) {
        this.json = json;
        this.requests = new LeadRequests(json, validator);
    }

    /** NDJSON, or a JSON array when the first byte that is not white space is {@code [}. */
    public LeadReader json(InputStream in) {
        BufferedInputStream buffered = new BufferedInputStream(in, 65536);
        try {
            buffered.mark(65536);
            int b;
            do {
                b = buffered.read();
            } while (b != -1 && Character.isWhitespace(b));
            buffered.reset();
            return b == '[' ? new JsonArrayLeadReader(buffered, json, requests)
                    : new NdjsonLeadReader(buffered, json, requests, MAX_LINE_BYTES);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** NDJSON only (a leading {@code [} is then a malformed line). */
    public LeadReader ndjson(InputStream in) {
        return new NdjsonLeadReader(in, json, requests, MAX_LINE_BYTES);
    }

    /**
     * A CSV read with {@code mapping}. A {@code label.listedIn} file cannot be found without a folder: the rows then
     * have no label.
     */
    public LeadReader csv(InputStream in, LeadMapping mapping) {
        return new CsvLeadReader(in, mapping, requests, null);
    }

    /**
     * A file on disk: {@code .csv} with {@code mapping} (whose {@code label.listedIn} file is read from the same
     * folder: only its id column is kept), anything else as NDJSON or a JSON array.
     */
    public LeadReader open(Path file, LeadMapping mapping) {
        try {
            InputStream in = Files.newInputStream(file);
            if (!file.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".csv")) {
                return json(in);
            }
            if (mapping == null) {
                in.close();
                throw new LeadFileException("A CSV lead file needs a mapping");
            }
            Set<String> converted = null;
            if (mapping.label() != null && mapping.label().listedIn() != null) {
                Path listing = file.resolveSibling(mapping.label().listedIn().file());
                converted = idsIn(listing, mapping.label().listedIn().column());
            }
            return new CsvLeadReader(in, mapping, requests, converted);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Set<String> idsIn(Path listing, String column) throws IOException {
        if (!Files.exists(listing)) {
            throw new LeadFileException("The label's listedIn file is missing: " + listing);
        }
        Set<String> ids = new HashSet<>();
        try (MappingIterator<java.util.Map<String, String>> rows = new CsvMapper().readerFor(java.util.Map.class)
                .with(CsvSchema.emptySchema().withHeader())
                .readValues(new InputStreamReader(Files.newInputStream(listing), StandardCharsets.UTF_8))) {
            while (rows.hasNextValue()) {
                String id = rows.nextValue().get(column);
                if (id == null) {
                    throw new LeadFileException("The label's listedIn file " + listing.getFileName() + " has no column " + column);
                }
                ids.add(id.strip());
            }
        }
        return ids;
    }
}
