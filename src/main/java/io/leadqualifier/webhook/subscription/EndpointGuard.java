package io.leadqualifier.webhook.subscription;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import io.leadqualifier.webhook.WebhookConfig;

/**
 * Where the service may send webhooks. Only http(s) URLs with a host and no user info. The host is resolved and
 * every address it resolves to is checked: link-local addresses (169.254.0.0/16, fe80::/10) and cloud metadata
 * endpoints are refused always, unspecified, multicast and broadcast addresses too; loopback and private addresses
 * only when {@code lead-qualifier.webhooks.deny-private} says so (CRMs often run on-premises). Checked when a
 * subscription is made and again before each delivery, whose connection then goes to the address checked, not to a
 * second resolution of the name (DNS rebinding).
 */
@Singleton
public class EndpointGuard {
    private static final int MAX_URL = 2048;
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    /** Metadata services reached by name. */
    private static final Set<String> METADATA_HOSTS = Set.of("metadata.google.internal", "metadata.goog", "metadata",
            "instance-data", "instance-data.ec2.internal", "metadata.tencentyun.com");
    /** Metadata services reached by address outside link-local: AWS IPv6, Alibaba Cloud, Oracle Cloud (legacy). */
    private static final Set<String> METADATA_ADDRESSES = Set.of("fd00:ec2:0:0:0:0:0:254", "100.100.100.200", "192.0.0.192");

    private final boolean denyPrivate;
    private final HostResolver resolver;

    @Inject
    EndpointGuard(WebhookConfig config, HostResolver resolver) {
        this(config.denyPrivate(), resolver);
    }

    public EndpointGuard(boolean denyPrivate, HostResolver resolver) {
        this.denyPrivate = denyPrivate;
        this.resolver = resolver;
    }

    /** A URL that passed: where to connect (every address of the host passed; the first is used). */
    public record Endpoint(URI uri, String host, int port, List<InetAddress> addresses) {
        public InetAddress address() {
            return addresses.get(0);
        }
    }

    /** Why a URL is refused, in words for the admin or the delivery log. */
    public static final class Refused extends Exception {
        public Refused(String reason) {
            super(reason, null, false, false);
        }
    }

    /** The URL's form only: scheme, host, no user info, length. */
    public URI parse(String url) throws Refused {
        if (url == null || url.isBlank()) {
            throw new Refused("must be an http or https URL");
        }
        if (url.length() > MAX_URL) {
            throw new Refused("must be at most " + MAX_URL + " characters");
        }
        URI uri;
        try {
            uri = new URI(url.strip());
        } catch (URISyntaxException e) {
            throw new Refused("is not a URL: " + e.getReason());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new Refused("must be an http or https URL" + (scheme.isEmpty() ? "" : ", not " + scheme));
        }
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            throw new Refused("must name a host");
        }
        if (uri.getRawUserInfo() != null) {
            throw new Refused("must not carry user info: receivers check the signature instead");
        }
        return uri;
    }

    /** The URL's form, then every address its host resolves to. */
    public Endpoint check(String url) throws Refused {
        URI uri = parse(url);
        String host = hostOf(uri);
        if (METADATA_HOSTS.contains(host)) {
            throw new Refused("names a cloud metadata service (" + host + ")");
        }
        List<InetAddress> addresses;
        try {
            // A literal address is read as such (no lookup); anything else is a name for the resolver.
            addresses = host.contains(":") || IPV4.matcher(host).matches() ? List.of(InetAddress.getByName(host)) : resolver.resolve(host);
        } catch (UnknownHostException e) {
            throw new Refused("names a host that does not resolve (" + host + ")");
        }
        if (addresses.isEmpty()) {
            throw new Refused("names a host that does not resolve (" + host + ")");
        }
        for (InetAddress address : addresses) {
            String refusal = refusal(address);
            if (refusal != null) {
                String literal = address.getHostAddress();
                throw new Refused(literal.equals(host) ? "is " + refusal + " (" + literal + ")"
                        : "resolves to " + refusal + " (" + host + " → " + literal + ")");
            }
        }
        int port = uri.getPort() != -1 ? uri.getPort() : uri.getScheme().equalsIgnoreCase("https") ? 443 : 80;
        return new Endpoint(uri, host, port, addresses);
    }

    /** Lower case, without IPv6 brackets or a trailing dot. */
    private static String hostOf(URI uri) {
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        return host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
    }

    /** Why an address is refused ("a link-local address"), or null when it is allowed. */
    String refusal(InetAddress address) {
        InetAddress embedded = embeddedIpv4(address);
        if (embedded != null) {
            return refusal(embedded);
        }
        byte[] bytes = address.getAddress();
        if (METADATA_ADDRESSES.contains(address.getHostAddress()) || address.getHostAddress().equals("169.254.169.254")) {
            return "a cloud metadata address";
        }
        if (address.isLinkLocalAddress()) {
            return "a link-local address";
        }
        if (address.isAnyLocalAddress() || (address instanceof Inet4Address && bytes[0] == 0)) {
            return "an unspecified address";
        }
        if (address.isMulticastAddress() || (address instanceof Inet4Address && (bytes[0] & 0xff) == 255)) {
            return "a multicast or broadcast address";
        }
        if (denyPrivate && (address.isLoopbackAddress() || isPrivate(address, bytes))) {
            return "a " + (address.isLoopbackAddress() ? "loopback" : "private")
                    + " address, refused by lead-qualifier.webhooks.deny-private";
        }
        return null;
    }

    private static boolean isPrivate(InetAddress address, byte[] bytes) {
        if (address.isSiteLocalAddress()) {
            return true;
        }
        if (address instanceof Inet4Address) {
            return (bytes[0] & 0xff) == 100 && (bytes[1] & 0xc0) == 64; // 100.64.0.0/10, carrier-grade NAT
        }
        return (bytes[0] & 0xfe) == 0xfc; // fc00::/7, unique local
    }

    /** The IPv4 address an IPv6 one carries (IPv4-compatible ::a.b.c.d, NAT64 64:ff9b::a.b.c.d), or null. */
    private static InetAddress embeddedIpv4(InetAddress address) {
        if (!(address instanceof Inet6Address)) {
            return null;
        }
        byte[] bytes = address.getAddress();
        boolean zeroPrefix = true;
        for (int i = 0; i < 12; i++) {
            zeroPrefix &= bytes[i] == 0;
        }
        boolean compatible = zeroPrefix && !address.isLoopbackAddress() && !address.isAnyLocalAddress();
        boolean nat64 = bytes[0] == 0 && bytes[1] == 0x64 && (bytes[2] & 0xff) == 0xff && (bytes[3] & 0xff) == 0x9b;
        for (int i = 4; nat64 && i < 12; i++) {
            nat64 = bytes[i] == 0;
        }
        if (!compatible && !nat64) {
            return null;
        }
        try {
            return InetAddress.getByAddress(new byte[] {bytes[12], bytes[13], bytes[14], bytes[15]});
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }
}
