package dev.shop.local.identity;

import java.util.Locale;
import java.util.Set;

/**
 * The Host header names a loopback host: {@code localhost}, {@code 127.0.0.1}
 * or {@code [::1]}, with any port. A browser sends the page's own host name,
 * so a page whose DNS name was rebound to 127.0.0.1 still says its own name
 * here and is refused.
 */
final class LoopbackHosts {

    private static final Set<String> NAMES = Set.of("localhost", "127.0.0.1", "[::1]");

    private LoopbackHosts() {
    }

    static boolean isLoopback(String host) {
        if (host == null) {
            return false;
        }
        String name = host.strip().toLowerCase(Locale.ROOT);
        int colon = name.lastIndexOf(':');
        if (colon > name.lastIndexOf(']')) {
            String port = name.substring(colon + 1);
            if (port.isEmpty() || !port.chars().allMatch(Character::isDigit)) {
                return false;
            }
            name = name.substring(0, colon);
        }
        return NAMES.contains(name);
    }
}
