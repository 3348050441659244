package sportello.web.access;

import io.javalin.http.Context;
import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * Without dashboard credentials the staff routes answer only clients on this machine or the local network, and
 * never a request that came through a proxy or tunnel: the webhook port is typically exposed to the internet that
 * way, and the proxy's own address would otherwise look local.
 */
public final class LocalNetworkOnly {

    private LocalNetworkOnly() {}

    public static void check(Context ctx) {
        for (String header : new String[] {"X-Forwarded-For", "Forwarded", "X-Real-IP"}) {
            if (ctx.header(header) != null) {
                throw new Refused("This request came through a proxy or tunnel (" + header + "). The dashboard and"
                        + " API answer only on the local network; open them from a computer on the same network.");
            }
        }
        if (!isLocal(ctx.ip())) {
            throw new Refused(
                    "The dashboard and API answer only on the local network (your address: " + ctx.ip() + ").");
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
