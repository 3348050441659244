package sportello.web.access;

/** Opens the package-private address check to tests in other packages. */
public final class LocalNetworkOnlyProbe {
    private LocalNetworkOnlyProbe() {}

    public static boolean isLocal(String address) {
        return LocalNetworkOnly.isLocal(address);
    }
}
