package org.nashir.config;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;

/**
 * The proxies whose {@code X-Forwarded-For} is believed ({@code NASHIR_TRUSTED_PROXIES}: addresses and CIDR ranges).
 * A reader's address is the connection's when it does not come from one of them; otherwise the header is read from
 * its right end (what the nearest proxy appended) leftwards, past every trusted proxy, to the first address that is
 * not one: anything further left was written by the client and proves nothing. Rate limits, view de-duplication and
 * sign-in throttling all key on this address, so a client reaching a node directly cannot choose it.
 */
public final class TrustedProxies {
    /** One range: the network's bytes and how many leading bits must match. */
    private record Range(byte[] network, int bits) {
        boolean contains(byte[] address) {
            if (address.length != network.length) return false;
            int whole = bits / 8, rest = bits % 8;
            for (int i = 0; i < whole; i++) if (address[i] != network[i]) return false;
            if (rest == 0) return true;
            int mask = 0xff << (8 - rest) & 0xff;
            return (address[whole] & mask) == (network[whole] & mask);
        }
    }

    /** Nobody's forwarding is believed. */
    public static final TrustedProxies NONE = new TrustedProxies(List.of());
    /** A proxy on this machine (what {@code NASHIR_BEHIND_PROXY=true} alone means). */
    public static final TrustedProxies LOOPBACK = parse("127.0.0.0/8,::1");

    private final List<Range> ranges;

    private TrustedProxies(List<Range> ranges) {
        this.ranges = List.copyOf(ranges);
    }

    /**
     * {@code 10.0.0.5, 192.168.0.0/16, fd00::/8}: comma- or space-separated literal addresses and ranges (no host
     * names: a lookup per request would be slow and spoofable). Throws IllegalArgumentException naming a bad entry.
     */
    public static TrustedProxies parse(String list) {
        List<Range> ranges = new ArrayList<>();
        for (String entry : list.split("[,\\s]+")) {
            if (entry.isBlank()) continue;
            String[] parts = entry.split("/", 2);
            byte[] network = literal(parts[0]);
            if (network == null) throw new IllegalArgumentException(entry);
            int bits = network.length * 8;
            if (parts.length == 2) {
                if (!parts[1].matches("[0-9]{1,3}") || Integer.parseInt(parts[1]) > bits) throw new IllegalArgumentException(entry);
                bits = Integer.parseInt(parts[1]);
            }
            ranges.add(new Range(network, bits));
        }
        return new TrustedProxies(ranges);
    }

    public boolean isEmpty() {
        return ranges.isEmpty();
    }

    /** Whether {@code address} (a literal) is one of the trusted proxies. */
    public boolean contains(String address) {
        byte[] bytes = literal(address);
        if (bytes == null) return false;
        for (Range r : ranges) if (r.contains(bytes)) return true;
        return false;
    }

    /** The reader's address for a connection from {@code remote} carrying {@code forwardedFor} (may be null). */
    public String client(String remote, String forwardedFor) {
        if (forwardedFor == null || forwardedFor.isBlank() || !contains(remote)) return remote;
        String[] hops = forwardedFor.split(",");
        String current = remote;
        for (int i = hops.length - 1; i >= 0; i--) {
            String hop = hops[i].strip();
            // What a trusted proxy appended is an address; anything else ends the chain at the last one believed.
            if (literal(hop) == null) return current;
            if (!contains(hop)) return hop;
            current = hop;
        }
        return current;
    }

    /**
     * The bytes of an IPv4 or IPv6 literal, or null. Checked before {@link InetAddress#getByName} so that no string
     * from a header ever causes a DNS lookup.
     */
    static byte[] literal(String s) {
        if (s == null || s.isEmpty() || s.length() > 45) return null;
        boolean v4 = s.matches("[0-9]{1,3}(\\.[0-9]{1,3}){3}");
        boolean v6 = !v4 && s.indexOf(':') >= 0 && s.matches("[0-9A-Fa-f:.]+");
        if (!v4 && !v6) return null;
        if (v4) for (String octet : s.split("\\.")) if (Integer.parseInt(octet) > 255) return null;
        try {
            // Java gives an IPv4-mapped address (::ffff:10.0.0.1) as the IPv4 one, so both match 10.0.0.0/8.
            return InetAddress.getByName(s).getAddress();
        } catch (UnknownHostException e) {
            return null;
        }
    }
}
