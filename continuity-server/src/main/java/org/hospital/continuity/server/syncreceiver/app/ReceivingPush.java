package org.hospital.continuity.server.syncreceiver.app;

import org.hospital.continuity.sync.contract.BatchContent;
import org.hospital.continuity.sync.contract.Contract;
import org.hospital.continuity.sync.contract.Violation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.logging.Log;
import java.io.IOException;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.InstantSource;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.hospital.continuity.server.incident.Instructions;
import org.hospital.continuity.server.syncreceiver.config.SyncReceiverConfig;
import org.hospital.continuity.server.syncreceiver.domain.CitedInstruction;
import org.hospital.continuity.server.syncreceiver.persistence.SyncStore;
import org.hospital.continuity.sync.protocol.BatchCheck;
import org.hospital.continuity.sync.protocol.PushBatch;
import org.hospital.continuity.sync.protocol.PushBatchReader;
import org.hospital.continuity.sync.protocol.PushReceipt;
import org.hospital.continuity.sync.protocol.Rejection;
import org.hospital.continuity.sync.protocol.SyncJson;
import org.hospital.continuity.sync.protocol.WireEntry;
import org.hospital.continuity.sync.wire.Problems;
import org.hospital.continuity.sync.wire.Problem;

/**
 * A kiosk pushes part of its journal: authenticate, check the whole batch, admit it (or ask the
 * kiosk to come back later), store it in one transaction, answer the cursor. Nothing of a refused
 * batch is stored.
 */
@ApplicationScoped
public class ReceivingPush {

    /** What the resource answers. */
    public sealed interface Result {
    }

    /** 200 with the receipt. */
    public record Stored(PushReceipt receipt) implements Result {
    }

    /** 429/503 with Retry-After (seconds). */
    public record Busy(Problem problem, int retryAfterSeconds) implements Result {
    }

    /** Any other refusal; {@code challenge} asks for credentials (401). */
    public record Refused(Problem problem, boolean challenge) implements Result {
    }

    private final KioskAuthenticator authenticator;
    private final PushAdmission admission;
    private final SyncStore store;
    private final InstantSource clock;
    private final SyncReceiverConfig config;
    private final ObjectMapper json = SyncJson.mapper();
    /** Streaming parse of the usual body; anything unusual goes through {@link #json}, so errors stay the binder's. */
    private final PushBatchReader reader = new PushBatchReader(json);

    private final Instructions instructions;

    private final RelayWakeUps wakeUps;

    public ReceivingPush(KioskAuthenticator authenticator, PushAdmission admission, SyncStore store, InstantSource clock,
                         SyncReceiverConfig config, Instructions instructions, RelayWakeUps wakeUps) {
        this.instructions = instructions;
        this.wakeUps = wakeUps;
        this.authenticator = authenticator;
        this.admission = admission;
        this.store = store;
        this.clock = clock;
        this.config = config;
    }

    /**
     * @param body the raw JSON of a {@link PushBatch}: parsed only once the push holds a slot, so
     *             that pushes waiting in line hold bytes, not tens of thousands of objects
     */
    public Uni<Result> receive(String authorization, byte[] body) {
        String[] credential = basic(authorization);
        if (credential == null) {
            return Uni.createFrom().item(new Refused(Problem.of(401, "kiosk-credential-required", "Not signed in",
                    "Push with the kiosk's credential (HTTP Basic: kiosk id and secret). Nothing was stored."), true));
        }
        String kioskId = credential[0];
        return authenticator.verify(kioskId, credential[1]).chain(verdict -> {
            if (verdict == KioskAuthenticator.Verdict.UNKNOWN) {
                Log.warnf("sync push refused: unknown kiosk or wrong secret kiosk=%s", kioskId);
                return Uni.createFrom().item(new Refused(Problem.of(401, "unknown-kiosk", "Not signed in",
                        "This kiosk is not enrolled, or its secret is wrong. Nothing was stored."), true));
            }
            if (verdict == KioskAuthenticator.Verdict.REVOKED) {
                Log.warnf("sync push refused: revoked credential kiosk=%s", kioskId);
                return Uni.createFrom().item(new Refused(Problem.of(403, "credential-revoked", "Not allowed",
                        "This kiosk's credential was revoked; ask IT to enrol it again. Nothing was stored."), false));
            }
            return admitted(kioskId, body);
        });
    }

    private Uni<Result> admitted(String kioskId, byte[] body) {
        return admission.enter(kioskId).chain(refusal -> {
            if (refusal != null) {
                int status = refusal == PushAdmission.Refusal.SERVER_BUSY ? 503 : 429;
                String detail = refusal == PushAdmission.Refusal.SERVER_BUSY
                        ? "The server is storing other kiosks' pushes; retry after the Retry-After seconds."
                        : "A push of this kiosk is being stored right now; retry after the Retry-After seconds.";
                return Uni.createFrom().<Result>item(new Busy(Problem.of(status, "sync-busy", Problem.forStatus(status).title(), detail),
                        config.retryAfterSeconds()));
            }
            Uni<Result> work;
            try {
                work = checked(kioskId, body);
            } catch (RuntimeException e) {
                work = Uni.createFrom().failure(e);
            }
            return work.eventually(() -> admission.leave(kioskId));
        });
    }

