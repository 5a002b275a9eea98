package io.leadqualifier.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

/**
 * A trail recorded before decisions were stored compactly keeps everything through the migration: its rule
 * index moves to numbered rule names and chain positions, its personal data stays, its JSON columns stay.
 */
class CompactDecisionsMigrationTest {
    private static final String URL = "jdbc:h2:mem:compact-migration;DB_CLOSE_DELAY=-1";

    @Test
    void theRuleIndexAndPersonalDataOfEarlierDecisionsSurviveTheMigration() throws SQLException {
        Flyway.configure().dataSource(URL, "sa", "").locations("classpath:db/migration").target("4").load().migrate();
        try (Connection connection = DriverManager.getConnection(URL, "sa", ""); Statement sql = connection.createStatement()) {
            sql.execute("insert into policy_version (version, content_hash, file_count, created_at) values ('v1', 'h', 1, current_timestamp)");
            for (int i = 1; i <= 2; i++) {
                sql.execute("insert into decision (id, lead_id, as_of, evaluated_at, stage, temperature, route, score_fit, score_engagement,"
                        + " score_total, policy_version, fired_rules, input_json, output_json, chain_seq, prev_hash, chain_hash)"
                        + " values ('d" + i + "', 'lead-" + i + "', timestamp with time zone '2025-01-0" + i + " 10:00:00+00',"
                        + " timestamp with time zone '2025-01-0" + i + " 10:00:00+00', 'LEAD', 'COLD', 'NURTURE', 0, 0, 0, 'v1',"
                        + " 'Stage: lead', '{}', '{}', " + i + ", 'p', 'h" + i + "')");
                sql.execute("insert into decision_rule (decision_id, sequence, rule_name, evaluated_at) values ('d" + i
                        + "', 1, 'Stage: lead', timestamp with time zone '2025-01-0" + i + " 10:00:00+00')");
                sql.execute("insert into decision_personal_data (decision_id, lead_id, salt, personal_json) values ('d" + i + "', 'lead-"
                        + i + "', 's', '{}')");
            }
            sql.execute("insert into decision_rule (decision_id, sequence, rule_name, evaluated_at) values ('d2', 2, 'Route: nurture',"
                    + " timestamp with time zone '2025-01-02 10:00:00+00')");
        }

        Flyway.configure().dataSource(URL, "sa", "").locations("classpath:db/migration").load().migrate();

        try (Connection connection = DriverManager.getConnection(URL, "sa", ""); Statement sql = connection.createStatement()) {
            assertThat(rows(sql, "select n.name || '@' || h.decision_seq from decision_rule_hit h join rule_name n on n.id = h.rule_id"
                    + " order by h.decision_seq, n.name"))
                    .containsExactly("Stage: lead@1", "Route: nurture@2", "Stage: lead@2");
            assertThat(rows(sql, "select p.decision_id from decision_personal_data p join decision d on d.id = p.decision_id"
                    + " where d.lead_id = 'lead-2'")).containsExactly("d2");
            assertThat(rows(sql, "select input_json from decision where id = 'd1'")).containsExactly("{}");
        }
    }

    private static List<String> rows(Statement sql, String query) throws SQLException {
        List<String> values = new ArrayList<>();
        try (ResultSet rows = sql.executeQuery(query)) {
            while (rows.next()) {
                values.add(rows.getString(1));
            }
        }
        return values;
    }
}
