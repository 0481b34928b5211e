package com.hotlineops.server.web;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/** Writes RFC 9457 problem details where no controller is involved (security filters). */
public final class Problems {

    private Problems() {
    }

    public static Mono<Void> write(ServerWebExchange exchange, JsonMapper json, HttpStatus status, String detail) {
        return write(exchange, json, ProblemDetail.forStatusAndDetail(status, detail));
    }

    /** A problem with its own type and title. */
    public static Mono<Void> write(ServerWebExchange exchange, JsonMapper json, HttpStatus status, URI type,
            String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(type);
        problem.setTitle(title);
        return write(exchange, json, problem);
    }

    private static Mono<Void> write(ServerWebExchange exchange, JsonMapper json, ProblemDetail problem) {
        HttpStatus status = HttpStatus.valueOf(problem.getStatus());
        problem.setInstance(exchange.getRequest().getURI());
        byte[] body = json.writeValueAsString(problem).getBytes(StandardCharsets.UTF_8);
        var response = exchange.getResponse();
        response.setStatusCode(status);
        response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        return response.writeWith(Mono.just(response.bufferFactory().wrap(body)));
    }
}
