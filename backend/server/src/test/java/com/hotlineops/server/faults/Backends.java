package com.hotlineops.server.faults;

import com.hotlineops.contract.auth.TokenRequest;
import com.hotlineops.contract.auth.TokenResponse;
import com.hotlineops.contract.call.CallFigures;
import com.hotlineops.contract.call.CallQueue;
import com.hotlineops.contract.call.CtiEvent;
import com.hotlineops.contract.call.CtiEventType;
import com.hotlineops.core.org.DemoOrganisation;
import com.hotlineops.local.EmbeddedServices;
import com.hotlineops.server.BackendApplication;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.ReactorResourceFactory;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Whole backends on fault tests' own PostgreSQL and Redis, so stopping either touches no other test. Public for the
 * partner callbacks' two-instance test, which lives beside the deliverer it pauses.
 */
public final class Backends {

    private Backends() {
    }

    public static ConfigurableApplicationContext start(EmbeddedServices services, Map<String, String> extra) {
        Map<String, String> properties = new HashMap<>(services.springProperties());
        properties.put("server.port", "0");
        properties.put("spring.rsocket.server.port", "0");
        properties.putAll(extra);
        // As command-line arguments: they outrank application.yaml, default properties would not.
        String[] args = properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue())
                .toArray(String[]::new);
        return new SpringApplicationBuilder(BackendApplication.class, OwnNettyResources.class).run(args);
    }

    /**
     * Each instance its own Reactor Netty event loops: by default all apps of a JVM share the global ones, and closing
     * one app (the "kill") would dispose them under the others' servers. Separate processes share nothing anyway.
     */
    @Configuration(proxyBeanMethods = false)
    static class OwnNettyResources {

        @Bean
        ReactorResourceFactory reactorResourceFactory() {
            ReactorResourceFactory factory = new ReactorResourceFactory();
            factory.setUseGlobalResources(false);
            return factory;
        }
    }

    public static WebTestClient http(ConfigurableApplicationContext app) {
        return WebTestClient.bindToServer()
                .baseUrl("http://127.0.0.1:" + app.getEnvironment().getProperty("local.server.port"))
                .responseTimeout(Duration.ofSeconds(30))
                .build();
    }

    public static String token(WebTestClient http, String username) {
        return http.post().uri("/api/v1/auth/token")
                .bodyValue(TokenRequest.password(username, DemoOrganisation.passwordOf(username)))
                .exchange().expectStatus().isOk()
                .expectBody(TokenResponse.class).returnResult().getResponseBody().accessToken();
    }

    /**
     * Calls offered in the last minutes: answered, abandoned long (with a number: a callback task) and short, in both
     * queues.
     */
    static List<CtiEvent> calls(String run, int count, Instant now) {
        List<CtiEvent> events = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String call = run + "-" + i;
            CallQueue queue = i % 4 == 0 ? CallQueue.ENTERPRISE : CallQueue.GENERAL;
            Instant offered = now.minusSeconds(600 - i % 500);
            String number = "136%08d".formatted(Math.abs((run + i).hashCode()) % 100_000_000);
            events.add(CtiEvent.call(call + "-o", CtiEventType.CALL_OFFERED, call, queue, offered, number, null));
            switch (i % 3) {
                case 0 -> events.add(CtiEvent.call(call + "-a", CtiEventType.CALL_ANSWERED, call, queue,
                        offered.plusSeconds(i % 30), null, "a" + i % 5));
                case 1 -> events.add(CtiEvent.call(call + "-x", CtiEventType.CALL_ABANDONED, call, queue,
                        offered.plusSeconds(10 + i % 40), null, null));
                default -> events.add(CtiEvent.call(call + "-x", CtiEventType.CALL_ABANDONED, call, queue,
                        offered.plusSeconds(2), null, null));
            }
        }
        return events;
    }

    /** The figures without what depends on the instant they were computed. */
    static CallFigures comparable(CallFigures f) {
        return new CallFigures(f.offered(), f.answered(), f.abandonedShort(), f.abandonedLong(), f.answerRate(),
                f.timelyAnswerRate(), f.serviceLevel(), f.abandonRate(), f.asaSeconds(), f.inQueue(), null,
                f.oldestWaitingSince(), null);
    }
}
