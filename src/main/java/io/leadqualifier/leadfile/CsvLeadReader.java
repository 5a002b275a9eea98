package io.leadqualifier.leadfile;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;

import io.leadqualifier.system.Problem;

/**
 * A CSV with a header, each row mapped to a request by a {@link LeadMapping}. A row's line is its record number with
 * the header as line 1 (the file's line number unless a quoted cell spans lines). A field error names the column it
 * came from.
 */
final class CsvLeadReader extends LookAheadLeadReader {
    private static final CsvMapper CSV = CsvMapper.builder().enable(CsvParser.Feature.WRAP_AS_ARRAY).build();
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd[ ]['T']HH:mm[:ss]");
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final MappingIterator<String[]> rows;
    private final LeadMapping mapping;
    private final LeadRequests requests;
    private final Set<String> convertedIds;
    private final Map<String, Integer> index = new HashMap<>();
    private final Map<String, String> columnOfField = new HashMap<>();
    private long record = 1;

    /** @param convertedIds the ids of a {@code label.listedIn} file, or null when the label does not use one */
    CsvLeadReader(InputStream in, LeadMapping mapping, LeadRequests requests, Set<String> convertedIds) {
        this.mapping = mapping;
        this.requests = requests;
        this.convertedIds = convertedIds;
        try {
            this.rows = CSV.readerFor(String[].class).readValues(new InputStreamReader(in, StandardCharsets.UTF_8));
            if (!rows.hasNextValue()) {
                throw new LeadFileException("The CSV is empty: a header row is expected");
            }
            String[] header = rows.nextValue();
            for (int i = 0; i < header.length; i++) {
                // A spreadsheet often starts the file with a byte order mark.
                index.putIfAbsent(i == 0 ? header[i].replace("\uFEFF", "").strip() : header[i].strip(), i);
            }
        } catch (IOException e) {
            throw new LeadFileException("The CSV cannot be read: " + e.getMessage(), e);
        }
        Set<String> missing = new TreeSet<>(mapping.columnsRead());
        missing.removeAll(index.keySet());
        if (!missing.isEmpty()) {
            throw new LeadFileException("The CSV header lacks the column(s) the mapping '" + mapping.name() + "' reads: "
                    + String.join(", ", missing));
        }
        mapping.columns().stream().filter(column -> column.field() != null)
                .forEach(column -> columnOfField.put(column.field(), column.name()));
    }

    @Override
    protected RawLine frame() {
        String[] row;
        try {
            if (!rows.hasNextValue()) {
                return null;
            }
            row = rows.nextValue();
        } catch (IOException e) {
            throw new LeadFileException("The CSV cannot be read after line " + record + ": " + e.getMessage(), e);
        }
        long line = ++record;
        return new RawLine(line, () -> map(line, row));
    }

    private LeadLine map(long line, String[] row) {
        ObjectNode request = mapping.defaults().deepCopy();
        String id = cell(row, mapping.leadId().column());
        request.put("leadId", id.isBlank() ? null : mapping.leadId().prefix() + id.strip());
        String asOf;
        try {
            asOf = asOf(row).toString();
        } catch (DateTimeParseException e) {
            return LeadRequests.refused(line, "asOf", "column '" + mapping.asOf().column() + "': '" + e.getParsedString()
                    + "' is not a date or an instant");
        }
        request.put("asOf", asOf);
        ArrayNode activities = request.putArray("activities");
        for (LeadMapping.Column column : mapping.columns()) {
            JsonNode value = column.translate(cell(row, column.name()));
            if (value == null) {
                continue;
            }
            if (column.field() != null) {
                String[] path = column.field().split("\\.");
                request.withObjectProperty(path[0]).set(path[1], value);
            } else if (column.activity() == LeadMapping.Activity.TYPE) {
                activities.add(activity(value.asText(), asOf));
            } else {
                Integer count = count(value);
                if (count == null) {
                    return LeadRequests.refused(line, "activities", "column '" + column.name() + "': '" + value.asText()
                            + "' is not a number of activities");
                }
                for (int i = 0; i < Math.min(count, column.max()); i++) {
                    activities.add(activity(column.type(), asOf));
                }
            }
        }
        mapping.activities().forEach(type -> activities.add(activity(type, asOf)));
        String key = mapping.idempotencyKey() == null ? null : blankToNull(mapping.idempotencyKey().prefix(),
                cell(row, mapping.idempotencyKey().column()));
        return requests.read(line, request, key, converted(row), error -> explain(error, row));
    }

    private Instant asOf(String[] row) {
        LeadMapping.AsOf asOf = mapping.asOf();
        if (asOf.fixed() != null) {
            return asOf.fixed();
        }
        String text = cell(row, asOf.column()).strip();
        if (text.length() == 10) {
            return LocalDate.parse(text).atStartOfDay(asOf.zone()).toInstant();
        }
        if (text.endsWith("Z") || text.matches(".*[+-]\\d\\d:?\\d\\d$")) {
            return java.time.OffsetDateTime.parse(text).toInstant();
        }
        return LocalDateTime.parse(text, DATE_TIME).atZone(asOf.zone()).toInstant();
    }

    private Boolean converted(String[] row) {
        LeadMapping.Label label = mapping.label();
        if (label == null) {
            return null;
        }
        String value = cell(row, label.column()).strip();
        if (label.listedIn() != null) {
            return convertedIds == null ? null : convertedIds.contains(value);
        }
        return label.converted().contains(value);
    }

    private Problem.FieldError explain(Problem.FieldError error, String[] row) {
        String field = error.field().replaceFirst("\\[.*", "");
        String column = columnOfField.get(field);
        if (column == null && field.equals("leadId")) {
            column = mapping.leadId().column();
        }
        return column == null ? error
                : new Problem.FieldError(error.field(), error.message() + " (column '" + column + "': '" + cell(row, column) + "')");
    }

    private String cell(String[] row, String column) {
        int at = index.get(column);
        return at < row.length ? row[at] : "";
    }

    private static ObjectNode activity(String type, String at) {
        return NODES.objectNode().put("type", type).put("at", at);
    }

    private static Integer count(JsonNode value) {
        try {
            double number = value.isNumber() ? value.asDouble() : Double.parseDouble(value.asText().strip());
            return number < 0 || Double.isNaN(number) ? null : (int) Math.min(number, Integer.MAX_VALUE);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String blankToNull(String prefix, String value) {
        return value.isBlank() ? null : prefix + value.strip();
    }

    @Override
    public void close() {
        try {
            rows.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
