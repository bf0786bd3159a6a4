package org.hospital.continuity.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.pgclient.PgBuilder;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.PoolOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.hospital.continuity.e2e.KioskCrashE2EIT.Client;
import org.hospital.continuity.e2e.sync.SyncServer;
import org.hospital.continuity.server.writeback.app.DowntimeRecords;
import org.hospital.continuity.server.writeback.VisitDraft;
import org.hospital.continuity.server.incident.CaptureWindow;
import org.hospital.continuity.server.syncreceiver.persistence.SyncedJournalStore;
import org.hospital.continuity.server.writeback.SyncedEntries;
import org.hospital.continuity.server.writeback.app.SyncedEntriesOfIncidents;
import org.hospital.continuity.sync.envelope.JournalEntry;
import org.hospital.continuity.sync.matching.Sex;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Real kiosk records all the way to the write-back's reading of them: the packaged kiosk captures a
 * registration, a paid charge for it and an IOU (as a cashier does during downtime), its sync agent
 * pushes them to the packaged server into {@code sync_entry}, and the server's own readers
 * ({@link SyncedEntriesOfIncidents} over the sync receiver's {@link SyncedJournalStore}, from the server's jar, over a
 * reactive pool on the same database) and {@link DowntimeRecords} decode them into the visit the write-back sends to the HIS.
 */
class SyncedJournalWriteBackE2EIT {

