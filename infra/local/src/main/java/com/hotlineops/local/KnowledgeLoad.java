package com.hotlineops.local;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.HdrHistogram.Histogram;
import tools.jackson.databind.json.JsonMapper;

/**
 * Benchmark of the knowledge-base search (issue: fast on 100k articles). Starts its own PostgreSQL, Redis and
 * backend on loopback, imports {@code articles} generated articles through the API, then times {@code queries}
 * searches of one to four Chinese words, one at a time, recording each latency.
 *
 * <p>{@code java -jar infra/local/target/local-0.1.0-SNAPSHOT-exec.jar kb-load [articles] [queries]}
 * (defaults 100000, 2000). Stops by itself.
 */
final class KnowledgeLoad {

    private static final String[] WORDS = {"停水", "停电", "供暖", "噪音", "施工", "物业", "小区", "道路", "井盖", "路灯",
            "垃圾", "清运", "营业执照", "社保", "医保", "公积金", "户籍", "学校", "入学", "公交", "地铁", "出租车", "消防",
            "通道", "占道", "经营", "餐饮", "油烟", "市场", "价格", "投诉", "举报", "补贴", "养老", "残疾", "低保", "住房",
            "租赁", "装修", "电梯", "维修", "燃气", "管道", "排水", "积水", "绿化", "树木", "宠物", "犬只", "停车"};
    private static final String[] GLUE = {"的", "了", "已经", "需要", "请", "关于", "和", "在", "处理", "办理", "规定",
            "流程", "标准", "问题", "反映", "咨询", "通知", "期间", "应当", "可以"};

    static final int IMPORT_BATCH = 5_000;

    private KnowledgeLoad() {
    }

    static void run(Path root, String[] args) throws Exception {
        int articles = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int queries = args.length > 1 ? Integer.parseInt(args[1]) : 2_000;
        if (articles > 1_000_000 || queries > 100_000) {
            throw new IllegalArgumentException("articles ≤ 1,000,000 and queries ≤ 100,000");
        }
        JsonMapper json = JsonMapper.builder().build();
        Random random = new Random(12345);
        try (EmbeddedServices services = EmbeddedServices.forTests();
                LocalSystem system = new LocalSystem(root, root.resolve("infra/local/.run/bench-logs"), services,
                        LocalSystem.Ports.free(), "unused").asDeployed().startBackendOnly()) {
            URI base = system.backend();
            String editor = token(base, json, "supervisor1");
            HttpClient http = HttpClient.newHttpClient();
            long t0 = System.nanoTime();
            for (int done = 0; done < articles; done += IMPORT_BATCH) {
                List<Map<String, String>> batch = new ArrayList<>();
                for (int i = done; i < Math.min(articles, done + IMPORT_BATCH); i++) {
                    batch.add(Map.of("title", sentence(random, 3), "body", sentence(random, 60),
                            "category", WORDS[random.nextInt(WORDS.length)]));
                }
                send(http, HttpRequest.newBuilder(base.resolve("/api/v1/knowledge/imports"))
                        .header("authorization", "Bearer " + editor)
                        .header("content-type", "application/json")
                        .timeout(Duration.ofMinutes(2))
                        .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(batch))).build(), 201);
            }
            double loadSeconds = (System.nanoTime() - t0) / 1e9;
            String agent = token(base, json, "agent1");
            Histogram latency = new Histogram(60_000_000_000L, 3);
            long hits = 0;
            for (int i = 0; i < queries; i++) {
                StringBuilder q = new StringBuilder();
                for (int w = 0, n = 1 + random.nextInt(4); w < n; w++) {
                    q.append(w == 0 ? "" : " ").append(WORDS[random.nextInt(WORDS.length)]);
                }
                long s = System.nanoTime();
                String body = send(http, HttpRequest.newBuilder(base.resolve("/api/v1/knowledge/search?limit=10&q="
                                + URLEncoder.encode(q.toString(), StandardCharsets.UTF_8)))
                        .header("authorization", "Bearer " + agent).GET().build(), 200);
                if (i >= queries / 10) {
                    latency.recordValue(System.nanoTime() - s);
                }
                hits += json.readTree(body).size();
            }
            System.out.printf("""
                    Knowledge base: %,d articles imported through the API in %.1f s
                    Search, %,d queries of 1–4 words (first tenth as warm-up), one at a time, limit 10:
                      latency ms p50 %.1f, p90 %.1f, p99 %.1f, max %.1f; mean hits per query %.1f
                    """, articles, loadSeconds, queries, latency.getValueAtPercentile(50) / 1e6,
                    latency.getValueAtPercentile(90) / 1e6, latency.getValueAtPercentile(99) / 1e6,
                    latency.getMaxValue() / 1e6, (double) hits / queries);
        }
    }

    private static String sentence(Random r, int words) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < words; i++) {
            s.append(r.nextInt(3) == 0 ? GLUE[r.nextInt(GLUE.length)] : WORDS[r.nextInt(WORDS.length)]);
            if (i % 12 == 11) {
                s.append('，');
            }
        }
        return s.append('。').toString();
    }

    private static String send(HttpClient http, HttpRequest request, int expected)
            throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != expected) {
            throw new IOException(request.uri().getPath() + " answered " + r.statusCode() + ": " + r.body());
        }
        return r.body();
    }

    private static String token(URI base, JsonMapper json, String user) throws IOException, InterruptedException {
        String body = send(HttpClient.newHttpClient(), HttpRequest.newBuilder(base.resolve("/api/v1/auth/token"))
                .header("content-type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"username\":\"" + user + "\",\"password\":\"" + user + "-demo\"}")).build(), 200);
        return json.readTree(body).get("accessToken").asString();
    }
}
