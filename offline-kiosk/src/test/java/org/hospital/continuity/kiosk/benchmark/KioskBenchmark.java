package org.hospital.continuity.kiosk.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.hospital.continuity.kiosk.enrolment.integration.ServerWire;
import org.hospital.continuity.kiosk.platform.persistence.KioskDatabase;
import org.hospital.continuity.kiosk.reference.app.ReferenceData;
import org.hospital.continuity.kiosk.reference.domain.CatalogueIndex;
import org.hospital.continuity.kiosk.reference.domain.CatalogueItem;
import org.hospital.continuity.kiosk.reference.domain.PinyinInitials;
import org.hospital.continuity.kiosk.support.Desk;
import org.hospital.continuity.kiosk.support.StandInServer;
import org.hospital.continuity.kiosk.support.StandInServerResource;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.sqlite.SQLiteConfig;

/**
 * The kiosk's benchmark (docs/benchmarks.md). Not part of the default run:
 * {@code ./mvnw -B -pl offline-kiosk -am test -Dtest=KioskBenchmark -Dsurefire.failIfNoSpecifiedTests=false -Dkiosk.excludedGroups=none}.
 * Prints and writes {@code offline-kiosk/target/benchmark-results.md}.
 */
@QuarkusTest
@QuarkusTestResource(StandInServerResource.class)
@Tag("benchmark")
class KioskBenchmark {

    static final int CATALOGUE = 50_000;
    static final int QUERIES = 5_000;
    static final int SUBMITS = Integer.getInteger("bench.submits", 2_000);
    static final String HAN = "阿莫西林胶囊头孢克肟分散片血常规肝功能维生素氯化钠注射液葡萄糖复方甘草口服溶液布洛芬缓释硝苯地平控释二甲双胍格列齐特"
            + "奥美拉唑肠溶雷尼替丁多潘立酮蒙脱石散左氧氟沙星滴眼液红霉素软膏云南白药气雾剂心电图彩超检查尿常规";

    @TestHTTPResource("/")
    URL url;
    @Inject
    KioskDatabase database;
    @Inject
    ReferenceData reference;

