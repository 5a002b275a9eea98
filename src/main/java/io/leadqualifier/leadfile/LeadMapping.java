package io.leadqualifier.leadfile;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import io.leadqualifier.decision.QualifyRequest;

/**
 * How the rows of a CSV become qualify requests: which column fills which request field, how its values translate to
 * our vocabulary, the defaults for what the file lacks, where the lead id, asOf and the known outcome come from.
 * Read from YAML (see the shipped {@code lead-mappings/*.yaml}); every key is checked when it is read, so a typo
 * fails at once instead of leaving a field silently empty.
 */
public final class LeadMapping {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    /** A column of the file with an optional prefix: {@code leadId: {column: Prospect ID, prefix: xedu-}}. */
    public record Source(String column, String prefix) {
    }

    /** asOf: a fixed instant for every row, or a column (an instant, or a date or date-time read in {@code zone}). */
    public record AsOf(Instant fixed, String column, ZoneId zone) {
    }

    /**
     * The known outcome: converted when {@code column}'s value is one of {@code converted}, or, with {@code listedIn},
     * when the column's value appears in that column of another CSV (resolved next to the lead file).
     */
    public record Label(String column, Set<String> converted, ListedIn listedIn) {
    }

    /** Another CSV whose {@code column} lists the converted ids (Olist's closed deals). */
    public record ListedIn(String file, String column) {
    }

    /** What one column gives: a request field ({@code field}), or activities ({@code activity}: type or count). */
    public record Column(String name, String field, Activity activity, String type, int max, Map<String, JsonNode> values,
            JsonNode otherwise) {

        /** The value this column gives for a raw cell, or null when it gives nothing. */
        JsonNode translate(String raw) {
            JsonNode translated;
            if (values.containsKey(raw)) {
                translated = values.get(raw);
            } else if (raw.isBlank()) {
                return null;
            } else if (otherwise != null) {
                translated = otherwise;
            } else {
                translated = JsonNodeFactory.instance.textNode(raw.strip());
            }
            return translated == null || translated.isNull() ? null : translated;
        }
    }

    /** A column's activities: its value is an activity type, or how many activities of {@code type} there were. */
    public enum Activity {
        TYPE, COUNT
    }

    private final String name;
    private final String description;
    private final Source leadId;
    private final AsOf asOf;
    private final Source idempotencyKey;
    private final Label label;
    private final ObjectNode defaults;
    private final List<String> activities;
    private final List<Column> columns;

    private LeadMapping(String name, String description, Source leadId, AsOf asOf, Source idempotencyKey, Label label,
            ObjectNode defaults, List<String> activities, List<Column> columns) {
        this.name = name;
        this.description = description;
        this.leadId = leadId;
        this.asOf = asOf;
        this.idempotencyKey = idempotencyKey;
        this.label = label;
        this.defaults = defaults;
        this.activities = activities;
        this.columns = columns;
    }

    /** Reads a mapping from YAML (JSON is YAML too). */
    public static LeadMapping read(InputStream yaml) {
        JsonNode root;
        try {
            root = YAML.readTree(yaml);
        } catch (IOException e) {
            throw new LeadFileException("The mapping is not YAML or JSON: " + firstLine(e.getMessage()), e);
        }
        if (root == null || !root.isObject()) {
            throw new LeadFileException("The mapping must be a YAML or JSON object");
        }
        return new Reading(root).mapping();
    }

    public String name() {
        return name;
    }

    public String description() {
        return description;
    }

    public Source leadId() {
        return leadId;
    }

    public AsOf asOf() {
        return asOf;
    }

    public Source idempotencyKey() {
        return idempotencyKey;
    }

    public Label label() {
        return label;
    }

    /** The request fields every row starts from, as a JSON object (deep-copy it before changing it). */
    public ObjectNode defaults() {
        return defaults;
    }

    /** Activity types every row has, at its asOf (what every lead of the file did, e.g. filled the sign-up form). */
    public List<String> activities() {
        return activities;
    }

    public List<Column> columns() {
        return columns;
    }

    /** Every column the mapping reads, for checking a file's header. */
    public Set<String> columnsRead() {
        Set<String> read = new HashSet<>();
        read.add(leadId.column());
        if (asOf.column() != null) {
            read.add(asOf.column());
        }
        if (idempotencyKey != null) {
            read.add(idempotencyKey.column());
        }
        if (label != null) {
            read.add(label.column());
        }
        columns.forEach(column -> read.add(column.name()));
        return read;
    }

    private static String firstLine(String text) {
        return text == null ? "" : text.lines().findFirst().orElse("");
    }

    /** One pass over the YAML tree, naming the key of every mistake. */
    private static final class Reading {
        private final JsonNode root;

        Reading(JsonNode root) {
            this.root = root;
        }

        LeadMapping mapping() {
            allowOnly(root, "", "name", "description", "leadId", "asOf", "idempotencyKey", "label", "defaults", "activities",
                    "columns");
            String name = text(root, "name", true);
            ObjectNode defaults = JsonNodeFactory.instance.objectNode();
            root.path("defaults").fields().forEachRemaining(entry -> {
                checkField(entry.getKey(), "defaults." + entry.getKey());
                put(defaults, entry.getKey(), entry.getValue());
            });
            List<String> activities = new ArrayList<>();
            root.path("activities").forEach(type -> activities.add(type.asText()));
            List<Column> columns = new ArrayList<>();
            root.path("columns").fields().forEachRemaining(entry -> columns.add(column(entry.getKey(), entry.getValue())));
            return new LeadMapping(name, text(root, "description", false), source(root, "leadId", true), asOf(),
                    source(root, "idempotencyKey", false), label(), defaults, List.copyOf(activities), List.copyOf(columns));
        }

