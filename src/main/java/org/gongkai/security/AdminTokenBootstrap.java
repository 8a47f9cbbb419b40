package org.gongkai.security;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.gongkai.config.GongkaiConfig;
import org.jboss.logging.Logger;

/**
 * Makes sure an admin can get in: the token of {@code GONGKAI_ADMIN_TOKEN} ({@code gongkai.security.admin-token}) is
 * stored when set (never printed); otherwise, when no admin token works, a new one is made and printed once.
 */
@ApplicationScoped
public class AdminTokenBootstrap {

    private static final Logger LOG = Logger.getLogger(AdminTokenBootstrap.class);

    @Inject
    GongkaiConfig config;

    @Inject
    Tokens tokens;

    void onStart(@Observes StartupEvent start) {
        var configured = config.security().adminToken().filter(t -> !t.isBlank());
        if (configured.isPresent()) {
            tokens.ensureAdmin("GONGKAI_ADMIN_TOKEN", configured.get().strip());
            return;
        }
        if (tokens.anyAdmin()) return;
        TokenView created = tokens.create(new TokenRequest("first admin", Roles.ADMIN, null, null, null));
        LOG.info("No admin token existed: created one, shown only now (keep it; revoke it with" + " DELETE /api/tokens/"
                + created.id() + "):\n\n    " + created.token() + "\n");
    }
}
