package com.hotlineops.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * The compose file and the Kubernetes manifests cannot run here (no container engine), so they are checked against
 * what the apps actually read: every variable they set is one an app's {@code application.yaml} knows, every app
 * gets the settings it has no safe default for, and the ports they publish are the ports the apps are told to use.
 */
class DeploymentFilesTests {

    private static final Path ROOT = Path.of(System.getProperty("hotline.root", "../.."));
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{(HOTLINE_[A-Z_]+)");
    /** Settings whose development default must never reach a deployment. */
    private static final Map<String, List<String>> REQUIRED = Map.of(
            "backend", List.of("HOTLINE_DB_HOST", "HOTLINE_DB_PASSWORD", "HOTLINE_REDIS_URL", "HOTLINE_JWT_SECRET",
                    "HOTLINE_EVIDENCE_DIR"),
            "mobile-api", List.of("HOTLINE_DB_HOST", "HOTLINE_DB_PASSWORD", "HOTLINE_REDIS_URL", "HOTLINE_JWT_SECRET",
                    "HOTLINE_EVIDENCE_DIR"),
            "dashboard-ui", List.of("HOTLINE_BACKEND_HOST", "HOTLINE_BACKEND_RSOCKET_HOST", "HOTLINE_WALL_PASSWORD",
                    "HOTLINE_WALL_KIOSK_TOKEN"));
    private static final Map<String, String> PORT_VARIABLES = Map.of(
            "HOTLINE_BACKEND_PORT", "backend", "HOTLINE_BACKEND_RSOCKET_PORT", "backend",
            "HOTLINE_MOBILE_PORT", "mobile-api", "HOTLINE_MOBILE_RSOCKET_PORT", "mobile-api",
            "HOTLINE_UI_PORT", "dashboard-ui");

    private static Set<String> known() throws IOException {
        Set<String> names = new HashSet<>();
        for (String yaml : List.of("backend/server", "mobile-api", "dashboard-ui")) {
            Matcher m = PLACEHOLDER.matcher(Files.readString(ROOT.resolve(yaml + "/src/main/resources/application.yaml")));
            while (m.find()) {
                names.add(m.group(1));
            }
        }
        return names;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> load(Path file) throws IOException {
        try (Reader r = Files.newBufferedReader(file)) {
            return (Map<String, Object>) new Yaml().load(r);
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> loadAll(Path file) throws IOException {
        List<Map<String, Object>> docs = new ArrayList<>();
        try (Reader r = Files.newBufferedReader(file)) {
            new Yaml().loadAll(r).forEach(d -> docs.add((Map<String, Object>) d));
        }
        return docs;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object o, String key) {
        return (Map<String, Object>) ((Map<String, Object>) o).get(key);
    }

    @Test
    @SuppressWarnings("unchecked")
    void composeSetsOnlyKnownVariablesGivesEachAppWhatItNeedsAndPublishesItsPorts() throws IOException {
        Set<String> known = known();
        Map<String, Object> services = map(load(ROOT.resolve("infra/compose.yaml")), "services");
        Map<String, String> apps = Map.of("backend-1", "backend", "backend-2", "backend", "mobile-api", "mobile-api",
                "dashboard-ui", "dashboard-ui");

        apps.forEach((service, app) -> {
            Map<String, Object> env = map(services.get(service), "environment");
            assertThat(env).as("environment of %s", service).isNotNull();
            env.keySet().stream().filter(k -> k.startsWith("HOTLINE_"))
                    .forEach(k -> assertThat(known).as("%s sets %s", service, k).contains(k));
            assertThat(env.keySet()).as("required settings of %s", service).containsAll(REQUIRED.get(app));
            List<String> published = ((List<Object>) ((Map<String, Object>) services.get(service)).get("ports"))
                    .stream().map(p -> p.toString().substring(p.toString().lastIndexOf(':') + 1)).toList();
            env.forEach((k, v) -> {
                if (app.equals(PORT_VARIABLES.get(k))) {
                    assertThat(published).as("%s publishes its %s", service, k).contains(v.toString());
                }
            });
        });
        String backendHost = (String) map(services.get("dashboard-ui"), "environment").get("HOTLINE_BACKEND_HOST");
        assertThat(services).as("the wall's backend is a compose service").containsKey(backendHost);
    }

    @Test
    @SuppressWarnings("unchecked")
    void kubernetesManifestsSetOnlyKnownVariablesGiveEachAppWhatItNeedsAndExposeItsPorts() throws IOException {
        Set<String> known = known();
        Map<String, Set<String>> fromConfig = new HashMap<>();
        Set<String> serviceNames = new HashSet<>();
        List<Map<String, Object>> deployments = new ArrayList<>();
        try (Stream<Path> files = Files.list(ROOT.resolve("infra/k8s"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
                for (Map<String, Object> doc : loadAll(file)) {
                    String name = (String) map(doc, "metadata").get("name");
                    switch ((String) doc.get("kind")) {
                        case "ConfigMap" -> fromConfig.put(name, map(doc, "data").keySet());
                        case "Secret" -> fromConfig.put(name, map(doc, "stringData").keySet());
                        case "Service" -> serviceNames.add(name);
                        case "Deployment" -> deployments.add(doc);
                        default -> { }
                    }
                }
            }
        }
        fromConfig.values().forEach(keys -> keys.forEach(k -> assertThat(known).as("config key %s", k).contains(k)));
        assertThat(deployments).hasSize(3);
        for (Map<String, Object> deployment : deployments) {
            Map<String, Object> container = ((List<Map<String, Object>>) map(map(map(deployment, "spec"), "template"),
                    "spec").get("containers")).get(0);
            String app = (String) container.get("name");
            Set<String> provided = new HashSet<>();
            Map<String, String> values = new HashMap<>();
            for (Map<String, Object> e : (List<Map<String, Object>>) container.get("env")) {
                provided.add((String) e.get("name"));
                if (e.get("value") != null) {
                    values.put((String) e.get("name"), e.get("value").toString());
                }
            }
            for (Map<String, Object> from : (List<Map<String, Object>>) container.getOrDefault("envFrom", List.of())) {
                from.values().forEach(ref -> provided.addAll(fromConfig.get((String) ((Map<String, Object>) ref)
                        .get("name"))));
            }
            provided.stream().filter(k -> k.startsWith("HOTLINE_"))
                    .forEach(k -> assertThat(known).as("%s sets %s", app, k).contains(k));
            assertThat(provided).as("required settings of %s", app).containsAll(REQUIRED.get(app));
            List<String> containerPorts = ((List<Map<String, Object>>) container.get("ports")).stream()
                    .map(p -> p.get("containerPort").toString()).toList();
            values.forEach((k, v) -> {
                if (app.equals(PORT_VARIABLES.get(k))) {
                    assertThat(containerPorts).as("%s exposes its %s", app, k).contains(v);
                }
                if (k.endsWith("_HOST")) {
                    assertThat(serviceNames).as("%s reaches %s through a Service", app, v).contains(v);
                }
            });
        }
    }
}
