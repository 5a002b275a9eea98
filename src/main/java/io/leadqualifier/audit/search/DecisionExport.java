package io.leadqualifier.audit.search;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.PersistenceException;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.agroal.api.AgroalDataSource;
import io.leadqualifier.audit.trail.DecisionBody;
import io.leadqualifier.audit.trail.RuleIndex;
import io.leadqualifier.decision.PersonalData;
import io.leadqualifier.decision.QualifyRequest;
import io.leadqualifier.facts.FiredRule;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Streams the decisions of a search as CSV or JSON lines, newest first: rows go from a database cursor to
 * the response as they are read, so memory stays flat whatever the number of rows. The person's data
 * appears only while it is not erased.
 */
@ApplicationScoped
public class DecisionExport {
    /** An export may run long; the transaction only holds the read cursor open. */
    private static final int TIMEOUT_SECONDS = 3600;
    public static final List<String> COLUMNS = List.of("decisionId", "leadId", "asOf", "evaluatedAt", "stage", "temperature", "route",
            "fit", "engagement", "total", "policyVersion", "firedRules", "email", "firstName", "lastName", "jobTitle", "company");

    /** The formats an export comes in. */
    public enum Format {
        CSV("text/csv", "csv"), JSONL("application/jsonl", "jsonl");

        final String mediaType;
        final String extension;

        Format(String mediaType, String extension) {
            this.mediaType = mediaType;
            this.extension = extension;
        }

        public String mediaType() {
            return mediaType;
        }

        public String extension() {
            return extension;
        }
    }

    private final AgroalDataSource dataSource;
    private final ObjectMapper json;
    private final RuleIndex ruleIndex;

    DecisionExport(AgroalDataSource dataSource, ObjectMapper json, RuleIndex ruleIndex) {
        this.dataSource = dataSource;
        this.json = json;
        this.ruleIndex = ruleIndex;
    }

    /** Writes every decision matching {@code query} to {@code out}; returns how many. */
    public long write(DecisionQuery query, Format format, OutputStream out) {
        if (query.rule() != null) {
            ruleIndex.catchUp();
        }
        return QuarkusTransaction.requiringNew().timeout(TIMEOUT_SECONDS).call(() -> {
            try (Connection connection = dataSource.getConnection()) {
                return write(connection, query, format, out);
            } catch (SQLException e) {
                throw new PersistenceException("Cannot read the decision trail: " + e.getMessage(), e);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /**
     * Nothing is written before the query runs, so a failing database still gets a problem+json answer. A
     * failure mid-stream leaves the buffer unflushed and the response unfinished: the client sees an
     * aborted transfer, never a short export that looks complete.
     */
    private long write(Connection connection, DecisionQuery query, Format format, OutputStream out) throws SQLException, IOException {
        DecisionFilter filter = DecisionFilter.of(query);
        String sql = """
                select d.id, d.lead_id, d.as_of, d.evaluated_at, d.stage, d.temperature, d.route, d.score_fit, d.score_engagement,
                       d.score_total, d.policy_version, d.fired_rules, d.input_json, p.personal_json, d.body
                from decision d left join decision_personal_data p on p.decision_id = d.id
                """ + "where " + filter.sql() + " order by d.evaluated_at desc, d.id desc";
        long count = 0;
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < filter.parameters().size(); i++) {
                statement.setObject(i + 1, filter.parameters().get(i));
            }
            statement.setFetchSize(1000);
            try (ResultSet rows = statement.executeQuery()) {
                Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 64 * 1024);
                if (format == Format.CSV) {
                    writer.write(String.join(",", COLUMNS));
                    writer.write("\r\n");
                }
                while (rows.next()) {
                    Map<String, Object> row = row(rows);
                    if (format == Format.CSV) {
                        writeCsv(writer, row);
                    } else {
                        writer.write(json.writeValueAsString(row));
                        writer.write('\n');
                    }
                    count++;
                }
                writer.flush();
            }
        }
        return count;
    }

    private Map<String, Object> row(ResultSet rows) throws SQLException, JsonProcessingException {
        byte[] body = rows.getBytes(15);
        DecisionBody decoded = body == null ? null : DecisionBody.decode(body, json, rows.getString(1));
        QualifyRequest recorded = decoded != null
                ? decoded.input(rows.getString(2), rows.getObject(3, OffsetDateTime.class).toInstant())
                : json.readValue(rows.getString(13), QualifyRequest.class);
        String personalJson = rows.getString(14);
        QualifyRequest input = personalJson == null ? recorded
                : json.readValue(personalJson, PersonalData.class).restore(recorded);
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("decisionId", rows.getString(1));
        row.put("leadId", rows.getString(2));
        row.put("asOf", rows.getObject(3, OffsetDateTime.class).toInstant().toString());
        row.put("evaluatedAt", rows.getObject(4, OffsetDateTime.class).toInstant().toString());
        row.put("stage", rows.getString(5));
        row.put("temperature", rows.getString(6));
        row.put("route", rows.getString(7));
        row.put("fit", rows.getInt(8));
        row.put("engagement", rows.getInt(9));
        row.put("total", rows.getInt(10));
        row.put("policyVersion", rows.getString(11));
        String fired = rows.getString(12);
        row.put("firedRules", decoded != null ? decoded.firedRules().stream().map(FiredRule::name).toList()
                : fired == null || fired.isEmpty() ? List.of() : Arrays.asList(fired.split("\n")));
        row.put("email", input.contact().email());
        row.put("firstName", input.contact().firstName());
        row.put("lastName", input.contact().lastName());
        row.put("jobTitle", input.contact().jobTitle());
        row.put("company", input.company().name());
        return row;
    }

    private static void writeCsv(Writer writer, Map<String, Object> row) throws IOException {
        StringBuilder line = new StringBuilder(256);
        for (String column : COLUMNS) {
            if (!line.isEmpty()) {
                line.append(',');
            }
            Object value = row.get(column);
            if (value instanceof Number number) {
                line.append(number);
            } else if (value instanceof List<?> list) {
                line.append(CsvCell.of(String.join(" | ", list.stream().map(String::valueOf).toList())));
            } else {
                line.append(CsvCell.of((String) value));
            }
        }
        writer.write(line.append("\r\n").toString());
    }
}
