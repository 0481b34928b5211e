package com.hotlineops.server.partner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.hotlineops.contract.partner.PartnerCredentials;
import com.hotlineops.contract.partner.StatusCallback;
import com.hotlineops.contract.ticket.Channel;
import com.hotlineops.contract.ticket.IntakeResult;
import com.hotlineops.server.BackendIntegrationTest;
import java.io.IOException;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;

/**
 * The partner integration guide ({@code docs/partners.md}, issue #7) says what the API does: its intake request is
 * accepted and answered in the shape it shows, a repeat answers the same ticket, a disabled partner gets its problem,
 * its change of a partner is accepted as shown, its callback example is byte for byte what the deliverer sends and
 * signs, and its Java, Python and shell verification snippets accept real callbacks and refuse forged ones. Examples
 * are the fenced blocks after a {@code <!-- guide-example: NAME -->} line.
 */
class PartnerGuideIntegrationTests extends BackendIntegrationTest {

    private static final Path GUIDE = Path.of(System.getProperty("hotline.root", "../.."), "docs", "partners.md");
    private static final Pattern EXAMPLE = Pattern.compile(
            "<!-- guide-example: ([a-z-]+) -->\\s*\\n```[a-z]*\\n(.*?)\\n```", Pattern.DOTALL);
    /** The example secrets the guide signs its callback example with. */
    private static final String SECRET = "kQ3v8Zp1xN4mT7sW0yB6cF9hJ2lR5uD8gA1eK4oP7iS";
    private static final String OLD_SECRET = "Vb2n5Qm8rT1wY4zC7eH0kL3pS6uX9aD2fG5jN8qR1tU";

    @TempDir
    Path dir;

    @RegisterExtension
    final WebhookReceiver receiver = new WebhookReceiver();

    private static Map<String, String> examples() throws IOException {
        String guide = Files.readString(GUIDE);
        Map<String, String> examples = new LinkedHashMap<>();
        Matcher m = EXAMPLE.matcher(guide);
        while (m.find()) {
            examples.put(m.group(1), m.group(2));
        }
        return examples;
    }

    private static String example(String name) throws IOException {
        String example = examples().get(name);
        assertThat(example).as("guide example %s", name).isNotNull();
        return example;
    }

    /** The guide's callback example: its headers, and its body exactly as written. */
    private record CallbackExample(Map<String, String> headers, String body) {
    }

    private static CallbackExample callbackExample() throws IOException {
        String[] lines = example("callback-request").split("\n");
        Map<String, String> headers = new LinkedHashMap<>();
        int i = 1;
        for (; !lines[i].isEmpty(); i++) {
            String[] kv = lines[i].split(": ", 2);
            headers.put(kv[0], kv[1]);
        }
        return new CallbackExample(headers, lines[i + 1]);
    }

    private static long timestampOf(String signatureHeader) {
        return Long.parseLong(signatureHeader.split(",")[0].substring(2));
    }

    /** Every field path of a JSON document ({@code ticket.overlays.tags[]} …), to compare shapes. */
    private static TreeSet<String> paths(JsonNode node, String prefix, TreeSet<String> into) {
        if (node.isObject()) {
            node.properties().forEach(e -> {
                String path = prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey();
                into.add(path);
                paths(e.getValue(), path, into);
            });
        } else if (node.isArray()) {
            into.add(prefix + "[]");
            node.valueStream().forEach(v -> paths(v, prefix + "[]", into));
        }
        return into;
    }

    private PartnerCredentials partner(List<Channel> channels) {
        return PartnerFixtures.register(http, token(http, "admin"), PartnerFixtures.uniqueName("city-app"), channels,
                receiver.url());
    }