    private Uni<Result> checked(String kioskId, byte[] body) {
        PushBatch batch;
        try {
            batch = body == null || body.length == 0 ? null : reader.read(body);
        } catch (JsonProcessingException e) {
            return Uni.createFrom().item(new Refused(Problems.malformedJson(e), false));
        } catch (IOException e) {
            return Uni.createFrom().item(new Refused(Problem.forStatus(400), false));
        }
        BatchCheck.Verdict verdict = BatchCheck.check(batch, kioskId, BatchCheck.Limits.defaults(config.maxSchemaVersion()));
        if (verdict instanceof BatchCheck.Invalid invalid) {
            Log.warnf("sync push refused: %s kiosk=%s batch=%s", invalid.slug(), kioskId, batch == null ? null : batch.batchId());
            Problem p = Problem.of(invalid.status(), invalid.slug(), Problem.forStatus(invalid.status()).title(), invalid.detail());
            if (!invalid.violations().isEmpty()) {
                p = p.withViolations(invalid.violations().stream().map(v -> new Problem.Violation(v.field(), v.message())).toList());
            }
            return Uni.createFrom().item(new Refused(p, false));
        }
        List<WireEntry> checked = ((BatchCheck.Valid) verdict).checked();
        List<Violation> content = BatchContent.check(checked, Contract.CURRENT);
        if (!content.isEmpty()) {
            // the kiosk checked the same rules at capture: a refusal here is a broken or forged kiosk, loud on purpose
            Log.warnf("sync push refused: record-content-invalid kiosk=%s batch=%s violations=%d first=%s", kioskId, batch.batchId(),
                    content.size(), content.get(0).field());
            return Uni.createFrom().item(new Refused(Problem.of(422, "record-content-invalid", "Invalid records",
                    "Some records of this push break the record contract (the fields are named); nothing was stored.")
                    .withViolations(content.stream().map(v -> new Problem.Violation(v.field(), v.message())).toList()), false));
        }
        // the checks that need the server's state: one push of a kiosk at a time is admitted, so the cursor read here
        // is the one the push is stored against
        return store.kiosk(kioskId).map(state -> state == null ? 0L : state.cursor()).chain(cursor -> {
            List<BatchCheck.Violation> bounds = BatchCheck.bounds(checked, batch.unreadableOrEmpty(), cursor, clock.instant());
            if (!bounds.isEmpty()) {
                Log.warnf("sync push refused: out-of-bounds kiosk=%s batch=%s violations=%d first=%s", kioskId, batch.batchId(),
                        bounds.size(), bounds.get(0).field());
                return Uni.createFrom().<Result>item(new Refused(Problem.of(422, "out-of-bounds", "Invalid records",
                        "Some entries carry a sequence far above what this server holds of the kiosk, or a capture time out of "
                                + "reason (the fields are named); nothing was stored.")
                        .withViolations(bounds.stream().map(v -> new Problem.Violation(v.field(), v.message())).toList()), false));
            }
            return stored(kioskId, batch, checked);
        });
    }

    /**
     * EP-6.1: the downtime entries of the batch that cite an instruction this server never issued (an id or number made up,
     * or of another server). They are stored as every entry; each is also raised as an integrity flag for IT.
     */
    private Uni<List<CitedInstruction>> unknownInstructions(List<WireEntry> entries) {
        List<CitedInstruction> cited = CitedInstruction.of(entries);
        if (cited.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        List<Uni<CitedInstruction>> checks = cited.stream().map(c -> c.idMalformed()
                ? Uni.createFrom().item(c)
                : instructions.issued(c.id(), c.number()).map(known -> known ? null : c)).toList();
        return Uni.join().all(checks).andFailFast().map(list -> list.stream().filter(java.util.Objects::nonNull).toList());
    }

    private Uni<Result> stored(String kioskId, PushBatch batch, List<WireEntry> entries) {
        if (!batch.unreadableOrEmpty().isEmpty()) {
            Log.warnf("sync push reports %d entries unreadable on the kiosk kiosk=%s first seq=%d reason=%s", batch.unreadable().size(),
                    kioskId, batch.unreadable().get(0).kioskSeq(), batch.unreadable().get(0).reason());
        }
        return unknownInstructions(entries)
                .chain(flags -> store.store(kioskId, batch.backlog(), entries, batch.unreadableOrEmpty(), flags, clock.instant()))
                .<Result>map(receipt -> {
                    log(kioskId, batch.batchId(), entries.size(), receipt);
                    if (receipt.accepted() > 0) {
                        wakeUps.stored(); // HIS down, LAN up: the relay's waiting readers look at once
                    }
                    return new Stored(receipt);
                })
                .onFailure().recoverWithItem(failure -> {
                    String trace = UUID.randomUUID().toString();
                    Log.errorf(failure, "sync push not stored trace=%s kiosk=%s batch=%s", trace, kioskId, batch.batchId());
                    return new Busy(Problem.of(503, "sync-store-unavailable", "Temporarily unavailable",
                            "The push could not be stored right now (trace " + trace + "); nothing is lost, retry later."),
                            config.retryAfterSeconds() * 5);
                });
    }

    private static void log(String kioskId, UUID batchId, int sent, PushReceipt r) {
        if (r.rejected() > 0) {
            for (Rejection rej : r.rejections()) {
                Log.warnf("sync INTEGRITY incident kiosk=%s seq=%d entry=%s reason=%s", kioskId, rej.kioskSeq(), rej.entryId(), rej.reason());
            }
        }
        Log.debugf("sync push stored kiosk=%s batch=%s sent=%d accepted=%d duplicates=%d rejected=%d cursor=%d gaps=%d",
                kioskId, batchId, sent, r.accepted(), r.duplicates(), r.rejected(), r.cursor(), r.gaps().size());
    }

    /** {@code Basic base64(kioskId:secret)} → [kioskId, secret], or null. */
    static String[] basic(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return null;
        }
        try {
            String decoded = new String(Base64.getDecoder().decode(authorization.substring(6).trim()), StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            if (colon <= 0 || colon == decoded.length() - 1) {
                return null;
            }
            return new String[] {decoded.substring(0, colon), decoded.substring(colon + 1)};
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