        private Source source(JsonNode parent, String key, boolean required) {
            JsonNode node = parent.get(key);
            if (node == null) {
                if (required) {
                    throw mistake(key, "is required (a column: {column: …})");
                }
                return null;
            }
            allowOnly(node, key + ".", "column", "prefix");
            String prefix = text(node, "prefix", false);
            return new Source(text(node, "column", true, key + ".column"), prefix == null ? "" : prefix);
        }

        private AsOf asOf() {
            JsonNode node = root.get("asOf");
            if (node == null) {
                throw mistake("asOf", "is required: {fixed: 2020-01-01T00:00:00Z} or {column: …, zone: …} (never the clock)");
            }
            allowOnly(node, "asOf.", "fixed", "column", "zone");
            try {
                Instant fixed = node.has("fixed") ? Instant.parse(node.get("fixed").asText()) : null;
                String column = text(node, "column", false);
                if ((fixed == null) == (column == null)) {
                    throw mistake("asOf", "needs either fixed or column");
                }
                return new AsOf(fixed, column, ZoneId.of(node.path("zone").asText("UTC")));
            } catch (DateTimeParseException e) {
                throw mistake("asOf.fixed", "must be an ISO-8601 instant such as 2020-01-01T00:00:00Z");
            } catch (java.time.DateTimeException e) {
                throw mistake("asOf.zone", "must be a time zone such as UTC or America/Sao_Paulo");
            }
        }

        private Label label() {
            JsonNode node = root.get("label");
            if (node == null) {
                return null;
            }
            allowOnly(node, "label.", "column", "converted", "listedIn");
            Set<String> converted = new HashSet<>();
            node.path("converted").forEach(value -> converted.add(value.asText()));
            ListedIn listedIn = null;
            if (node.has("listedIn")) {
                allowOnly(node.get("listedIn"), "label.listedIn.", "file", "column");
                listedIn = new ListedIn(text(node.get("listedIn"), "file", true, "label.listedIn.file"),
                        text(node.get("listedIn"), "column", true, "label.listedIn.column"));
            }
            if (converted.isEmpty() == (listedIn == null)) {
                throw mistake("label", "needs either converted (the values meaning converted) or listedIn");
            }
            return new Label(text(node, "column", true, "label.column"), Set.copyOf(converted), listedIn);
        }

        private Column column(String name, JsonNode node) {
            String at = "columns." + name;
            allowOnly(node, at + ".", "field", "activity", "type", "max", "values", "otherwise");
            String field = text(node, "field", false);
            String activityText = text(node, "activity", false);
            if ((field == null) == (activityText == null)) {
                throw mistake(at, "needs either field (a request field such as company.country) or activity (type or count)");
            }
            if (field != null) {
                checkField(field, at + ".field");
            }
            Activity activity = null;
            if (activityText != null) {
                try {
                    activity = Activity.valueOf(activityText.toUpperCase(java.util.Locale.ROOT));
                } catch (IllegalArgumentException e) {
                    throw mistake(at + ".activity", "must be type or count");
                }
            }
            String type = text(node, "type", false);
            if (activity == Activity.COUNT && type == null) {
                throw mistake(at + ".type", "is required with activity: count (the type of activity counted)");
            }
            Map<String, JsonNode> values = new LinkedHashMap<>();
            node.path("values").fields().forEachRemaining(entry -> values.put(entry.getKey(), entry.getValue()));
            return new Column(name, field, activity, type, node.path("max").asInt(100), Map.copyOf(values), node.get("otherwise"));
        }

        /** A field is {@code object.field} of the request, as {@code POST /api/v1/qualify} takes it. */
        private void checkField(String path, String at) {
            String[] parts = path.split("\\.");
            RecordComponent[] objects = QualifyRequest.class.getRecordComponents();
            for (RecordComponent object : objects) {
                if (parts.length == 2 && object.getName().equals(parts[0]) && object.getType().isRecord()
                        && !object.getName().equals("history")) {
                    for (RecordComponent field : object.getType().getRecordComponents()) {
                        if (field.getName().equals(parts[1])) {
                            return;
                        }
                    }
                }
            }
            throw mistake(at, "'" + path + "' is not a request field (contact.email, company.country, source.channel, …)");
        }

        private static void put(ObjectNode root, String path, JsonNode value) {
            String[] parts = path.split("\\.");
            root.withObjectProperty(parts[0]).set(parts[1], value);
        }

        private static void allowOnly(JsonNode node, String at, String... keys) {
            if (!node.isObject()) {
                throw mistake(at.isEmpty() ? "(mapping)" : at.substring(0, at.length() - 1), "must be an object");
            }
            Set<String> allowed = Set.of(keys);
            for (Iterator<String> names = node.fieldNames(); names.hasNext();) {
                String key = names.next();
                if (!allowed.contains(key)) {
                    throw mistake(at + key, "is not a mapping key (expected one of " + String.join(", ", keys) + ")");
                }
            }
        }

        private static String text(JsonNode parent, String key, boolean required) {
            return text(parent, key, required, key);
        }

        private static String text(JsonNode parent, String key, boolean required, String at) {
            JsonNode value = parent.get(key);
            if (value == null || value.isNull() || value.asText().isBlank()) {
                if (required) {
                    throw mistake(at, "is required");
                }
                return null;
            }
            return value.asText();
        }

        private static LeadFileException mistake(String at, String message) {
            return new LeadFileException("Mapping: " + at + " " + message);
        }
    }
}
