package com.hotlineops.local;

import com.hotlineops.contract.auth.TokenRequest;
import com.hotlineops.contract.auth.TokenResponse;
import com.hotlineops.contract.call.CallQueue;
import com.hotlineops.contract.call.CtiEvent;
import com.hotlineops.contract.call.CtiEventType;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import tools.jackson.databind.json.JsonMapper;

/**
 * Replays the Technion "Anonymous Bank" call-centre data ({@code ../shared/data/callcentre-anonymousbank/}) as CTI
 * events of DESIGN.md §2.4 at a chosen date (Asia/Shanghai) and speed. The mapping is docs/decisions/0010:
 *
 * <ul>
 * <li>a call that reached the agent queue ({@code q_start} set) is {@code CALL_OFFERED} at {@code q_start}; it is
 * {@code CALL_ANSWERED} (outcome {@code AGENT}) or {@code CALL_ABANDONED} (outcome {@code HANG}) at {@code q_exit},
 * the queue's own record of when the wait ended (so the wait is the data's {@code q_time});</li>
 * <li>a call routed from the VRU straight to an agent ({@code q_start} 00:00:00, outcome {@code AGENT}) is offered and
 * answered at {@code vru_exit}: a wait of 0 s;</li>
 * <li>a call that hung up in the VRU (no queue, outcome {@code HANG}) never reached the hotline's queue and is not
 * replayed, and {@code PHANTOM} rows are virtual calls the data says to ignore;</li>
 * <li>an answered call is {@code CALL_ENDED} at {@code ser_exit} (never before it was answered);</li>
 * <li>queue by service type: {@code NE} (stock exchange) and {@code IN} (internet customers, served by their own
 * agents) go to {@code ENTERPRISE}; {@code PS}, {@code PE}, {@code NW}, {@code TT} to {@code GENERAL};</li>
 * <li>a time more than 12 h earlier than the row's {@code vru_entry} is on the next day (calls across midnight); a
 * little earlier is the clock skew between the VRU and the switch that the data shows (negative {@code vru_time})
 * and stays on the same day;</li>
 * <li>the caller number is the month file's {@code customer_id} when it has at least 3 digits (0 means unidentified);
 * the one-day file has none.</li>
 * </ul>
 *
 * Event and call ids are derived from the target date, {@code vru+line} and {@code call_id}, so replaying the same
 * day twice is idempotent.
 *
 * <p>Command line: {@code --file <csv> [--day 2010-08-05] [--date 2026-11-26] [--speed 60] [--backend
 * http://127.0.0.1:8080] [--user cti] [--password cti-demo]}. {@code --day} picks the day of the month file (by month
 * and day, the file's years are 2010 for 1999); {@code --speed 0} (the default) sends as fast as the backend takes it,
 * {@code --speed N} paces the events at N times real time from the first one.
 */
public final class CallCentreReplay {

    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final String NO_TIME = "0:00:00";

    private CallCentreReplay() {
    }

    /** The queue a service type of the data is replayed into. */
    public static CallQueue queueOf(String type) {
        return switch (type) {
            case "NE", "IN" -> CallQueue.ENTERPRISE;
            default -> CallQueue.GENERAL;
        };
    }

