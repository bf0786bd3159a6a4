package org.hospital.continuity.server.hisfeed.app;

import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.HashMap;
import java.util.Map;
import org.hospital.continuity.server.hisfeed.domain.AdtCensus;
import org.hospital.continuity.server.hisfeed.domain.AdtMessage;
import org.hospital.continuity.server.hisfeed.domain.FeedPiece;
import org.hospital.continuity.server.hisfeed.persistence.FeedStore;
import org.hospital.continuity.server.kiosk.HisReference;
import org.hospital.continuity.server.kiosk.KioskReference;
import org.hospital.continuity.server.platform.persistence.Locks;
import org.hospital.continuity.server.writeback.WriteBackConfig;

/**
 * The census from the HIS's HL7 v2 ADT feed (a HIS that speaks v2): each message is decided ({@link AdtCensus}) and its
 * change applied in one transaction with the census's as-of time and the kiosks' snapshot version, under the feed's
 * lock (a FHIR pull and an ADT message write one after the other). What cannot be applied is refused with its reason and
 * nothing of it is stored. The census is the feed's (the same rows the FHIR pull keeps); the MLLP listener is only the
 * adapter in front of this. Blocking: the listener calls it on its own threads. Patient data is never logged.
 */
@ApplicationScoped
public class ApplyingAdtMessages {

    /** What a message did: applied (a census change), accepted with nothing to do, or refused with the rejection. */
    public record Outcome(boolean accepted, AdtCensus.Decision decision) {
    }

    private final FeedStore store;
    private final HisReference reference;
    private final KioskReference kiosks;
    private final InstantSource clock;
    private final Map<String, String> departmentCodes = new HashMap<>();

    public ApplyingAdtMessages(FeedStore store, HisReference reference, KioskReference kiosks, InstantSource clock, WriteBackConfig link) {
        this.store = store;
        this.reference = reference;
        this.kiosks = kiosks;
        this.clock = clock;
        // the write-back maps kiosk department codes to the HIS's; the census maps them back (as the FHIR pull does)
        link.departments().forEach((kiosk, his) -> departmentCodes.put(his, kiosk));
    }

    /** Decides and applies one message; a storage failure is a refusal too (nothing applied: one transaction). */
    public Outcome apply(AdtMessage message) {
        AdtCensus.Decision decision = AdtCensus.decide(message);
        Instant now = clock.instant();
        if (decision instanceof AdtCensus.Rejected r) {
            Log.infof("ADT %s refused: %s", message.trigger(), r.rule());
            return new Outcome(false, r);
        }
        if (decision instanceof AdtCensus.Stay s) {
            return store(decision, tx -> reference.admitted(tx, new HisReference.Inpatient(cut(s.patientId(), 40),
                    cut(s.inpatientNumber(), 40), cut(s.name(), 100), s.sex(), s.birthDate(), s.idNumber(), cut(s.phone(), 20),
                    cut(departmentCodes.getOrDefault(s.departmentCode(), s.departmentCode()), 40), cut(s.ward(), 40), cut(s.bed(), 20), cut(s.attendingCode(), 40),
                    cut(s.attendingName(), 100))), now);
        }
        if (decision instanceof AdtCensus.Left l) {
            return store(decision, tx -> reference.discharged(tx, cut(l.patientId(), 40)), now);
        }
        return new Outcome(true, decision); // nothing for the census to do
    }

    private Outcome store(AdtCensus.Decision decision, java.util.function.Function<org.hospital.continuity.server.platform.persistence.Tx, Uni<Void>> change,
                          Instant now) {
        try {
            store.pool().withTransaction(tx -> Locks.exclusive(tx, PullingHisReference.LOCK_KEY)
                            .chain(() -> change.apply(tx))
                            .chain(() -> kiosks.changed(tx, now))
                            .chain(() -> store.heard(tx, FeedPiece.CENSUS, now)))
                    .chain(() -> reference.answered(FeedPiece.CENSUS.name(), FeedPiece.CENSUS.zh(), now))
                    .await().atMost(Duration.ofSeconds(30));
            return new Outcome(true, decision);
        } catch (RuntimeException e) {
            Log.warnf("ADT message not applied: %s", e.getClass().getSimpleName());
            return new Outcome(false, new AdtCensus.Rejected("stored", "服务器未能保存此消息，未做任何更改，请重发", "MSH", 0, 207));
        }
    }

    private static String cut(String s, int max) {
        return s == null ? null : s.length() <= max ? s : s.substring(0, max);
    }
}