    @Test
    void benchmark() throws Exception {
        StringBuilder report = new StringBuilder();
        report.append("# Kiosk benchmark run ").append(Instant.now()).append("\n\n");
        report.append("Machine: ").append(Runtime.getRuntime().availableProcessors()).append(" cores, Java ")
                .append(System.getProperty("java.version")).append(", load average at start: ").append(loadAverage()).append("\n\n");

        // 1. search on a generated 50,000-item catalogue (fixed seed)
        Random random = new Random(50_000L);
        List<ServerWire.Item> items = new ArrayList<>(StandInServer.items());
        for (int i = 0; i < CATALOGUE - items.size(); i++) {
            StringBuilder name = new StringBuilder();
            for (int k = 0, n = 3 + random.nextInt(8); k < n; k++) {
                name.append(HAN.charAt(random.nextInt(HAN.length())));
            }
            String n = name.toString();
            items.add(new ServerWire.Item(String.format("G%06d", i), i % 3 == 0 ? "DRUG" : "ITEM", n, PinyinInitials.of(n), null, "盒",
                    100 + random.nextInt(100_000), "甲", i % 3 == 0 ? "药品" : "检验"));
        }
        List<CatalogueItem> domainItems = items.stream().map(i -> new CatalogueItem(i.code(), CatalogueItem.Kind.valueOf(i.kind()), i.name(),
                i.pinyin(), i.specification(), i.unit(), i.priceFen(), i.insuranceClass(), i.category())).toList();
        CatalogueIndex index = new CatalogueIndex(domainItems);
        List<String> queries = new ArrayList<>();
        for (int q = 0; q < QUERIES; q++) {
            CatalogueItem target = domainItems.get(random.nextInt(domainItems.size()));
            queries.add(switch (q % 4) {
                case 0 -> target.pinyin().substring(0, Math.min(target.pinyin().length(), 1 + random.nextInt(4))).toLowerCase(Locale.ROOT);
                case 1 -> target.name().substring(0, 1 + random.nextInt(Math.min(3, target.name().length())));
                case 2 -> target.code().substring(0, 2 + random.nextInt(target.code().length() - 1));
                default -> "amxl";
            });
        }
        for (int w = 0; w < 1_000; w++) {
            index.search(queries.get(w % queries.size()), 20);
        }
        long[] search = new long[QUERIES];
        for (int q = 0; q < QUERIES; q++) {
            long t0 = System.nanoTime();
            index.search(queries.get(q), 20);
            search[q] = System.nanoTime() - t0;
        }
        report.append(row("Search in the index, 50,000 items, ranked top 20", search));

        database.inTransaction(c -> {
            reference.replace(c, new ServerWire.Snapshot("bench", Instant.now(), items, List.of(new ServerWire.Department("NK", "内科")),
                    List.of(), List.of(), List.of()));
            return null;
        });
        reference.reload();
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        String base = url.toString().replaceAll("/$", "");
        long[] httpSearch = new long[2_000];
        for (int q = 0; q < 200; q++) {
            get(http, base + "/api/reference/search?limit=20&q=" + enc(queries.get(q)), null);
        }
        for (int q = 0; q < httpSearch.length; q++) {
            long t0 = System.nanoTime();
            get(http, base + "/api/reference/search?limit=20&q=" + enc(queries.get(q)), null);
            httpSearch[q] = System.nanoTime() - t0;
        }
        report.append(row("Search through GET /api/reference/search, 50,000 items", httpSearch));
        Arrays.sort(search);
        assertThat(percentile(search, 99)).as("search p99").isLessThan(20_000_000L);

        // 2. submit → durable confirm through the kiosk's HTTP API (a registration: validation, pool draw,
        //    journal + outbox + projection in one FULL-sync commit)
        database.inTransaction(c -> {
            reference.replace(c, new ServerWire.Snapshot("bench2", Instant.now(), StandInServer.items(),
                    List.of(new ServerWire.Department("NK", "内科")), List.of(), List.of(), List.of()));
            return null;
        });
        reference.reload();
        String cookie = Desk.inDowntime();
        String body = "{\"name\":\"基准测试\",\"sex\":\"F\",\"ageYears\":40,\"phone\":\"13912345678\",\"insuranceType\":\"EMPLOYEE\","
                + "\"insuranceCard\":\"YB12345678\",\"departmentCode\":\"NK\",\"feeItemCode\":\"S0001\"}";
        for (int w = 0; w < 200; w++) {
            post(http, base + "/api/registrations", body, cookie);
        }
        long[] submit = new long[SUBMITS];
        long wall0 = System.nanoTime();
        for (int i = 0; i < SUBMITS; i++) {
            long t0 = System.nanoTime();
            post(http, base + "/api/registrations", body, cookie);
            submit[i] = System.nanoTime() - t0;
        }
        double httpRate = SUBMITS / ((System.nanoTime() - wall0) / 1e9);
        report.append(row("Submit → durable confirm, POST /api/registrations (sequential, one client)", submit));

        // 3. raw SQLite, WAL + synchronous=FULL, one row per transaction, same disk, same run
        Path raw = database.dataDir().resolve("raw-bench.db");
        Files.deleteIfExists(raw);
        SQLiteConfig cfg = new SQLiteConfig();
        cfg.setJournalMode(SQLiteConfig.JournalMode.WAL);
        cfg.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
        byte[] payload = new byte[600];
        random.nextBytes(payload);
        long[] rawCommit = new long[SUBMITS];
        double rawRate;
        try (Connection c = cfg.createConnection("jdbc:sqlite:" + raw.toAbsolutePath())) {
            try (Statement st = c.createStatement()) {
                st.execute("create table t (id integer primary key, entry text not null, payload blob not null)");
            }
            try (PreparedStatement ps = c.prepareStatement("insert into t(entry, payload) values (?, ?)")) {
                for (int w = 0; w < 200; w++) {
                    ps.setString(1, "warm" + w);
                    ps.setBytes(2, payload);
                    ps.executeUpdate();
                }
                long r0 = System.nanoTime();
                for (int i = 0; i < SUBMITS; i++) {
                    long t0 = System.nanoTime();
                    ps.setString(1, java.util.UUID.randomUUID().toString());
                    ps.setBytes(2, payload);
                    ps.executeUpdate(); // autocommit: one durable transaction per row
                    rawCommit[i] = System.nanoTime() - t0;
                }
                rawRate = SUBMITS / ((System.nanoTime() - r0) / 1e9);
            }
        }
        Files.deleteIfExists(raw);
        report.append(row("Raw SQLite insert, WAL + FULL, one row per commit (ceiling)", rawCommit));
        report.append(String.format(Locale.ROOT, "%nThroughput: kiosk HTTP %.0f records/s; raw SQLite FULL single-commit %.0f rows/s; ratio %.0f%%.%n",
                httpRate, rawRate, 100 * httpRate / rawRate));
        report.append("Load average at end: ").append(loadAverage()).append("\n");
        String text = report.toString();
        System.out.println(text);
        Files.writeString(Path.of("target", "benchmark-results.md"), text, StandardCharsets.UTF_8);
    }

    private static String row(String what, long[] nanos) {
        long[] s = nanos.clone();
        Arrays.sort(s);
        return String.format(Locale.ROOT, "- %s: n=%d, p50 %.3f ms, p99 %.3f ms, max %.3f ms%n", what, s.length,
                percentile(s, 50) / 1e6, percentile(s, 99) / 1e6, s[s.length - 1] / 1e6);
    }

    private static long percentile(long[] sorted, int p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (java.io.IOException e) {
            return "unknown";
        }
    }

    private static String enc(String s) {
        return java.net.URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static void get(HttpClient http, String url, String cookie) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException(url + " → " + r.statusCode());
        }
    }

    private static void post(HttpClient http, String url, String body, String cookie) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .header("Cookie", "kiosk_session=" + cookie).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 201) {
            throw new IllegalStateException(url + " → " + r.statusCode() + " " + r.body());
        }
    }
}
