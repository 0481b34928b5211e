package com.hotlineops.core.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which address a login is counted under (decision 0037): X-Forwarded-For only behind a trusted proxy. */
class TrustedProxiesTests {

    private static InetAddress ip(String literal) {
        return InetAddress.ofLiteral(literal);
    }

    @Test
    void noTrustedProxiesThenTheHeaderIsIgnored() {
        TrustedProxies none = new TrustedProxies(List.of());
        assertThat(none.clientAddress(ip("127.0.0.1"), List.of("203.0.113.7"))).isEqualTo("127.0.0.1");
        assertThat(new TrustedProxies(List.of("", " ")).clientAddress(ip("10.1.2.3"), List.of("203.0.113.7")))
                .isEqualTo("10.1.2.3");
    }

    @Test
    void peerNotTrustedThenTheHeaderIsIgnored() {
        TrustedProxies proxies = new TrustedProxies(List.of("10.0.0.0/8"));
        assertThat(proxies.clientAddress(ip("192.0.2.9"), List.of("203.0.113.7"))).isEqualTo("192.0.2.9");
    }

    @Test
    void trustedPeerThenTheRightmostAddressThatIsNotATrustedProxy() {
        TrustedProxies proxies = new TrustedProxies(List.of("10.0.0.0/8", "::1"));
        assertThat(proxies.clientAddress(ip("10.0.0.5"), List.of("203.0.113.7"))).isEqualTo("203.0.113.7");
        // The client wrote 198.51.100.1 itself; the proxies appended 203.0.113.7 and their own 10.x hop.
        assertThat(proxies.clientAddress(ip("10.0.0.5"), List.of("198.51.100.1, 203.0.113.7", "10.9.9.9")))
                .isEqualTo("203.0.113.7");
        assertThat(proxies.clientAddress(ip("::1"), List.of("2001:db8::5"))).isEqualTo("2001:db8:0:0:0:0:0:5");
    }

    @Test
    void trustedPeerWithoutHeaderOrWithGarbageThenTheLastTrustedHop() {
        TrustedProxies proxies = new TrustedProxies(List.of("10.0.0.0/8"));
        assertThat(proxies.clientAddress(ip("10.0.0.5"), List.of())).isEqualTo("10.0.0.5");
        assertThat(proxies.clientAddress(ip("10.0.0.5"), List.of("203.0.113.7, unknown"))).isEqualTo("10.0.0.5");
        assertThat(proxies.clientAddress(ip("10.0.0.5"), List.of("evil.example, 10.0.0.6"))).isEqualTo("10.0.0.6");
    }

    @Test
    void prefixesMatchBitByBit() {
        TrustedProxies proxies = new TrustedProxies(List.of("172.16.0.0/12"));
        assertThat(proxies.trusts(ip("172.31.255.255"))).isTrue();
        assertThat(proxies.trusts(ip("172.32.0.0"))).isFalse();
        assertThat(proxies.trusts(ip("::ffff:ac10:1"))).isTrue();
        assertThat(new TrustedProxies(List.of("0.0.0.0/0")).trusts(ip("8.8.8.8"))).isTrue();
    }

    @Test
    void entryThatIsNoAddressThenRefusedAtStart() {
        assertThatThrownBy(() -> new TrustedProxies(List.of("proxy.internal")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("proxy.internal");
        assertThatThrownBy(() -> new TrustedProxies(List.of("10.0.0.0/33")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("prefix");
    }
}
