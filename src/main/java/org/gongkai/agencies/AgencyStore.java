package org.gongkai.agencies;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** Finds or creates the agency row for a profile; an agency is its name within its region. */
public final class AgencyStore {

    private static final String UPSERT =
            """
            insert into agency (name, region_code, level, sector) values (?, ?, ?, ?)
            on conflict (name, region_code) do update set sector = excluded.sector
            returning id
            """;

    public long idOf(Connection c, AgencyProfile p) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(UPSERT)) {
            s.setString(1, p.name());
            s.setString(2, p.region().code());
            s.setShort(3, (short) (p.level().ordinal() + 1));
            s.setString(4, p.sector().key());
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