    /**
     * The CTI events of one day of the data, placed on {@code date} in Asia/Shanghai, ordered by time.
     *
     * @param sourceDay for the month file, the day to take (matched by month and day); null takes every row (the
     *                  one-day file)
     */
    public static List<CtiEvent> events(Path csv, MonthDay sourceDay, LocalDate date) throws IOException {
        List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        Map<String, Integer> column = new HashMap<>();
        String[] header = lines.getFirst().split(",", -1);
        for (int i = 0; i < header.length; i++) {
            column.put(header[i].strip(), i);
        }
        Instant midnight = date.atStartOfDay(ZONE).toInstant();
        List<CtiEvent> events = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            if (line.isBlank()) {
                continue;
            }
            String[] f = line.split(",", -1);
            Row row = new Row(f, column);
            if (sourceDay != null && !sourceDay.equals(MonthDay.from(LocalDate.parse(row.get("date"))))) {
                continue;
            }
            events.addAll(row.events(date, midnight));
        }
        events.sort(Comparator.comparing(CtiEvent::occurredAt).thenComparing(CtiEvent::eventId));
        return events;
    }

    private record Row(String[] fields, Map<String, Integer> column) {

        String get(String name) {
            Integer i = column.get(name);
            return i == null || i >= fields.length ? null : fields[i].strip();
        }

        List<CtiEvent> events(LocalDate date, Instant midnight) {
            String outcome = get("outcome");
            boolean queued = !NO_TIME.equals(get("q_start"));
            if ("PHANTOM".equals(outcome) || (!queued && !"AGENT".equals(outcome))) {
                return List.of();
            }
            int entry = seconds(get("vru_entry"));
            String callId = "ab-" + date + "-" + get("vru+line") + "-" + get("call_id");
            CallQueue queue = queueOf(get("type"));
            String customer = get("customer_id");
            String caller = customer != null && customer.matches("[0-9]{3,20}") ? customer : null;
            Instant offered = at(midnight, entry, queued ? get("q_start") : get("vru_exit"));
            Instant outcomeAt = queued ? at(midnight, entry, get("q_exit")) : offered;
            List<CtiEvent> out = new ArrayList<>();
            out.add(CtiEvent.call(callId + "-offered", CtiEventType.CALL_OFFERED, callId, queue, offered, caller,
                    null));
            if ("AGENT".equals(outcome)) {
                String agent = get("server");
                out.add(CtiEvent.call(callId + "-answered", CtiEventType.CALL_ANSWERED, callId, queue, outcomeAt,
                        caller, agent));
                Instant ended = at(midnight, entry, get("ser_exit"));
                out.add(CtiEvent.call(callId + "-ended", CtiEventType.CALL_ENDED, callId, queue,
                        ended.isBefore(outcomeAt) ? outcomeAt : ended, caller, agent));
            } else {
                out.add(CtiEvent.call(callId + "-abandoned", CtiEventType.CALL_ABANDONED, callId, queue, outcomeAt,
                        caller, null));
            }
            return out;
        }

        private static Instant at(Instant midnight, int entrySeconds, String time) {
            int s = seconds(time);
            return midnight.plusSeconds(entrySeconds - s > 43_200 ? s + 86_400 : s);
        }

        private static int seconds(String time) {
            String[] p = time.split(":");
            return Integer.parseInt(p[0]) * 3600 + Integer.parseInt(p[1]) * 60 + Integer.parseInt(p[2]);
        }
    }

    /**
     * Hands the events to {@code sender} in batches of at most {@code batchSize}: all at once when {@code speed} is 0,
     * else each batch when its time has come at {@code speed} times real time, counted from the first event.
     */
    public static void pace(List<CtiEvent> events, double speed, int batchSize, Consumer<List<CtiEvent>> sender)
            throws InterruptedException {
        if (events.isEmpty()) {
            return;
        }
        Instant first = events.getFirst().occurredAt();
        long startNanos = System.nanoTime();
        List<CtiEvent> batch = new ArrayList<>();
        for (CtiEvent e : events) {
            if (speed > 0) {
                long dueNanos = (long) (Duration.between(first, e.occurredAt()).toNanos() / speed);
                long waitNanos = dueNanos - (System.nanoTime() - startNanos);
                if (waitNanos > 0) {
                    if (!batch.isEmpty()) {
                        sender.accept(List.copyOf(batch));
                        batch.clear();
                    }
                    Thread.sleep(Duration.ofNanos(waitNanos));
                }
            }
            batch.add(e);
            if (batch.size() == batchSize) {
                sender.accept(List.copyOf(batch));
                batch.clear();
            }
        }
        if (!batch.isEmpty()) {
            sender.accept(List.copyOf(batch));
        }
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> opt = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            opt.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        if (!opt.containsKey("file")) {
            System.err.println("usage: CallCentreReplay --file <csv> [--day 2010-08-05] [--date yyyy-MM-dd]"
                    + " [--speed 0|N] [--backend http://127.0.0.1:8080] [--user cti] [--password cti-demo]");
            System.exit(2);
        }
        MonthDay day = opt.containsKey("day") ? MonthDay.from(LocalDate.parse(opt.get("day"))) : null;
        LocalDate date = LocalDate.parse(opt.getOrDefault("date", LocalDate.now(ZONE).toString()));
        double speed = Double.parseDouble(opt.getOrDefault("speed", "0"));
        URI backend = URI.create(opt.getOrDefault("backend", "http://127.0.0.1:8080"));
        String user = opt.getOrDefault("user", "cti");
        String password = opt.getOrDefault("password", user + "-demo");

        List<CtiEvent> events = events(Path.of(opt.get("file")), day, date);
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        JsonMapper json = JsonMapper.builder().build();
        HttpResponse<String> login = http.send(HttpRequest.newBuilder(backend.resolve("/api/v1/auth/token"))
                .header("content-type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(
                        json.writeValueAsString(TokenRequest.password(user, password))))
                .build(), HttpResponse.BodyHandlers.ofString());
        if (login.statusCode() != 200) {
            throw new IllegalStateException("login as " + user + " failed: " + login.statusCode() + " " + login.body());
        }
        String token = json.readValue(login.body(), TokenResponse.class).accessToken();
        System.out.printf("Replaying %d events onto %s at speed %s to %s%n", events.size(), date,
                speed == 0 ? "max" : speed, backend);
        pace(events, speed, 500, batch -> {
            String ndjson = batch.stream().map(json::writeValueAsString).collect(Collectors.joining("\n"));
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(backend.resolve("/api/v1/cti/events"))
                        .header("authorization", "Bearer " + token)
                        .header("content-type", "application/x-ndjson")
                        .POST(HttpRequest.BodyPublishers.ofString(ndjson)).build(),
                        HttpResponse.BodyHandlers.ofString());
                System.out.println(r.statusCode() + " " + r.body());
            } catch (IOException e) {
                throw new IllegalStateException("sending a batch failed", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
        });
    }
}
