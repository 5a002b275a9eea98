package io.leadqualifier.audit;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;

import io.agroal.api.AgroalDataSource;

/** The trail's tables reached directly, as someone with database access would: to look, to tamper, to break. */
record TrailTables(AgroalDataSource database) {

    /** The first column of the first row. */
    Object value(String sql) {
        return row(sql)[0];
    }

    long count(String sql) {
        return ((Number) value(sql)).longValue();
    }

    Object[] row(String sql) {
        try (Connection connection = database.getConnection(); var statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            Object[] values = new Object[rows.getMetaData().getColumnCount()];
            for (int i = 0; i < values.length; i++) {
                values[i] = rows.getObject(i + 1);
            }
            return values;
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    void execute(String sql) {
        try (Connection connection = database.getConnection(); var statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    /** Replaces a decision's stored body, as someone editing the table would. */
    void setBody(String decisionId, byte[] body) {
        try (Connection connection = database.getConnection();
                var update = connection.prepareStatement("update decision set body = ? where id = ?")) {
            update.setBytes(1, body);
            update.setString(2, decisionId);
            update.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
