package com.hotlineops.mobile.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.hotlineops.contract.mobile.CheckIn;
import com.hotlineops.contract.mobile.CommandResult;
import com.hotlineops.contract.mobile.FeedItem;
import com.hotlineops.contract.mobile.FeedItemKind;
import com.hotlineops.contract.mobile.TicketCommand;
import com.hotlineops.contract.ticket.TicketView;
import com.hotlineops.mobile.MobileApiIntegrationTestSupport;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.messaging.rsocket.RSocketRequester;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * DESIGN.md §3 isolation, route by route and caller by caller, over REST and RSocket (TCP with the token at setup,
 * WebSocket with the token on each request). A caller who may not see a ticket gets "not found", exactly as for a
 * ticket that does not exist; a refused command changes nothing (the ticket's version stays).
 */
class RouteIsolationMatrixIntegrationTests extends MobileApiIntegrationTestSupport {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** The ticket under test: offered to grid T01-G01 of township T01, or accepted there by worker2. */
    enum Fixture {
        OFFERED,
        TAKEN
    }

    enum Route {
        FEED,
        TICKET,
        ACCEPT,
        PROGRESS,
        FINISH,
        RETURN,
        CHECK_IN,
        PHOTO_UPLOAD,
        PHOTO_LIST;

        boolean restOnly() {
            return this == PHOTO_UPLOAD || this == PHOTO_LIST;
        }

        boolean command() {
            return this != FEED && this != TICKET && this != PHOTO_LIST;
        }
    }

    enum Caller {
        /** worker1: a worker of the ticket's grid who did not accept it. */
        GRID_PEER("worker1"),
        /** worker3: a worker of another grid of the same township. */
        OTHER_GRID("worker3"),
        /** worker2: accepted the TAKEN ticket. */
        ASSIGNEE("worker2"),
        /** handler-t01: the unit desk of the ticket's township. */
        UNIT_HANDLER("handler-t01"),
        OTHER_UNIT_HANDLER(MobileApiIntegrationTestSupport.OTHER_UNIT_HANDLER),
        /** agent1: a valid token, but of a desk role. */
        DESK("agent1"),
        NO_TOKEN(null),
        /** worker2's token, expired an hour ago. */
        EXPIRED("worker2");

        final String username;

        Caller(String username) {
            this.username = username;
        }
    }

    enum Outcome {
        OK,
        /** The feed (or REST list) holds the ticket. */
        LISTED,
        NOT_LISTED,
        NOT_FOUND,
        TAKEN,
        /** Allowed to see it, but not in this state (illegal-transition, or a photo before accepting). */
        CONFLICT,
        UNAUTHORIZED,
        FORBIDDEN
    }

    enum Channel {
        REST,
        RSOCKET_TCP_SETUP_TOKEN,
        RSOCKET_WEBSOCKET_REQUEST_TOKEN
    }

    static Stream<Arguments> matrix() {
        List<Arguments> rows = new ArrayList<>();
        Set<Caller> domain = EnumSet.of(Caller.GRID_PEER, Caller.OTHER_GRID, Caller.ASSIGNEE, Caller.UNIT_HANDLER,
                Caller.OTHER_UNIT_HANDLER);
        for (Route route : Route.values()) {
            for (Fixture fixture : Fixture.values()) {
                for (Caller caller : domain) {
                    Outcome expected = expected(route, fixture, caller);
                    if (expected != null) {
                        add(rows, route, fixture, caller, expected);
                    }
                }
            }
            add(rows, route, Fixture.TAKEN, Caller.DESK, Outcome.FORBIDDEN);
            add(rows, route, Fixture.TAKEN, Caller.NO_TOKEN, Outcome.UNAUTHORIZED);
            add(rows, route, Fixture.TAKEN, Caller.EXPIRED, Outcome.UNAUTHORIZED);
        }
        return rows.stream();
    }

    private static void add(List<Arguments> rows, Route route, Fixture fixture, Caller caller, Outcome expected) {
        for (Channel channel : Channel.values()) {
            if (channel == Channel.REST || !route.restOnly()) {
                rows.add(Arguments.of(route, fixture, caller, channel, expected));
            }
        }
    }

    /** The rule, written out: who may do what to a ticket offered to a grid, or taken by one of its workers. */
    private static Outcome expected(Route route, Fixture fixture, Caller caller) {
        boolean foreign = caller == Caller.OTHER_GRID || caller == Caller.OTHER_UNIT_HANDLER;
        if (fixture == Fixture.OFFERED) {
            if (caller == Caller.ASSIGNEE) {
                return null;
            }
            return switch (route) {
                case FEED -> foreign ? Outcome.NOT_LISTED : Outcome.LISTED;
                case TICKET, ACCEPT, RETURN, PHOTO_LIST -> foreign ? Outcome.NOT_FOUND : Outcome.OK;
                case PROGRESS, FINISH, CHECK_IN, PHOTO_UPLOAD -> foreign ? Outcome.NOT_FOUND : Outcome.CONFLICT;
            };
        }
        boolean seesIt = caller == Caller.ASSIGNEE || caller == Caller.UNIT_HANDLER;
        return switch (route) {
            case FEED -> seesIt ? Outcome.LISTED : Outcome.NOT_LISTED;
            // A worker of the grid learns that a colleague took it, and so does the unit desk; nobody else.
            case ACCEPT -> caller == Caller.ASSIGNEE ? Outcome.CONFLICT
                    : caller == Caller.GRID_PEER || caller == Caller.UNIT_HANDLER ? Outcome.TAKEN : Outcome.NOT_FOUND;
            default -> seesIt ? Outcome.OK : Outcome.NOT_FOUND;
        };
    }

    @ParameterizedTest(name = "{0} on {1} ticket by {2} over {3} → {4}")
    @MethodSource("matrix")
    void routeByCallerGivesTheOutcomeOfTheRule(Route route, Fixture fixture, Caller caller, Channel channel,
            Outcome expected) {
        TicketView ticket = fixture(fixture);

        Outcome actual = channel == Channel.REST ? rest(route, ticket, caller)
                : rsocket(route, ticket, caller, channel);

        assertThat(actual).isEqualTo(expected);
        if (route.command() && expected != Outcome.OK) {
            assertThat(tickets.find(ticket.id(), actor("dispatcher1")).block(TIMEOUT).version())
                    .as("a refused command changes nothing").isEqualTo(ticket.version());
        }
    }

    private TicketView fixture(Fixture fixture) {
        TicketView offered = dispatchedTicket("T01-G01");
        if (fixture == Fixture.OFFERED) {
            return offered;
        }
        return tickets.accept(new TicketCommand(UUID.randomUUID(), offered.id(), null), actor("worker2"))
                .block(TIMEOUT).ticket();
    }

    private String token(Caller caller) {
        return switch (caller) {
            case NO_TOKEN -> null;
            case DESK -> deskToken(caller.username);
            case EXPIRED -> tokenValidUntil(caller.username, Instant.now().minus(Duration.ofHours(2)),
                    Duration.ofHours(1));
            default -> cachedToken(caller.username);
        };
    }

    private Outcome rest(Route route, TicketView ticket, Caller caller) {
        String token = token(caller);
        String path = switch (route) {
            case FEED -> "/mobile/v1/tickets";
            case TICKET -> "/mobile/v1/tickets/" + ticket.id();
            case ACCEPT -> "/mobile/v1/tickets/" + ticket.id() + "/accept";
            case PROGRESS -> "/mobile/v1/tickets/" + ticket.id() + "/progress";
            case FINISH -> "/mobile/v1/tickets/" + ticket.id() + "/finish";
            case RETURN -> "/mobile/v1/tickets/" + ticket.id() + "/return";
            case CHECK_IN -> "/mobile/v1/tickets/" + ticket.id() + "/checkin";
            case PHOTO_UPLOAD, PHOTO_LIST -> "/mobile/v1/tickets/" + ticket.id() + "/photos";
        };
        HttpMethod method = route == Route.FEED || route == Route.TICKET || route == Route.PHOTO_LIST
                ? HttpMethod.GET : HttpMethod.POST;
        var request = http().method(method).uri(path).headers(h -> {
            if (token != null) {
                h.setBearerAuth(token);
            }
        });
        var spec = switch (route) {
            case PHOTO_UPLOAD -> request.contentType(MediaType.IMAGE_PNG).bodyValue(PNG);
            case CHECK_IN -> request.contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of(
                    "commandId", UUID.randomUUID(), "latitude", 30.27, "longitude", 120.15, "accuracyMeters", 12));
            case ACCEPT, PROGRESS, FINISH, RETURN -> request.contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(Map.of("commandId", UUID.randomUUID(), "note", "现场处理"));
            default -> request;
        };
        EntityExchangeResult<byte[]> result = spec.exchange().expectBody().returnResult();
        int status = result.getStatus().value();
        if (status == 200 || status == 201) {
            if (route != Route.FEED) {
                return Outcome.OK;
            }
            JsonNode list = JSON.readTree(result.getResponseBody());
            for (JsonNode t : list) {
                if (t.path("id").asString().equals(ticket.id().toString())) {
                    return Outcome.LISTED;
                }
            }
            return Outcome.NOT_LISTED;
        }
        String code = JSON.readTree(result.getResponseBody()).path("code").asString();
        return switch (status) {
            case 401 -> code.equals("unauthorized") ? Outcome.UNAUTHORIZED : null;
            case 403 -> code.equals("forbidden") ? Outcome.FORBIDDEN : null;
            case 404 -> code.equals("not-found") ? Outcome.NOT_FOUND : null;
            case 409 -> code.equals("taken") ? Outcome.TAKEN : Outcome.CONFLICT;
            default -> throw new AssertionError("unexpected " + status + " " + new String(result.getResponseBody()));
        };
    }

    private Outcome rsocket(Route route, TicketView ticket, Caller caller, Channel channel) {
        String token = token(caller);
        boolean atSetup = channel == Channel.RSOCKET_TCP_SETUP_TOKEN;
        RSocketRequester phone = connect(atSetup ? Transport.TCP : Transport.WEBSOCKET, atSetup ? token : null);
        String routeName = switch (route) {
            case FEED -> "mobile.feed";
            case TICKET -> "mobile.tickets." + ticket.id();
            case ACCEPT -> "mobile.accept";
            case PROGRESS -> "mobile.progress";
            case FINISH -> "mobile.finish";
            case RETURN -> "mobile.return";
            case CHECK_IN -> "mobile.checkin";
            case PHOTO_UPLOAD, PHOTO_LIST -> throw new IllegalArgumentException("REST only");
        };
        RSocketRequester.RequestSpec request = phone.route(routeName);
        if (!atSetup && token != null) {
            request = request.metadata(bearer(token), AUTHENTICATION);
        }
        Object data = switch (route) {
            case FEED -> new com.hotlineops.contract.mobile.FeedRequest(null);
            case TICKET -> null;
            case CHECK_IN -> new CheckIn(UUID.randomUUID(), ticket.id(), 30.27, 120.15, 12.0, null);
            default -> new TicketCommand(UUID.randomUUID(), ticket.id(), "现场处理");
        };
        if (data != null) {
            request.data(data);
        }
        Mono<Outcome> outcome = switch (route) {
            case FEED -> request.retrieveFlux(FeedItem.class)
                    .takeUntil(i -> i.kind() == FeedItemKind.LIVE)
                    .filter(i -> i.kind() == FeedItemKind.CURRENT && i.ticket().id().equals(ticket.id()))
                    .hasElements()
                    .map(listed -> listed ? Outcome.LISTED : Outcome.NOT_LISTED);
            case TICKET -> request.retrieveMono(TicketView.class).map(t -> Outcome.OK);
            default -> request.retrieveMono(CommandResult.class).map(r -> Outcome.OK);
        };
        return outcome.onErrorResume(e -> Mono.just(fromErrorFrame(e.getMessage()))).block(TIMEOUT);
    }

    private static Outcome fromErrorFrame(String message) {
        for (var code : Map.of("not-found:", Outcome.NOT_FOUND, "taken:", Outcome.TAKEN, "illegal-transition:",
                Outcome.CONFLICT, "unauthorized:", Outcome.UNAUTHORIZED, "forbidden:", Outcome.FORBIDDEN).entrySet()) {
            if (message != null && message.startsWith(code.getKey())) {
                return code.getValue();
            }
        }
        throw new AssertionError("unexpected error frame: " + message);
    }

    private static final byte[] PNG = png();

    private static byte[] png() {
        BufferedImage img = new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB);
        img.setRGB(1, 1, 0x3366FF);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(img, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }}
