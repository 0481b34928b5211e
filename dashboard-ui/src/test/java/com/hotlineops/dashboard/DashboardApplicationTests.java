package com.hotlineops.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.dependency.JavaScript;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The app as the launcher and a kiosk browser meet it: a real server on a random port, no backend behind it. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"hotline.backend.port=1", "hotline.backend.rsocket-port=1"})
class DashboardApplicationTests {

    private static final Pattern BUNDLE_SCRIPT = Pattern.compile("VAADIN/build/[\\w.-]+\\.js");

    @LocalServerPort
    private int port;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void wallThenVaadinBootstrapPageFromThePrecompiledProductionBundle() throws Exception {
        HttpResponse<String> page = get("/wall");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("text/html"));
        assertThat(page.body()).contains("<html", "theme=\"dark\"");
        Matcher script = BUNDLE_SCRIPT.matcher(page.body());
        assertThat(script.find()).as("the page loads the bundle's scripts").isTrue();
        assertThat(get("/" + script.group()).statusCode()).isEqualTo(200);
    }

    @Test
    void consoleWithoutSignInThenRedirectedToLoginWhileLoginAndWallOpen() throws Exception {
        HttpResponse<String> home = get("/");

        assertThat(home.statusCode()).isEqualTo(302);
        assertThat(home.headers().firstValue("Location")).hasValueSatisfying(
                location -> assertThat(location).endsWith("/login"));
        assertThat(get("/login").statusCode()).isEqualTo(200);
        assertThat(get("/wall").statusCode()).isEqualTo(200);
    }

    @Test
    void healthThenUpWithoutAuthentication() throws Exception {
        HttpResponse<String> health = get("/actuator/health");

        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("\"status\":\"UP\"");
    }

    @Test
    void wallStylesheetThenServed() throws Exception {
        HttpResponse<String> css = get("/styles/wall.css");

        assertThat(css.statusCode()).isEqualTo(200);
        assertThat(css.body()).contains(".wall-tile-value");
    }

    @Test
    void echartsScriptOfTheWallChartThenServedFromItsWebJar() throws Exception {
        // The very URL the chart component asks the browser to load, so a version bump cannot leave it dangling.
        JavaScript chart = Class.forName("com.hotlineops.dashboard.wall.VolumeChart").getAnnotation(JavaScript.class);
        assertThat(chart.value()).startsWith("context://");
        HttpResponse<String> script = get(chart.value().replace("context://", "/"));

        assertThat(script.statusCode()).isEqualTo(200);
        assertThat(script.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).contains("javascript"));
        assertThat(script.body()).contains("echarts");
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
