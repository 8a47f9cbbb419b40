package org.gongkai.exports.schedules;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.security.SecureRandom;
import java.util.HexFormat;
import org.gongkai.config.GongkaiConfig;

/**
 * This instance's name among the instances that share the database: {@code gongkai.cluster.instance-id} (else the
 * host name), its process id and a random suffix, new at every start, so that a restarted instance never renews the
 * lease of a run its previous life was killed in: the owner of the runs it claims.
 */
@ApplicationScoped
public class InstanceId {

    @Inject
    GongkaiConfig config;

    private String name;

    public synchronized String name() {
        if (name == null) {
            String base =
                    config.cluster().instanceId().filter(n -> !n.isBlank()).orElseGet(InstanceId::host);
            byte[] random = new byte[3];
            new SecureRandom().nextBytes(random);
            name = base + "-" + ProcessHandle.current().pid() + "-"
                    + HexFormat.of().formatHex(random);
        }
        return name;
    }

    private static String host() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }
}
