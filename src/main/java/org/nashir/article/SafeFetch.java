package org.nashir.article;

import java.io.IOException;
import java.io.InputStream;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Locale;
import java.util.function.Predicate;

/**
 * Fetching from addresses that editors paste (an oEmbed lookup for an embedded post) without letting a pasted
 * address reach inside the newsroom's network (SSRF): only http(s); every address the host resolves to must be
 * public (not loopback, private, link-local, carrier-grade NAT, multicast, unspecified, or an IPv4 address hidden in
 * IPv6); redirects are followed by hand, at most three, each checked the same way; short timeouts; a size limit.
 * The host is resolved and checked just before each request; the client then resolves it again, so a name that
 * changes its answer within that instant (DNS rebinding) is the remaining gap, narrowed by the short timeouts.
 */
public final class SafeFetch {
    public static final Duration TIMEOUT = Duration.ofSeconds(3);
    public static final int MAX_BYTES = 256 * 1024;
    static final int MAX_REDIRECTS = 3;

    /** A fetch refused or failed; the reason is for the log, never shown to readers. */
    public static final class Refused extends Exception {
        Refused(String reason) {
            super(reason, null, false, false);
        }
    }

    private final Predicate<InetSocketAddress> allowed;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).followRedirects(HttpClient.Redirect.NEVER).build();

    /** Only public addresses. */
    public SafeFetch() {
        this(a -> isPublic(a.getAddress()));
    }

    /** With another rule for which addresses may be reached (tests add their own local server to the public ones). */
    SafeFetch(Predicate<InetSocketAddress> allowed) {
        this.allowed = allowed;
    }

    /** The body at {@code url}, following checked redirects; refused when any step leaves the rules. */
    public String get(String url) throws Refused {
        URI uri = parse(url);
        for (int hop = 0; hop <= MAX_REDIRECTS; hop++) {
            check(uri);
            HttpResponse<InputStream> r;
            try {
                r = http.send(HttpRequest.newBuilder(uri).timeout(TIMEOUT).header("Accept", "application/json").GET().build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            } catch (IOException e) {
                throw new Refused("cannot fetch " + uri + ": " + e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new Refused("interrupted fetching " + uri);
            }
            int status = r.statusCode();
            if (status >= 300 && status < 400) {
                close(r);
                URI from = uri;
                String location = r.headers().firstValue("Location").orElseThrow(() -> new Refused("redirect without Location from " + from));
                uri = parse(from.resolve(location).toString());
                continue;
            }
            if (status != 200) {
                close(r);
                throw new Refused("status " + status + " from " + uri);
            }
            try (InputStream in = r.body()) {
                byte[] body = in.readNBytes(MAX_BYTES + 1);
                if (body.length > MAX_BYTES) throw new Refused("more than " + MAX_BYTES + " bytes from " + uri);
                return new String(body, java.nio.charset.StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new Refused("cannot read " + uri + ": " + e.getMessage());
            }
        }
        throw new Refused("more than " + MAX_REDIRECTS + " redirects from " + url);
    }

    private static URI parse(String url) throws Refused {
        try {
            URI uri = URI.create(url == null ? "" : url.strip());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https")) throw new Refused("not http(s): " + url);
            if (uri.getHost() == null || uri.getRawUserInfo() != null) throw new Refused("no host, or credentials in " + url);
            return uri;
        } catch (IllegalArgumentException e) {
            throw new Refused("not an address: " + url);
        }
    }

    /** Every address the host resolves to must be allowed, or none is used. */
    private void check(URI uri) throws Refused {
        int port = uri.getPort() != -1 ? uri.getPort() : uri.getScheme().equalsIgnoreCase("https") ? 443 : 80;
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(uri.getHost());
        } catch (UnknownHostException e) {
            throw new Refused("unknown host " + uri.getHost());
        }
        for (InetAddress a : addresses) {
            if (!allowed.test(new InetSocketAddress(a, port))) throw new Refused(uri.getHost() + " resolves to a non-public address " + a.getHostAddress());
        }
    }

    private static void close(HttpResponse<InputStream> r) {
        try {
            r.body().close();
        } catch (IOException ignored) {
            // nothing was read from it; the connection is dropped either way
        }
    }

    /** Whether an address is on the public internet. */
    public static boolean isPublic(InetAddress a) {
        if (a.isLoopbackAddress() || a.isAnyLocalAddress() || a.isLinkLocalAddress() || a.isSiteLocalAddress() || a.isMulticastAddress()) return false;
        byte[] b = a.getAddress();
        if (a instanceof Inet4Address) {
            int first = b[0] & 0xFF, second = b[1] & 0xFF;
            if (first == 0 || first >= 240) return false;                      // "this network", reserved, broadcast
            if (first == 100 && second >= 64 && second <= 127) return false;   // carrier-grade NAT
            if (first == 192 && second == 0 && (b[2] & 0xFF) == 0) return false; // IETF protocol assignments
            if (first == 198 && (second == 18 || second == 19)) return false;  // benchmarking
            return true;
        }
        if (a instanceof Inet6Address) {
            if ((b[0] & 0xFE) == 0xFC) return false;                           // unique local fc00::/7
            // IPv4 hidden in IPv6 (::ffff:a.b.c.d mapped, ::a.b.c.d compatible, 64:ff9b::/96 NAT64): judge the IPv4 inside.
            boolean zeros = true;
            for (int i = 0; i < 10; i++) zeros &= b[i] == 0;
            boolean mapped = zeros && (b[10] & 0xFF) == 0xFF && (b[11] & 0xFF) == 0xFF;
            boolean compatible = zeros && b[10] == 0 && b[11] == 0;
            boolean nat64 = (b[0] & 0xFF) == 0x00 && (b[1] & 0xFF) == 0x64 && (b[2] & 0xFF) == 0xFF && (b[3] & 0xFF) == 0x9B;
            if (mapped || compatible || nat64) {
                try {
                    return isPublic(InetAddress.getByAddress(new byte[] {b[12], b[13], b[14], b[15]}));
                } catch (UnknownHostException e) {
                    return false;
                }
            }
            return (b[0] & 0xE0) == 0x20;                                      // global unicast 2000::/3 only
        }
        return false;
    }
}
