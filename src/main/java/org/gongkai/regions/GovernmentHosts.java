package org.gongkai.regions;

import java.net.URI;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The division whose government runs a web host, as listed in {@code regions/gov-hosts.csv}: www.jinan.gov.cn and
 * jnszq.jinan.gov.cn → 济南市, jyt.ah.gov.cn → 安徽省. The longest listed suffix of the host wins.
 */
public final class GovernmentHosts {

    private static volatile GovernmentHosts standard;
    private final Map<String, String> codeByHost;
    private final RegionDirectory directory;

    GovernmentHosts(Map<String, String> codeByHost, RegionDirectory directory) {
        this.codeByHost = Map.copyOf(codeByHost);
        this.directory = directory;
    }

    public static GovernmentHosts standard() {
        if (standard == null) {
            synchronized (GovernmentHosts.class) {
                if (standard == null) {
                    Map<String, String> hosts = new HashMap<>();
                    RegionDirectory.read("gov-hosts.csv", r -> hosts.put(r.get("host"), r.get("code")));
                    standard = new GovernmentHosts(hosts, RegionDirectory.standard());
                }
            }
        }
        return standard;
    }

    /** The region of the government site the address is on; empty for other sites and unparsable addresses. */
    public Optional<Region> regionOf(String url) {
        String host = host(url);
        if (host == null) return Optional.empty();
        for (int dot = -1; dot < host.length(); dot = host.indexOf('.', dot + 1)) {
            String code = codeByHost.get(host.substring(dot + 1));
            if (code != null) return directory.find(code);
            if (host.indexOf('.', dot + 1) < 0) break;
        }
        return Optional.empty();
    }

    private static String host(String url) {
        if (url == null || url.isBlank()) return null;
        try {
            String s = url.strip();
            String host = URI.create(s.contains("://") ? s : "http://" + s).getHost();
            return host == null ? null : host.toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
