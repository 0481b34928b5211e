package com.hotlineops.core.security;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Which address a request came from, for the per-address login limit (decision 0037). The connection's peer, unless
 * that peer is one of the configured reverse proxies: then {@code X-Forwarded-For} is read from the right (the entry
 * the nearest proxy appended) past every trusted proxy, and the first address that is not one is the client. Entries
 * further left were written by the client itself and are never believed. With no trusted proxies (the default) the
 * header is ignored, so nobody can pick the address they are counted under.
 */
public final class TrustedProxies {

    private final List<Range> ranges;

    /** @param entries addresses or CIDR ranges ({@code 10.0.0.0/8}, {@code ::1}); blank ones are ignored */
    public TrustedProxies(List<String> entries) {
        List<Range> parsed = new ArrayList<>();
        for (String entry : entries) {
            if (entry != null && !entry.isBlank()) {
                parsed.add(Range.parse(entry.strip()));
            }
        }
        this.ranges = List.copyOf(parsed);
    }

    public boolean trusts(InetAddress address) {
        return ranges.stream().anyMatch(r -> r.contains(address));
    }

    /**
     * The client's address as text; null when the peer is unknown.
     *
     * @param forwardedFor the values of every {@code X-Forwarded-For} header line, in order (each may be a list)
     */
    public String clientAddress(InetAddress peer, List<String> forwardedFor) {
        if (peer == null) {
            return null;
        }
        InetAddress client = peer;
        if (trusts(peer) && forwardedFor != null) {
            List<String> hops = forwardedFor.stream().flatMap(v -> Arrays.stream(v.split(",")))
                    .map(String::strip).filter(h -> !h.isEmpty()).toList();
            for (int i = hops.size() - 1; i >= 0 && trusts(client); i--) {
                InetAddress hop = literal(hops.get(i));
                if (hop == null) {
                    break;
                }
                client = hop;
            }
        }
        return client.getHostAddress();
    }

    /** An IP address literal, never a name to look up; null for anything else (a port, "unknown", garbage). */
    private static InetAddress literal(String text) {
        try {
            return InetAddress.ofLiteral(text);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private record Range(byte[] network, int prefix) {

        static Range parse(String entry) {
            int slash = entry.indexOf('/');
            InetAddress address = literal(slash < 0 ? entry : entry.substring(0, slash));
            if (address == null) {
                throw new IllegalStateException("hotline.security.login.trusted-proxies: " + entry
                        + " is not an IP address or CIDR range");
            }
            int bits = address.getAddress().length * 8;
            int prefix;
            try {
                prefix = slash < 0 ? bits : Integer.parseInt(entry.substring(slash + 1));
            } catch (NumberFormatException e) {
                prefix = -1;
            }
            if (prefix < 0 || prefix > bits) {
                throw new IllegalStateException("hotline.security.login.trusted-proxies: " + entry
                        + " has no valid prefix length");
            }
            return new Range(address.getAddress(), prefix);
        }

        boolean contains(InetAddress address) {
            byte[] bytes = address.getAddress();
            if (bytes.length != network.length) {
                return false;
            }
            for (int bit = 0; bit < prefix; bit += 8) {
                int bitsHere = Math.min(8, prefix - bit);
                int mask = (0xff << (8 - bitsHere)) & 0xff;
                if ((bytes[bit / 8] & mask) != (network[bit / 8] & mask)) {
                    return false;
                }
            }
            return true;
        }
    }
}