    @Test
    @DisplayName("EP-8.4 kiosk registration, charge and IOU reach sync_entry and decode into the write-back's visit draft")
    void kioskRecordsDecodeForWriteBack() throws Exception {
        Path data = Files.createTempDirectory("synced-writeback-");
        String adminPassword = "E2e-Wb-" + UUID.randomUUID().toString().substring(0, 8) + "-1a";
        Map<String, String> serverProps = Map.of("continuity.kiosk.demo-data", "true",
                "continuity.auth.initial-admin.password", adminPassword, "continuity.kiosk.verifier-iterations", "10000",
                "continuity.kiosk.patient-block-size", "100000");
        try (SyncServer server = SyncServer.start(data.resolve("server"), List.of(), serverProps)) {
            String code = KioskKilledDuringPushE2EIT.enrolmentCode(server.baseUrl(), adminPassword);
            try (AppProcess kiosk = AppProcess.start("kiosk-writeback", AppProcess.root().resolve("offline-kiosk/target/quarkus-app/quarkus-run.jar"),
                    Map.of("quarkus.http.port", "0", "continuity.data-dir", data.resolve("kiosk").toString(),
                            "continuity.server-url", server.baseUrl(), "continuity.sync.interval", "1s"), Map.of())) {
                Client desk = new Client(kiosk.awaitBaseUrl(Duration.ofSeconds(90)));
                desk.ok("POST", "/api/kiosk/enrolment", Map.of("code", code));
                desk.ok("POST", "/api/session", Map.of("accountId", "super-1", "password", StaffAccounts.PASSWORD));
                desk.ok("POST", "/api/mode/downtime", StaffAccounts.phonedDowntime());
                String kioskId = desk.ok("GET", "/api/sync/status", null).path("kioskId").asText();

                JsonNode reg = desk.ok("POST", "/api/registrations", KioskCrashE2EIT.registration(0));
                JsonNode charge = desk.ok("POST", "/api/charges", Map.of("registrationId", reg.path("id").asText(), "settlement", "PAID",
                        "paymentMethod", "CASH", "lines", List.of(Map.of("code", "D0001", "quantity", 2), Map.of("code", "S0005", "quantity", 1))));
                JsonNode insured = desk.ok("POST", "/api/registrations", KioskCrashE2EIT.insuredRegistration());
                JsonNode iou = desk.ok("POST", "/api/charges", Map.of("registrationId", insured.path("id").asText(), "settlement", "IOU",
                        "phone", "13800000001", "lines", List.of(Map.of("code", "D0001", "quantity", 1))));
                KioskKilledDuringPushE2EIT.awaitDrained(server, desk, kioskId, Duration.ofSeconds(120));

                // an incident whose capture window spans the kiosk's records (the incident feature computes it in the server;
                // here the window is given, the entries are read by the sync receiver's own store)
                UUID incident = UUID.randomUUID();
                Instant now = Instant.now();
                CaptureWindow window = new CaptureWindow(incident, now.minus(Duration.ofHours(1)), now.plus(Duration.ofHours(1)));
                Vertx vertx = Vertx.vertx();
                Pool pool = PgBuilder.pool().with(new PoolOptions().setMaxSize(2))
                        .connectingTo(new PgConnectOptions().setHost("localhost").setPort(server.postgresPort()).setDatabase("postgres")
                                .setUser("postgres").setPassword("postgres"))
                        .using(vertx).build();
                try {
                    SyncedEntries synced = new SyncedEntriesOfIncidents(new SyncedEntriesOfIncidents.Windows() {
                        @Override
                        public List<CaptureWindow> all(Instant at) {
                            return List.of(window);
                        }

                        @Override
                        public Optional<CaptureWindow> of(UUID id, Instant at) {
                            return id.equals(incident) ? Optional.of(window) : Optional.empty();
                        }
                    }, new SyncedJournalStore(pool), InstantSource.system());
                    assertThat(synced.incidents()).contains(incident.toString());
                    List<JournalEntry> entries = synced.entries(incident.toString());
                    assertThat(entries).as("every synced entry of the kiosk, read back").hasSize(
                            (int) desk.ok("GET", "/api/journal/integrity", null).path("lastSeq").asLong());
                    assertThat(entries).allMatch(JournalEntry::hashMatches);

                    DowntimeRecords.Assembled assembled = DowntimeRecords.assemble(incident.toString(), entries);
                    assertThat(assembled.drafts()).hasSize(2);
                    VisitDraft visit = assembled.drafts().stream().filter(d -> d.visitId().toString().equals(reg.path("id").asText()))
                            .findFirst().orElseThrow();
                    assertThat(visit.visitId().toString()).isEqualTo(reg.path("id").asText());
                    assertThat(visit.kioskId()).isEqualTo(kioskId);
                    assertThat(visit.downtimeNumber()).isEqualTo(reg.path("details").path("patientNumber").asText());
                    assertThat(visit.patient().name()).isEqualTo("演示病人甲");
                    assertThat(visit.patient().sex()).isEqualTo(Sex.FEMALE);
                    assertThat(visit.patient().phone()).isEqualTo("13900000000");
                    assertThat(visit.departmentCode()).isEqualTo("NK");
                    assertThat(visit.operator()).isEqualTo("super-1");
                    assertThat(visit.lines()).extracting(VisitDraft.Line::kind, VisitDraft.Line::code, VisitDraft.Line::quantity)
                            .containsExactly(org.assertj.core.groups.Tuple.tuple("FEE", "S0001", 1),
                                    org.assertj.core.groups.Tuple.tuple("DRUG", "D0001", 2),
                                    org.assertj.core.groups.Tuple.tuple(visit.lines().get(2).kind(), "S0005", 1));
                    assertThat(visit.lines()).allMatch(l -> l.unitPriceFen() > 0);
                    long chargedFen = visit.lines().stream().skip(1).mapToLong(l -> l.unitPriceFen() * l.quantity()).sum();
                    assertThat(chargedFen).as("the charge's lines add up to its total").isEqualTo(charge.path("details").path("totalFen").asLong());
                    // EP-4.4: the IOU of the insured patient is a charge of their downtime visit; nothing waits for a person
                    assertThat(assembled.waiting()).isEmpty();
                    VisitDraft insuredVisit = assembled.drafts().stream()
                            .filter(d -> d.visitId().toString().equals(insured.path("id").asText())).findFirst().orElseThrow();
                    assertThat(insuredVisit.lines()).extracting(VisitDraft.Line::code, VisitDraft.Line::quantity)
                            .contains(org.assertj.core.groups.Tuple.tuple("D0001", 1));
                    assertThat(iou.path("details").path("settlement").asText()).isEqualTo("IOU");
                } finally {
                    pool.closeAndAwait();
                    vertx.closeAndAwait();
                }
            }
        }
    }
}
