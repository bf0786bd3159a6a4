package org.hospital.continuity.server.syncreceiver.app;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.UUID;
import org.hospital.continuity.server.syncreceiver.persistence.RelayedOrdersStore;
import org.hospital.continuity.sync.contract.Contract;
import org.hospital.continuity.sync.contract.DowntimeRecord;
import org.hospital.continuity.sync.contract.RelayedOrder;
import org.hospital.continuity.sync.envelope.JournalEntry;

/**
 * EP-6.7: a pharmacy kiosk dispenses against a prescription or requisition captured on another kiosk, once it reached
 * the server: the kiosk asks for the record by its id (on the printed voucher), signed in with its credential; the
 * server answers the record as captured, or its latest correction (HR-9), or says it was voided.
 */
@ApplicationScoped
public class RelayingOrders {

    /** How many corrections of one record are followed at most. */
    static final int MAX_CORRECTIONS = 10;

    private final KioskAuthenticator authenticator;
    private final RelayedOrdersStore store;

    public RelayingOrders(KioskAuthenticator authenticator, RelayedOrdersStore store) {
        this.authenticator = authenticator;
        this.store = store;
    }

    /** What the kiosk gets: 401 when the credential is not a kiosk's, 404 when the server holds no such record. */
    public sealed interface Answer {
    }

    public record Found(RelayedOrder order) implements Answer {
    }

    public record NotFound() implements Answer {
    }

    public record Unauthenticated() implements Answer {
    }

    public Uni<Answer> find(String authorization, UUID recordId) {
        String[] credential = ReceivingPush.basic(authorization);
        if (credential == null) {
            return Uni.createFrom().item(new Unauthenticated());
        }
        return authenticator.verify(credential[0], credential[1]).chain(v -> v != KioskAuthenticator.Verdict.AUTHENTIC
                ? Uni.createFrom().item(new Unauthenticated())
                : follow(recordId, recordId, 0));
    }

    private Uni<Answer> follow(UUID asked, UUID current, int depth) {
        return store.stream(current).chain(entries -> {
            Optional<JournalEntry> first = entries.stream().filter(e -> e.streamVersion() == 1).findFirst();
            if (first.isEmpty() || !(Contract.CURRENT.check(first.get()) instanceof Contract.Readable written)) {
                return Uni.createFrom().item(new NotFound());
            }
            String status = "ACTIVE";
            UUID correctedBy = null;
            for (JournalEntry e : entries) {
                if (e.streamVersion() > 1 && Contract.CURRENT.check(e) instanceof Contract.Readable r) {
                    if (r.record() instanceof DowntimeRecord.ClinicalFormVoided) {
                        status = "VOIDED";
                    } else if (r.record() instanceof DowntimeRecord.ClinicalFormCorrected c) {
                        correctedBy = c.correctedBy();
                    }
                }
            }
            if (correctedBy != null && depth < MAX_CORRECTIONS) {
                UUID next = correctedBy;
                return follow(asked, next, depth + 1).map(a -> a instanceof NotFound ? answer(asked, first.get(), "ACTIVE") : a);
            }
            return Uni.createFrom().item(answer(asked, first.get(), status));
        });
    }

    private static Answer answer(UUID asked, JournalEntry e, String status) {
        return new Found(new RelayedOrder(e.streamId(), e.streamType(), e.eventType(), Contract.mapper().valueToTree(
                ((Contract.Readable) Contract.CURRENT.check(e)).record()), status, e.streamId().equals(asked) ? null : asked,
                e.kioskId(), e.recordedAt()));
    }
}
