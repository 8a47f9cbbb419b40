package org.gongkai.storage;

import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.Startup;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import org.gongkai.regions.Region;
import org.gongkai.regions.RegionDirectory;
import org.gongkai.regions.RegionLevel;

/** Loads the shipped region list into the {@code region} table at start-up; existing rows follow it. */
@Startup
@ApplicationScoped
public class RegionTable {

    @Inject
    AgroalDataSource dataSource;

    @Inject
    RegionDirectory directory;

    @PostConstruct
    void load() {
        String sql =
                """
                insert into region (code, name, level, province_code, city_code) values (?, ?, ?, ?, ?)
                on conflict (code) do update set name = excluded.name, level = excluded.level,
                    province_code = excluded.province_code, city_code = excluded.city_code
                """;
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement(sql)) {
            for (Region r : directory.all()) {
                s.setString(1, r.code());
                s.setString(2, r.name());
                s.setShort(3, (short) (r.level().ordinal() + 1));
                s.setString(4, r.provinceCode());
                s.setString(5, r.level() == RegionLevel.PROVINCE ? null : r.cityCode());
                s.addBatch();
            }
            s.executeBatch();
            DataVersion.bump(c); // region names are in answers: one renamed here must not be served as before
        } catch (SQLException e) {
            throw new IllegalStateException("cannot load regions into the database", e);
        }
    }
}
