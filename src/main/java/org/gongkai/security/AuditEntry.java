package org.gongkai.security;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** One audited call ({@code audit_entry}): who wrote or exported what, when, and how it was answered. */
@Entity
@Table(name = "audit_entry")
public class AuditEntry extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public OffsetDateTime at;

    @Column(name = "token_id")
    public Long tokenId;

    @Column(name = "token_name")
    public String tokenName;

    public String role;

    public String method;

    public String path;

    @Column(name = "entity_id")
    public String entityId;

    public int status;

    AuditView view() {
        return new AuditView(
                Long.toString(id),
                at,
                tokenId == null ? null : Long.toString(tokenId),
                tokenName,
                role,
                method,
                path,
                entityId,
                status);
    }

    /** An entry as {@code GET /api/audit} shows it. */
    public record AuditView(
            String id,
            OffsetDateTime at,
            String tokenId,
            String tokenName,
            String role,
            String method,
            String path,
            String entityId,
            int status) {}
}
