package com.hotlineops.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The ports the system tests and benchmarks start the apps on ({@link EmbeddedServices#freePort()}). */
class FreePortTests {

    @Test
    void portsAreFreeDistinctAndBelowTheEphemeralRangeSoNoOutgoingConnectionTakesThemMeanwhile() throws IOException {
        int ephemeralFrom = Integer.parseInt(
                Files.readAllLines(Path.of("/proc/sys/net/ipv4/ip_local_port_range")).getFirst().trim().split("\\s+")[0]);
        Set<Integer> ports = new HashSet<>();
        for (int i = 0; i < 50; i++) {
            int port = EmbeddedServices.freePort();
            assertThat(port).isBetween(20_000, ephemeralFrom - 1);
            assertThat(ports.add(port)).as("port %d handed out twice", port).isTrue();
            try (ServerSocket s = new ServerSocket(port)) {
                assertThat(s.isBound()).isTrue();
            }
        }
    }

    @Test
    void aPortInUseIsNotHandedOut() throws IOException {
        int port = EmbeddedServices.freePort();
        try (ServerSocket listening = new ServerSocket(0)) {
            // Whatever else it hands out, never a port someone is listening on.
            for (int i = 0; i < 50; i++) {
                assertThat(EmbeddedServices.freePort()).isNotEqualTo(listening.getLocalPort()).isNotEqualTo(port);
            }
        }
    }
}
