package org.gongkai.storage;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;
import org.gongkai.canonical.AgencyProfile;

/**
 * Finds or creates the agency row for a profile; an agency is its canonical name within its region, and the other
 * names its reports were filed under (平潭县人社局, 平潭综合实验区管委会) are its aliases ({@code agency_alias}).
 */
@ApplicationScoped
public class AgencyStore {

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

    /**
     * Records the names among {@code written} that differ from the agency's canonical name as its aliases, in the
     * caller's transaction; an alias recorded before keeps the document it was first seen in.
     */
    public void recordAliases(
            Connection c, long agencyId, String canonicalName, Collection<String> written, Long documentId)
            throws SQLException {
        Set<String> aliases = new LinkedHashSet<>();
        for (String w : written) {
            if (w != null && !w.isBlank() && !w.strip().equals(canonicalName)) aliases.add(w.strip());
        }
        if (aliases.isEmpty()) return;
        try (PreparedStatement s = c.prepareStatement(
                """
                insert into agency_alias (agency_id, alias, first_seen_document_id) values (?, ?, ?)
                on conflict (agency_id, alias) do nothing
                """)) {
            for (String alias : aliases) {
                s.setLong(1, agencyId);
                s.setString(2, alias);
                s.setObject(3, documentId, Types.BIGINT);
                s.addBatch();
            }
            s.executeBatch();
        }
    }
}
