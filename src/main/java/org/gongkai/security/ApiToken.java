package org.gongkai.security;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** A bearer token as stored ({@code api_token}, {@code sql/V11__tokens_and_audit.sql}): its hash, never itself. */
@Entity
@Table(name = "api_token")
public class ApiToken extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public String name;

    public String role;

    @Column(name = "region_code")
    public String regionCode;

    public String agency;

    @Column(name = "rate_per_minute")
    public Integer ratePerMinute;

    @Column(name = "token_sha256")
    public String tokenSha256;

    @Column(name = "created_at")
    public OffsetDateTime createdAt;

    @Column(name = "revoked_at")
    public OffsetDateTime revokedAt;

    Caller caller() {
        return new Caller(id, name, role, regionCode, agency, ratePerMinute);
    }

    TokenView view() {
        return new TokenView(
                Long.toString(id), name, role, regionCode, agency, ratePerMinute, createdAt, revokedAt, null);
    }
}
