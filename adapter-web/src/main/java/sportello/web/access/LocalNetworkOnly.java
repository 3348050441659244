package sportello.web.access;

import io.javalin.http.Context;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Without dashboard credentials the staff routes answer only clients on this machine or the local network, and
 * never a request that came through a proxy or tunnel: the webhook port is typically exposed to the internet that
 * way, and the proxy's own address would otherwise look local. The address typed in the browser must be a local
 * one too (an IP, {@code localhost}, a one-word or {@code .local}/{@code .lan} name), so that a web site cannot
 * point its own domain at this machine and read the dashboard through the visitor's browser (DNS rebinding).
 */
public final class LocalNetworkOnly {

    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final List<String> LOCAL_SUFFIXES =
            List.of(".localhost", ".local", ".lan", ".home", ".home.arpa", ".internal", ".localdomain", ".intranet");

    private LocalNetworkOnly() {}

    public static void check(Context ctx) {
        for (String header : new String[] {"X-Forwarded-For", "Forwarded", "X-Real-IP"}) {
            if (ctx.header(header) != null) {
                throw new Refused("This request came through a proxy or tunnel (" + header + "). The dashboard and"
                        + " API answer only on the local network; open them from a computer on the same network,"
                        + " or set DASHBOARD_USERNAME and DASHBOARD_PASSWORD to allow logging in from anywhere.");
            }
        }
        if (!isLocal(ctx.ip())) {
            throw new Refused(
                    "The dashboard and API answer only on the local network (your address: " + ctx.ip() + ").");
        }
        if (!isLocalName(ctx.header("Host"))) {
            throw new Refused("The dashboard and API answer only when opened by a local address, such as"
                    + " http://192.168.1.10:8080 or http://sportello.local:8080.");
        }
    }

    static boolean isLocal(String address) {
        try {
            var ip = InetAddress.getByName(address);
            return ip.isLoopbackAddress()
                    || ip.isSiteLocalAddress()
                    || ip.isLinkLocalAddress()
                    || isUniqueLocalIpv6(ip.getAddress());
        } catch (UnknownHostException e) {
            return false;
        }
    }

    /** The host the browser was pointed at ({@code Host} header, port removed) is local by its form. */
    static boolean isLocalName(String hostHeader) {
        if (hostHeader == null || hostHeader.isBlank()) {
            return true; // browsers always send Host; only old scripts omit it, and they cannot be rebound
        }
        String host = hostHeader.strip().toLowerCase(Locale.ROOT);
        if (host.startsWith("[")) {
            return true; // an IPv6 literal
        }
        int colon = host.lastIndexOf(':');
        if (colon >= 0) {
            host = host.substring(0, colon);
        }
        if (host.endsWith(".")) {
            host = host.substring(0, host.length() - 1);
        }
        return IPV4.matcher(host).matches()
                || host.equals("localhost")
                || (!host.isEmpty() && !host.contains("."))
                || LOCAL_SUFFIXES.stream().anyMatch(host::endsWith);
    }

    /** fc00::/7, the IPv6 counterpart of private IPv4 ranges. */
    private static boolean isUniqueLocalIpv6(byte[] bytes) {
        return bytes.length == 16 && (bytes[0] & 0xFE) == 0xFC;
    }

    /** The request is not from the local network. */
    public static final class Refused extends RuntimeException {
        public Refused(String message) {
            super(message);
        }
    }
}
