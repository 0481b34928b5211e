package com.hotlineops.systemtests;

import com.hotlineops.contract.auth.TokenRequest;
import com.hotlineops.contract.auth.TokenResponse;
import com.hotlineops.local.EmbeddedServices;
import com.hotlineops.local.LocalSystem;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import tools.jackson.databind.json.JsonMapper;

/**
 * The system under test, started once per test JVM exactly as the launcher starts it: every app from its
 * executable jar in its own process, against a PostgreSQL database and Redis key prefix of this run's own.
 */
final class RunningSystem {

    static final String KIOSK_TOKEN = "kiosk-system-test";
    static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static LocalSystem system;

    private RunningSystem() {
    }

    static synchronized LocalSystem get() throws IOException, InterruptedException {
        if (system == null) {
            EmbeddedServices services = EmbeddedServices.forTests();
            Path target = Path.of(System.getProperty("hotline.target", "target"));
            LocalSystem started = new LocalSystem(Path.of(System.getProperty("hotline.root", "../..")),
                    target.resolve("system-logs"), services, LocalSystem.Ports.free(), KIOSK_TOKEN);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                started.close();
                services.close();
            }, "system-under-test-stop"));
            system = started.start();
        }
        return system;
    }

    /** An access token from {@code POST /api/v1/auth/token} (desk users) or the mobile login (grid workers). */
    static String token(URI base, String path, String username) throws IOException, InterruptedException {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(base.resolve(path))
                        .header("content-type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(
                                TokenRequest.password(username, username + "-demo"))))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException("login of " + username + " answered " + r.statusCode() + ": " + r.body());
        }
        return JSON.readValue(r.body(), TokenResponse.class).accessToken();
    }

    static String backendToken(String username) throws IOException, InterruptedException {
        return token(get().backend(), "/api/v1/auth/token", username);
    }
}
