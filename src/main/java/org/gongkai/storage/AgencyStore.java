package org.gongkai.storage;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.gongkai.canonical.AgencyProfile;

/**
 * Finds or creates the agency row for a profile; an agency is its canonical name within its region, and the other
 * names its reports were filed under (平潭县人社局, 平潭综合实验区管委会) are its aliases ({@code agency_alias}).
 */
@ApplicationScoped
public class AgencyStore {

    /**
     * Creates the agency, or updates its sector only where it changed: an upsert that sets an unchanged row locks it
     * until the writer commits, and every other writer of the same agency (another year, a bulk batch) would wait.
     */
    private static final String UPSERT =
            """
            insert into agency (name, region_code, level, sector) values (?, ?, ?, ?)
            on conflict (name, region_code) do update set sector = excluded.sector
            where agency.sector is distinct from excluded.sector
            returning id
            """;

    private static final String FIND = "select id, sector from agency where name = ? and region_code = ?";

    public long idOf(Connection c, AgencyProfile p) throws SQLException {
        // the common case, an agency known with this sector: read without locking its row
        Long known = find(c, p, true);
        if (known != null) return known;
        try (PreparedStatement s = c.prepareStatement(UPSERT)) {
            s.setString(1, p.name());
            s.setString(2, p.region().code());
            s.setShort(3, (short) (p.level().ordinal() + 1));
            s.setString(4, p.sector().key());
            try (ResultSet rs = s.executeQuery()) {
                if (rs.next()) return rs.getLong(1);
            }
        }
        // created meanwhile by another writer with this very sector: nothing was updated, and it is there now
        Long created = find(c, p, false);
        if (created == null)
            throw new SQLException(
                    "no agency row for " + p.name() + " in " + p.region().code());
        return created;
    }

    /** The agency's id; with {@code sameSector}, only when its stored sector is the profile's. */
    private static Long find(Connection c, AgencyProfile p, boolean sameSector) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(FIND)) {
            s.setString(1, p.name());
            s.setString(2, p.region().code());
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) return null;
                return !sameSector || p.sector().key().equals(rs.getString(2)) ? rs.getLong(1) : null;
            }
        }
    }

    /** A name an agency's report was filed under, and the document it was first seen in (null for JSON). */
    public record Alias(long agencyId, String alias, Long documentId) {}

    /** The names among {@code written} that differ from the agency's canonical name, each once. */
    public static List<Alias> aliases(
            long agencyId, String canonicalName, Collection<String> written, Long documentId) {
        Set<String> names = new LinkedHashSet<>();
        for (String w : written) {
            if (w != null && !w.isBlank() && !w.strip().equals(canonicalName)) names.add(w.strip());
        }
        return names.stream().map(n -> new Alias(agencyId, n, documentId)).toList();
    }

    /**
     * Records the names among {@code written} that differ from the agency's canonical name as its aliases, in the
     * caller's transaction; an alias recorded before keeps the document it was first seen in.
     */
    public void recordAliases(
            Connection c, long agencyId, String canonicalName, Collection<String> written, Long documentId)
            throws SQLException {
        record(c, aliases(agencyId, canonicalName, written, documentId));
    }

    /**
     * Records aliases in one statement, in key order (so that writers recording the same ones at once wait for each
     * other in one order, never in a cycle); an alias recorded before keeps the document it was first seen in.
     */
    public static void record(Connection c, List<Alias> aliases) throws SQLException {
        if (aliases.isEmpty()) return;
        try (PreparedStatement s = c.prepareStatement(
                """
                insert into agency_alias (agency_id, alias, first_seen_document_id)
                select * from unnest(?::bigint[], ?::text[], ?::bigint[]) as a(agency_id, alias, document_id)
                order by agency_id, alias
                on conflict (agency_id, alias) do nothing
                """)) {
            s.setArray(
                    1,
                    c.createArrayOf(
                            "bigint", aliases.stream().map(Alias::agencyId).toArray()));
            s.setArray(
                    2,
                    c.createArrayOf("text", aliases.stream().map(Alias::alias).toArray()));
            s.setArray(
                    3,
                    c.createArrayOf(
                            "bigint", aliases.stream().map(Alias::documentId).toArray()));
            s.executeUpdate();
        }
    }
}
