package org.gongkai.storage;

import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.Startup;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import org.gongkai.metrics.Metric;
import org.gongkai.metrics.MetricCatalogue;

/**
 * The stable small ids the database uses for metric keys. At start-up every catalogue key is made sure to have one,
 * so a key added to the catalogue gets a new id and old ids never move.
 */
@Startup
@ApplicationScoped
public class MetricIds {

    @Inject
    AgroalDataSource dataSource;

    @Inject
    MetricCatalogue catalogue;

    private volatile Map<String, Short> idByKey = Map.of();
    private volatile Map<Short, String> keyById = Map.of();

    @PostConstruct
    void synchronise() {
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement s =
                    c.prepareStatement("insert into metric (key) values (?) on conflict (key) do nothing")) {
                for (Metric m : catalogue.all()) {
                    s.setString(1, m.key());
                    s.addBatch();
                }
                s.executeBatch();
            }
            Map<String, Short> ids = new HashMap<>();
            Map<Short, String> keys = new HashMap<>();
            try (Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("select id, key from metric")) {
                while (rs.next()) {
                    ids.put(rs.getString(2), rs.getShort(1));
                    keys.put(rs.getShort(1), rs.getString(2));
                }
            }
            // HashMap rather than Map.copyOf: its lookup compares cached hashes before keys (a bulk line looks up ~200)
            idByKey = Collections.unmodifiableMap(ids);
            keyById = Collections.unmodifiableMap(keys);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot synchronise the metric catalogue with the database", e);
        }
    }

    public short id(String key) {
        Short id = idByKey.get(key);
        if (id == null) throw new IllegalArgumentException("metric without id: " + key);
        return id;
    }

    public String key(short id) {
        return keyById.get(id);
    }
}
