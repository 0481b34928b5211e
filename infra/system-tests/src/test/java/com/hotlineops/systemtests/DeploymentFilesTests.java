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
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The compose file and the Kubernetes manifests cannot run here (no container engine), so they are checked against
 * what the apps actually read: every variable they set is one an app's {@code application.yaml} knows, every app
 * gets the settings it has no safe default for, and the ports they publish are the ports the apps are told to use.
 * The monitoring files likewise (decision 0030): Prometheus scrapes every app instance that compose and Kubernetes
 * run, on its port, with the credential the apps are given; every {@code hotline_*} series that an alert or the
 * Grafana dashboard reads is one the apps' code registers; Grafana reads compose's Prometheus.
 */
class DeploymentFilesTests {

    private static final Path ROOT = Path.of(System.getProperty("hotline.root", "../.."));
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{(HOTLINE_[A-Z_]+)");
    /** Settings whose development default must never reach a deployment. */
    private static final Map<String, List<String>> REQUIRED = Map.of(
            "backend", List.of("HOTLINE_DB_HOST", "HOTLINE_DB_PASSWORD", "HOTLINE_REDIS_URL", "HOTLINE_JWT_SECRET",
                    "HOTLINE_EVIDENCE_DIR", "HOTLINE_METRICS_TOKEN"),
            "mobile-api", List.of("HOTLINE_DB_HOST", "HOTLINE_DB_PASSWORD", "HOTLINE_REDIS_URL", "HOTLINE_JWT_SECRET",
                    "HOTLINE_EVIDENCE_DIR", "HOTLINE_METRICS_TOKEN"),
            "dashboard-ui", List.of("HOTLINE_BACKEND_HOST", "HOTLINE_BACKEND_RSOCKET_HOST", "HOTLINE_WALL_PASSWORD",
                    "HOTLINE_WALL_KIOSK_TOKEN", "HOTLINE_METRICS_TOKEN"));
    private static final Map<String, String> PORT_VARIABLES = Map.of(
            "HOTLINE_BACKEND_PORT", "backend", "HOTLINE_BACKEND_RSOCKET_PORT", "backend",
            "HOTLINE_MOBILE_PORT", "mobile-api", "HOTLINE_MOBILE_RSOCKET_PORT", "mobile-api",
            "HOTLINE_UI_PORT", "dashboard-ui");

    /** Each app's Prometheus job, and the variable that sets the HTTP port its metrics are on. */
    private static final Map<String, String> SCRAPE_JOBS = Map.of(
            "hotline-backend", "backend", "hotline-mobile-api", "mobile-api", "hotline-dashboard-ui", "dashboard-ui");
    private static final Map<String, String> HTTP_PORT = Map.of(
            "backend", "HOTLINE_BACKEND_PORT", "mobile-api", "HOTLINE_MOBILE_PORT", "dashboard-ui", "HOTLINE_UI_PORT");
    /** The modules whose code registers meters, and the apps that run that code. */
    private static final Map<String, List<String>> METER_SOURCES = Map.of(
            "backend/core", List.of("backend", "mobile-api"), "backend/server", List.of("backend"),
            "mobile-api", List.of("mobile-api"), "dashboard-ui", List.of("dashboard-ui"));
    /** A Micrometer builder with a literal hotline.* name: how every meter of ours is registered. */
    private static final Pattern METER = Pattern.compile(
            "\\b(Counter|FunctionCounter|Gauge|MultiGauge|TimeGauge|Timer|DistributionSummary)\\.builder\\(\\s*"
                    + "\"(hotline\\.[^\"]*)\"");
    private static final Pattern BASE_UNIT = Pattern.compile("\\.baseUnit\\(\\s*\"([a-z]+)\"\\s*\\)");
    private static final Pattern SERIES = Pattern.compile("\\bhotline_[a-z0-9_]+");
    private static final Pattern METER_NAME = Pattern.compile("hotline(\\.[a-z][a-z0-9]*)+");
    private static final JsonMapper JSON = JsonMapper.builder().build();

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

    /**
     * The series Prometheus gets from the hotline.* meters the apps' code registers, each with the module that
     * registers it, read from the registrations themselves (a builder with the literal name, up to its
     * {@code register}): the name, the meter type and the base unit decide the series as Micrometer's Prometheus
     * registry names them. The apps' metrics integration tests check that these registrations show in a real scrape.
     */
    private static Map<String, String> registeredSeries() throws IOException {
        Map<String, String> series = new TreeMap<>();
        for (String module : METER_SOURCES.keySet()) {
            List<Path> sources;
            try (Stream<Path> files = Files.walk(ROOT.resolve(module).resolve("src/main/java"))) {
                sources = files.filter(f -> f.toString().endsWith(".java")).toList();
            }
            for (Path source : sources) {
                String code = Files.readString(source);
                Matcher m = METER.matcher(code);
                while (m.find()) {
                    String name = m.group(2);
                    assertThat(name).as("meter name in %s", source).matches(METER_NAME);
                    int register = code.indexOf(".register(", m.end());
                    assertThat(register).as("%s is registered in %s", name, source).isPositive();
                    Matcher unit = BASE_UNIT.matcher(code.substring(m.end(), register));
                    String base = name.replace('.', '_') + (unit.find() ? "_" + unit.group(1) : "");
                    List<String> names = switch (m.group(1)) {
                        case "Counter", "FunctionCounter" -> List.of(base + "_total");
                        case "Gauge", "MultiGauge" -> List.of(base);
                        case "TimeGauge" -> List.of(base + "_seconds");
                        case "Timer" -> List.of(base + "_seconds_count", base + "_seconds_sum", base + "_seconds_max",
                                base + "_seconds_bucket");
                        default -> List.of(base + "_count", base + "_sum", base + "_max", base + "_bucket");
                    };
                    names.forEach(n -> series.put(n, module));
                }
            }
        }
        return series;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> alertRules() throws IOException {
        List<Map<String, Object>> rules = new ArrayList<>();
        for (Object group : (List<Object>) load(ROOT.resolve("infra/prometheus/alerts.yml")).get("groups")) {
            rules.addAll((List<Map<String, Object>>) ((Map<String, Object>) group).get("rules"));
        }
        return rules;
    }

    private static JsonNode dashboard() throws IOException {
        return JSON.readTree(Files.readString(ROOT.resolve("infra/grafana/dashboards/hotline-ops.json")));
    }

    /** Every PromQL expression of the dashboard's panels. */
    private static List<String> dashboardExpressions(JsonNode node) {
        List<String> expressions = new ArrayList<>();
        if (node.isObject()) {
            node.properties().forEach(e -> {
                if (e.getKey().equals("expr") && e.getValue().isString()) {
                    expressions.add(e.getValue().asString());
                } else {
                    expressions.addAll(dashboardExpressions(e.getValue()));
                }
            });
        } else if (node.isArray()) {
            node.forEach(n -> expressions.addAll(dashboardExpressions(n)));
        }
        return expressions;
    }

    private static Set<String> seriesIn(String expression) {
        Set<String> names = new TreeSet<>();
        Matcher m = SERIES.matcher(expression);
        while (m.find()) {
            names.add(m.group());
        }
        return names;
    }

    @Test
    void everyHotlineSeriesThatTheAlertsAndTheDashboardReadIsOneTheCodeRegisters() throws IOException {
        Map<String, String> registered = registeredSeries();
        assertThat(new HashSet<>(registered.values())).as("modules registering meters")
                .containsExactlyInAnyOrderElementsOf(METER_SOURCES.keySet());

        Map<String, Set<String>> read = new TreeMap<>();
        for (Map<String, Object> rule : alertRules()) {
            seriesIn(String.valueOf(rule.get("expr")))
                    .forEach(n -> read.computeIfAbsent(n, k -> new TreeSet<>()).add("alert " + rule.get("alert")));
        }
        List<String> panels = dashboardExpressions(dashboard());
        assertThat(panels).as("the dashboard's queries").isNotEmpty();
        panels.forEach(e -> seriesIn(e).forEach(n -> read.computeIfAbsent(n, k -> new TreeSet<>()).add("dashboard")));

        read.forEach((series, readers) -> assertThat(registered).as("%s, read by %s", series, readers)
                .containsKey(series));
        Set<String> shownApps = new TreeSet<>();
        read.keySet().forEach(n -> shownApps.addAll(METER_SOURCES.get(registered.get(n))));
        assertThat(shownApps).as("apps whose own meters are read").containsExactlyInAnyOrderElementsOf(
                SCRAPE_JOBS.values());
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyAlertSaysInPlainWordsWhatIsWrongAndHowBad() throws IOException {
        List<Map<String, Object>> rules = alertRules();

        assertThat(rules).extracting(r -> r.get("alert")).doesNotHaveDuplicates().contains("HotlineAppDown",
                "HotlineOutboxLagging", "HotlineWebhookDeliveriesFailing", "HotlineWallFramesStopped",
                "HotlineSlaSweeperStale", "HotlineHttp5xxRate");
        for (Map<String, Object> rule : rules) {
            String name = (String) rule.get("alert");
            assertThat(name).as("alert name").matches("Hotline[A-Z][A-Za-z0-9]+");
            assertThat((String) rule.get("expr")).as("expr of %s", name).isNotBlank();
            assertThat((Map<String, Object>) rule.get("labels")).as("labels of %s", name)
                    .extractingByKey("severity").isIn("critical", "warning");
            Map<String, Object> annotations = (Map<String, Object>) rule.get("annotations");
            assertThat((String) annotations.get("summary")).as("summary of %s", name).isNotBlank();
            assertThat(((String) annotations.get("description")).split("\\s+")).as("description of %s", name)
                    .hasSizeGreaterThan(20);
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void prometheusScrapesEveryAppInstanceOfComposeAndKubernetesOnItsPortWithTheAppsCredential() throws IOException {
        Map<String, Object> prometheus = load(ROOT.resolve("infra/prometheus/prometheus.yml"));
        Map<String, Object> compose = load(ROOT.resolve("infra/compose.yaml"));
        Map<String, Object> services = map(compose, "services");
        Map<String, Object> promService = map(services, "prometheus");
        List<String> promMounts = (List<String>) promService.get("volumes");

        // The rule files and the credential are where the compose Prometheus has them.
        for (Object ruleFile : (List<Object>) prometheus.get("rule_files")) {
            String file = Path.of(ruleFile.toString()).getFileName().toString();
            assertThat(promMounts).as("rule file %s mounted", ruleFile).contains("./prometheus/" + file + ":" + ruleFile
                    + ":ro");
            assertThat(ROOT.resolve("infra/prometheus").resolve(file)).exists();
        }
        assertThat((List<String>) promService.get("ports")).as("Prometheus answers anyone: host loopback only")
                .allSatisfy(p -> assertThat(p).startsWith("127.0.0.1:"));
        Map<String, Object> secrets = map(compose, "secrets");
        assertThat((List<Object>) promService.get("secrets")).hasSize(1);
        String secret = ((List<Object>) promService.get("secrets")).getFirst().toString();
        assertThat(map(secrets, secret)).as("the compose secret comes from the apps' variable")
                .containsEntry("environment", "HOTLINE_METRICS_TOKEN");

        // Each app's instances: compose services running its image, and the Kubernetes Services without a cluster
        // IP that select its pods.
        Map<String, Set<String>> composeNames = new HashMap<>();
        Map<String, String> composePorts = new HashMap<>();
        services.forEach((name, definition) -> {
            Object image = ((Map<String, Object>) definition).get("image");
            String app = image == null ? null : switch (image.toString()) {
                case "hotline/backend" -> "backend";
                case "hotline/mobile-api" -> "mobile-api";
                case "hotline/dashboard-ui" -> "dashboard-ui";
                default -> null;
            };
            if (app != null) {
                composeNames.computeIfAbsent(app, a -> new TreeSet<>()).add(name);
                composePorts.put(name, map(definition, "environment").get(HTTP_PORT.get(app)).toString());
            }
        });
        Map<String, String> podsServices = new HashMap<>();
        Map<String, Integer> podsServicePorts = new HashMap<>();
        Map<String, Set<String>> containerPorts = new HashMap<>();
        try (Stream<Path> files = Files.list(ROOT.resolve("infra/k8s"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
                for (Map<String, Object> doc : loadAll(file)) {
                    Map<String, Object> spec = map(doc, "spec");
                    if ("Service".equals(doc.get("kind")) && "None".equals(spec.get("clusterIP"))) {
                        String app = map(spec, "selector").get("app").toString().replaceFirst("^hotline-", "");
                        String name = map(doc, "metadata").get("name").toString();
                        assertThat(spec.get("publishNotReadyAddresses")).as("%s lists unready pods", name)
                                .isEqualTo(true);
                        Map<String, Object> port = ((List<Map<String, Object>>) spec.get("ports")).getFirst();
                        assertThat(port.get("targetPort")).as("%s targets the http port", name).isEqualTo("http");
                        podsServices.put(app, name);
                        podsServicePorts.put(name, (Integer) port.get("port"));
                    }
                    if ("Deployment".equals(doc.get("kind"))) {
                        Map<String, Object> container = ((List<Map<String, Object>>) map(map(spec, "template"),
                                "spec").get("containers")).getFirst();
                        String app = container.get("name").toString();
                        assertThat(map(map(map(spec, "template"), "metadata"), "labels").get("app"))
                                .isEqualTo("hotline-" + app);
                        for (Map<String, Object> p : (List<Map<String, Object>>) container.get("ports")) {
                            if ("http".equals(p.get("name"))) {
                                containerPorts.computeIfAbsent(app, a -> new TreeSet<>())
                                        .add(p.get("containerPort").toString());
                            }
                        }
                    }
                }
            }
        }

        Set<String> jobs = new TreeSet<>();
        for (Map<String, Object> job : (List<Map<String, Object>>) prometheus.get("scrape_configs")) {
            String app = SCRAPE_JOBS.get(job.get("job_name").toString());
            if (app == null) {
                continue;
            }
            jobs.add(job.get("job_name").toString());
            assertThat(job.get("metrics_path")).isEqualTo("/actuator/prometheus");
            assertThat(map(job, "authorization")).as("credential of %s", app).containsEntry("type", "Bearer")
                    .containsEntry("credentials_file", "/run/secrets/" + secret);
            List<Map<String, Object>> dns = (List<Map<String, Object>>) job.get("dns_sd_configs");
            assertThat(dns).as("DNS discovery of %s", app).hasSize(1);
            Set<String> names = new TreeSet<>((List<String>) dns.getFirst().get("names"));
            String port = dns.getFirst().get("port").toString();

            Set<String> expected = new TreeSet<>(composeNames.getOrDefault(app, Set.of()));
            expected.add(podsServices.get(app));
            assertThat(names).as("the instances of %s, as compose and Kubernetes name them", app)
                    .isEqualTo(expected);
            composeNames.get(app).forEach(service -> assertThat(composePorts.get(service))
                    .as("compose %s listens where %s is scraped", service, job.get("job_name")).isEqualTo(port));
            assertThat(podsServicePorts.get(podsServices.get(app)).toString()).as("Kubernetes port of %s", app)
                    .isEqualTo(port);
            assertThat(containerPorts.get(app)).as("container http port of %s", app).containsExactly(port);
        }
        assertThat(jobs).as("one job per app").containsExactlyInAnyOrderElementsOf(SCRAPE_JOBS.keySet());
    }

    @Test
    @SuppressWarnings("unchecked")
    void grafanaReadsComposesPrometheusAndProvisionsTheHotlineOpsDashboard() throws IOException {
        Map<String, Object> compose = load(ROOT.resolve("infra/compose.yaml"));
        Map<String, Object> grafana = map(map(compose, "services"), "grafana");
        List<String> mounts = (List<String>) grafana.get("volumes");
        assertThat(mounts).contains("./grafana/provisioning:/etc/grafana/provisioning:ro");
        assertThat(map(grafana, "environment")).as("no anonymous Grafana")
                .containsEntry("GF_AUTH_ANONYMOUS_ENABLED", "false");
        assertThat((List<String>) grafana.get("ports")).allSatisfy(p -> assertThat(p).startsWith("127.0.0.1:"));

        Map<String, Object> datasource = ((List<Map<String, Object>>) load(
                ROOT.resolve("infra/grafana/provisioning/datasources/prometheus.yaml")).get("datasources")).getFirst();
        assertThat(datasource).containsEntry("type", "prometheus");
        String prometheusPort = ((List<String>) map(map(compose, "services"), "prometheus").get("ports")).getFirst();
        assertThat(datasource.get("url")).as("compose's Prometheus on its container port")
                .isEqualTo("http://prometheus:" + prometheusPort.substring(prometheusPort.lastIndexOf(':') + 1));

        Map<String, Object> provider = ((List<Map<String, Object>>) load(
                ROOT.resolve("infra/grafana/provisioning/dashboards/hotline.yaml")).get("providers")).getFirst();
        assertThat(mounts).as("the dashboards mounted where the provider reads them")
                .contains("./grafana/dashboards:" + map(provider, "options").get("path") + ":ro");

        JsonNode dashboard = dashboard();
        assertThat(dashboard.get("title").asString()).isEqualTo("Hotline Ops");
        List<String> sources = new ArrayList<>();
        dashboard.get("panels").forEach(panel -> {
            sources.add(panel.path("datasource").path("uid").asString(""));
            panel.path("targets").forEach(t -> sources.add(t.path("datasource").path("uid").asString("")));
        });
        assertThat(sources).as("every panel reads the provisioned data source")
                .allSatisfy(uid -> assertThat(uid).isIn("", datasource.get("uid")))
                .contains(datasource.get("uid").toString());
    }

    @Test
    void everyDeploymentYamlAndJsonFileParses() throws IOException {
        List<Path> files = new ArrayList<>(List.of(ROOT.resolve("infra/compose.yaml")));
        for (String dir : List.of("infra/k8s", "infra/prometheus", "infra/grafana")) {
            try (Stream<Path> walk = Files.walk(ROOT.resolve(dir))) {
                walk.filter(f -> f.toString().matches(".*\\.(ya?ml|json)$")).forEach(files::add);
            }
        }
        assertThat(files).hasSizeGreaterThanOrEqualTo(10);
        for (Path file : files) {
            if (file.toString().endsWith(".json")) {
                assertThat(JSON.readTree(Files.readString(file)).isObject()).as("%s", file).isTrue();
            } else {
                assertThat(loadAll(file)).as("%s", file).isNotEmpty().doesNotContainNull();
            }
        }
    }
}
