package org.gongkai.exports.schedules;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reads and writes export_schedule rows; in the caller's transaction when there is one. */
@ApplicationScoped
public class ScheduleStore {

    private static final String COLUMNS = "id, name, cron, query::text, view_name, view_params::text, format,"
            + " target_folder, keep, active, created_at, updated_at";

    @Inject
    AgroalDataSource dataSource;

    private final ObjectMapper json = new ObjectMapper();

    public long insert(ScheduleDefinition d) {
        String sql = "insert into export_schedule (name, cron, query, view_name, view_params, format, target_folder,"
                + " keep) values (?, ?, cast(? as jsonb), ?, cast(? as jsonb), ?, ?, ?) returning id";
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement(sql)) {
            bindDefinition(s, d);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot store the schedule: " + e.getMessage(), e);
        }
    }

    public boolean update(long id, ScheduleDefinition d) {
        String sql = "update export_schedule set name = ?, cron = ?, query = cast(? as jsonb), view_name = ?,"
                + " view_params = cast(? as jsonb), format = ?, target_folder = ?, keep = ?, updated_at = now()"
                + " where id = ?";
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement(sql)) {
            bindDefinition(s, d);
            s.setLong(9, id);
            return s.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot update schedule " + id + ": " + e.getMessage(), e);
        }
    }

    public boolean setActive(long id, boolean active) {
        return execute("update export_schedule set active = ?, updated_at = now() where id = ?", active, id);
    }

    public boolean delete(long id) {
        return execute("delete from export_schedule where id = ?", id);
    }

    public Optional<ExportSchedule> find(long id) {
        List<ExportSchedule> found = select("select " + COLUMNS + " from export_schedule where id = ?", id);
        return found.stream().findFirst();
    }

    public List<ExportSchedule> list() {
        return select("select " + COLUMNS + " from export_schedule order by id");
    }

    public List<ExportSchedule> active() {
        return select("select " + COLUMNS + " from export_schedule where active order by id");
    }

    private void bindDefinition(PreparedStatement s, ScheduleDefinition d) throws SQLException {
        s.setString(1, d.name());
        s.setString(2, d.cron());
        s.setString(3, d.query() == null ? null : d.query().toString());
        s.setString(4, d.view() == null ? null : d.view().name());
        s.setString(
                5,
                d.view() == null || d.view().params() == null
                        ? null
                        : d.view().params().toString());
        s.setString(6, d.format().code());
        s.setString(7, d.targetFolder());
        s.setInt(8, d.keep());
    }

    private boolean execute(String sql, Object... params) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) s.setObject(i + 1, params[i]);
            return s.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    private List<ExportSchedule> select(String sql, Object... params) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) s.setObject(i + 1, params[i]);
            List<ExportSchedule> out = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    String view = rs.getString(5);
                    out.add(new ExportSchedule(
                            rs.getLong(1),
                            rs.getString(2),
                            rs.getString(3),
                            parse(rs.getString(4)),
                            view == null ? null : new ExportSchedule.ViewRef(view, parse(rs.getString(6))),
                            rs.getString(7),
                            rs.getString(8),
                            rs.getInt(9),
                            rs.getBoolean(10),
                            rs.getTimestamp(11).toInstant(),
                            rs.getTimestamp(12).toInstant()));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    private JsonNode parse(String text) {
        if (text == null) return null;
        try {
            return json.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