    private WebTestClient.ResponseSpec submit(String apiKey, String body) {
        return http.post().uri("/api/v1/intake").header("X-Api-Key", apiKey).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body).exchange();
    }

    /** A real callback: the guide's request submitted by a partner whose webhook is the receiver. */
    private WebhookReceiver.Received realCallback(PartnerCredentials p) throws IOException {
        JsonNode request = json.readTree(example("intake-request"));
        ((tools.jackson.databind.node.ObjectNode) request).put("externalId", "APP-" + UUID.randomUUID());
        IntakeResult created = submit(p.apiKey(), json.writeValueAsString(request)).expectStatus().isCreated()
                .expectBody(IntakeResult.class).returnResult().getResponseBody();
        await().atMost(Duration.ofSeconds(10))
                .until(() -> !receiver.forTicket(json, created.ticket().number()).isEmpty());
        return receiver.forTicket(json, created.ticket().number()).getFirst();
    }

    @Test
    void intakeExampleCreatesATicketShapedAsTheGuideShowsAndItsRepeatAnswersTheSameTicket() throws IOException {
        String curl = example("intake-curl");
        assertThat(curl).contains("/api/v1/intake").contains("-H \"X-Api-Key: $HOTLINE_API_KEY\"")
                .contains("-H 'Content-Type: application/json'");
        JsonNode documented = json.readTree(example("intake-response"));
        JsonNode request = json.readTree(example("intake-request"));
        String externalId = "APP-" + UUID.randomUUID();
        ((tools.jackson.databind.node.ObjectNode) request).put("externalId", externalId);
        PartnerCredentials p = partner(List.of(Channel.valueOf(request.get("channel").asString())));

        String first = submit(p.apiKey(), json.writeValueAsString(request)).expectStatus().isCreated()
                .expectBody(String.class).returnResult().getResponseBody();
        JsonNode created = json.readTree(first);
        assertThat(paths(created, "", new TreeSet<>())).isEqualTo(paths(documented, "", new TreeSet<>()));
        assertThat(created.get("created").asBoolean()).isTrue();
        for (String field : List.of("channel", "status", "grade", "title", "content", "categoryCode", "location",
                "citizenPhoneMasked", "version")) {
            assertThat(created.get("ticket").get(field)).as(field).isEqualTo(documented.get("ticket").get(field));
        }
        assertThat(created.get("ticket").get("number").asString()).matches("\\d{14}");

        JsonNode repeat = json.readTree(submit(p.apiKey(), json.writeValueAsString(request)).expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody());
        assertThat(repeat.get("created").asBoolean()).isFalse();
        assertThat(repeat.get("ticket").get("id")).isEqualTo(created.get("ticket").get("id"));
    }

    @Test
    void disabledProblemOfTheGuideIsWhatADisabledPartnerGets() throws IOException {
        JsonNode documented = json.readTree(example("problem-disabled"));
        PartnerCredentials p = partner(List.of(Channel.CITY_APP));
        http.post().uri("/api/v1/admin/partners/" + p.partner().id() + "/disable")
                .headers(h -> h.setBearerAuth(token(http, "admin"))).exchange().expectStatus().isOk();
        String answer = submit(p.apiKey(), example("intake-request")).expectStatus().isForbidden()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody(String.class).returnResult().getResponseBody();
        JsonNode problem = json.readTree(answer);
        assertThat(paths(problem, "", new TreeSet<>())).isEqualTo(paths(documented, "", new TreeSet<>()));
        assertThat(problem.get("status")).isEqualTo(documented.get("status"));
        assertThat(problem.get("title")).isEqualTo(documented.get("title"));
        assertThat(problem.get("detail").asString()).isEqualTo(documented.get("detail").asString()
                .replace("Partner city-app ", "Partner " + p.partner().name() + " "));
        assertThat(problem.get("instance").asString()).endsWith("/api/v1/intake");
    }

    @Test
    void changeExampleOfTheGuideIsAcceptedAsTheCurlSendsItAndChangesWhatItSays() throws IOException {
        JsonNode documented = json.readTree(example("admin-change"));
        PartnerCredentials p = partner(List.of(Channel.CITY_APP));
        JsonNode changed = json.readTree(http.patch().uri("/api/v1/admin/partners/" + p.partner().id())
                .headers(h -> h.setBearerAuth(token(http, "admin"))).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(example("admin-change")).exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody());
        assertThat(changed.get("channels")).isEqualTo(documented.get("channels"));
        assertThat(changed.get("webhookUrl")).isEqualTo(documented.get("webhookUrl"));
        assertThat(changed.get("name").asString()).isEqualTo(p.partner().name());
    }

    @Test
    void callbackExampleIsByteForByteWhatTheDelivererSendsAndSigns() throws IOException {
        String guide = Files.readString(GUIDE);
        assertThat(guide).contains(SECRET).contains(OLD_SECRET);
        CallbackExample example = callbackExample();
        byte[] body = example.body().getBytes(StandardCharsets.UTF_8);
        StatusCallback callback = json.readValue(body, StatusCallback.class);
        assertThat(json.writeValueAsString(callback)).isEqualTo(example.body());
        String signature = example.headers().get(WebhookSignature.HEADER);
        long t = timestampOf(signature);
        assertThat(signature).isEqualTo(WebhookSignature.header(SECRET, t, body));
        assertThat(example.headers().get(WebhookSignature.EVENT_ID_HEADER)).isEqualTo(callback.eventId());
        assertThat(example("callback-signature-during-rotation"))
                .isEqualTo(WebhookSignature.HEADER + ": " + WebhookSignature.header(SECRET, OLD_SECRET, t, body));
        assertThat(guide).contains("f86cadd0929d36ca0c1ac37c5f8420a74299ee368ba754bda16708bb535232dc")
                .contains("`1795745731`");

        PartnerCredentials p = partner(List.of(Channel.CITY_APP));
        WebhookReceiver.Received real = realCallback(p);
        assertThat(real.contentType()).isEqualTo(example.headers().get("Content-Type"));
        assertThat(real.userAgent()).isEqualTo(example.headers().get("User-Agent"));
        assertThat(paths(real.json(json), "", new TreeSet<>()))
                .isEqualTo(paths(json.readTree(example.body()), "", new TreeSet<>()));
        assertThat(example.headers().keySet()).containsExactlyInAnyOrder("Content-Type", "User-Agent",
                WebhookSignature.EVENT_ID_HEADER, WebhookSignature.HEADER);
    }

    @Test
    void javaVerifierOfTheGuideAcceptsRealAndExampleCallbacksAndRefusesForgedOrStaleOnes() throws Exception {
        Path source = dir.resolve("HotlineSignature.java");
        Files.writeString(source, example("verify-java"));
        int compiled = ToolProvider.getSystemJavaCompiler().run(null, null, null, "-d", dir.toString(),
                source.toString());
        assertThat(compiled).as("the guide's Java snippet compiles").isZero();
        try (URLClassLoader loader = new URLClassLoader(new URL[] {dir.toUri().toURL()}, null)) {
            Method verify = loader.loadClass("HotlineSignature").getMethod("verify", String.class, String.class,
                    byte[].class, long.class);
            PartnerCredentials p = partner(List.of(Channel.CITY_APP));
            WebhookReceiver.Received real = realCallback(p);
            long now = Instant.now().getEpochSecond();
            assertThat(verify.invoke(null, p.webhookSecret(), real.signature(), real.body(), now)).isEqualTo(true);
            assertThat(verify.invoke(null, SECRET, real.signature(), real.body(), now)).isEqualTo(false);
            byte[] tampered = new String(real.body(), StandardCharsets.UTF_8).replace("PENDING_DISPATCH", "CLOSED")
                    .getBytes(StandardCharsets.UTF_8);
            assertThat(verify.invoke(null, p.webhookSecret(), real.signature(), tampered, now)).isEqualTo(false);
            assertThat(verify.invoke(null, p.webhookSecret(), real.signature(), real.body(), now + 301))
                    .isEqualTo(false);
            assertThat(verify.invoke(null, p.webhookSecret(), null, real.body(), now)).isEqualTo(false);

            CallbackExample example = callbackExample();
            byte[] body = example.body().getBytes(StandardCharsets.UTF_8);
            String signature = example.headers().get(WebhookSignature.HEADER);
            long t = timestampOf(signature);
            assertThat(verify.invoke(null, SECRET, signature, body, t)).isEqualTo(true);
            String rotation = example("callback-signature-during-rotation").substring(
                    WebhookSignature.HEADER.length() + 2);
            assertThat(verify.invoke(null, SECRET, rotation, body, t)).isEqualTo(true);
            assertThat(verify.invoke(null, OLD_SECRET, rotation, body, t)).isEqualTo(true);
            assertThat(verify.invoke(null, "another", rotation, body, t)).isEqualTo(false);
        }
    }

    private static boolean available(String... command) {
        try {
            return new ProcessBuilder(command).redirectErrorStream(true).start().waitFor(10, TimeUnit.SECONDS);
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    private String run(Map<String, String> env, String... command) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
        builder.environment().putAll(env);
        Process process = builder.start();
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    }

    @Test
    void pythonVerifierOfTheGuideAcceptsTheExampleAndARealCallbackAndRefusesForgedOrStaleOnes() throws Exception {
        assumeTrue(available("python3", "--version"), "python3 is not installed");
        Path script = dir.resolve("verify.py");
        Files.writeString(script, example("verify-python") + """


                import sys
                body = open(sys.argv[3], "rb").read()
                print(verify(sys.argv[1], sys.argv[2], body, float(sys.argv[4])))
                """);
        CallbackExample example = callbackExample();
        Files.writeString(dir.resolve("example.json"), example.body());
        String signature = example.headers().get(WebhookSignature.HEADER);
        String t = Long.toString(timestampOf(signature));
        String rotation = example("callback-signature-during-rotation").substring(WebhookSignature.HEADER.length() + 2);
        Map<String, String> none = Map.of();
        assertThat(run(none, "python3", script.toString(), SECRET, signature, "example.json", t)).isEqualTo("True");
        assertThat(run(none, "python3", script.toString(), OLD_SECRET, signature, "example.json", t))
                .isEqualTo("False");
        assertThat(run(none, "python3", script.toString(), OLD_SECRET, rotation, "example.json", t))
                .isEqualTo("True");
        assertThat(run(none, "python3", script.toString(), SECRET, signature, "example.json",
                Long.toString(timestampOf(signature) + 301))).isEqualTo("False");

        PartnerCredentials p = partner(List.of(Channel.CITY_APP));
        WebhookReceiver.Received real = realCallback(p);
        Files.write(dir.resolve("real.json"), real.body());
        String now = Long.toString(Instant.now().getEpochSecond());
        assertThat(run(none, "python3", script.toString(), p.webhookSecret(), real.signature(), "real.json", now))
                .isEqualTo("True");
        Files.writeString(dir.resolve("forged.json"), new String(real.body(), StandardCharsets.UTF_8)
                .replace("PENDING_DISPATCH", "CLOSED"));
        assertThat(run(none, "python3", script.toString(), p.webhookSecret(), real.signature(), "forged.json", now))
                .isEqualTo("False");
    }

    @Test
    void shellCheckOfTheGuideAcceptsTheExampleAndARealCallbackAndRefusesForgedOrStaleOnes() throws Exception {
        assumeTrue(available("openssl", "version") && available("bash", "--version"), "openssl or bash is missing");
        String check = example("verify-shell");
        CallbackExample example = callbackExample();
        String signature = example.headers().get(WebhookSignature.HEADER);
        String t = Long.toString(timestampOf(signature));
        Files.writeString(dir.resolve("body.json"), example.body());
        assertThat(run(Map.of("SECRET", SECRET, "SIG", signature, "NOW", t), "bash", "-c", check)).isEqualTo("valid");
        assertThat(run(Map.of("SECRET", OLD_SECRET, "SIG", signature, "NOW", t), "bash", "-c", check))
                .isEqualTo("invalid");
        assertThat(run(Map.of("SECRET", SECRET, "SIG", signature, "NOW", Long.toString(timestampOf(signature) - 301)),
                "bash", "-c", check)).isEqualTo("invalid");

        PartnerCredentials p = partner(List.of(Channel.CITY_APP));
        WebhookReceiver.Received real = realCallback(p);
        Files.write(dir.resolve("body.json"), real.body());
        Map<String, String> env = new LinkedHashMap<>(Map.of("SECRET", p.webhookSecret(), "SIG", real.signature()));
        assertThat(run(env, "bash", "-c", check)).isEqualTo("valid");
        Files.writeString(dir.resolve("body.json"), new String(real.body(), StandardCharsets.UTF_8)
                .replace("PENDING_DISPATCH", "CLOSED"));
        assertThat(run(env, "bash", "-c", check)).isEqualTo("invalid");
    }
}
