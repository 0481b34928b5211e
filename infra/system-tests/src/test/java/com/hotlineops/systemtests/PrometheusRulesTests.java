package com.hotlineops.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The monitoring files as Prometheus itself reads them, with its own {@code promtool} (Debian's {@code prometheus}
 * package; {@code .ci/run} installs it): the alert rules load, their unit tests ({@code alerts-test.yml}) pass, and the
 * scrape configuration is valid with the files in the places compose mounts them. {@link DeploymentFilesTests} checks
 * what these files name against the apps; this checks that Prometheus accepts them and that each alert fires when,
 * and only when, its test says.
 */
class PrometheusRulesTests {

    private static final Path PROMETHEUS = Path.of(System.getProperty("hotline.root", "../.."), "infra", "prometheus");

    @Test
    void alertRulesLoad() throws Exception {
        assertThat(promtool(PROMETHEUS, "check", "rules", "alerts.yml")).contains("SUCCESS");
    }

    @Test
    void everyAlertFiresWhenAndOnlyWhenItsUnitTestSays() throws Exception {
        assertThat(promtool(PROMETHEUS, "test", "rules", "alerts-test.yml")).contains("SUCCESS");
    }

    /**
     * The configuration names the rules and the scrape credential at the paths compose mounts them
     * ({@code /etc/prometheus/alerts.yml}, {@code /run/secrets/hotline-metrics-token}); here they are put beside a copy
     * of it instead, which is the only change made to it.
     */
    @Test
    void scrapeConfigurationIsValidWithTheFilesWhereComposeMountsThem(@TempDir Path dir) throws Exception {
        String config = Files.readString(PROMETHEUS.resolve("prometheus.yml"));
        assertThat(config).contains("/etc/prometheus/alerts.yml", "/run/secrets/hotline-metrics-token");
        Files.copy(PROMETHEUS.resolve("alerts.yml"), dir.resolve("alerts.yml"));
        Files.writeString(dir.resolve("hotline-metrics-token"), "test-scrape-credential");
        Files.writeString(dir.resolve("prometheus.yml"), config
                .replace("/etc/prometheus/alerts.yml", dir.resolve("alerts.yml").toString())
                .replace("/run/secrets/hotline-metrics-token", dir.resolve("hotline-metrics-token").toString()));

        assertThat(promtool(dir, "check", "config", "prometheus.yml")).contains("SUCCESS", "rules found");
    }

    /** Runs promtool in {@code dir}; fails the test with promtool's own words when it reports a problem. */
    private static String promtool(Path dir, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("promtool"));
        command.addAll(List.of(args));
        Process p;
        try {
            p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new IllegalStateException("promtool is not installed: apt-get install prometheus (README)", e);
        }
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException("promtool " + String.join(" ", args) + " did not finish in 60 s");
        }
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.exitValue()).as("promtool %s:%n%s", String.join(" ", args), output).isZero();
        return output;
    }
}
