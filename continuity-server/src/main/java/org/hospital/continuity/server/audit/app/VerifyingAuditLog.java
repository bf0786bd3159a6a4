package org.hospital.continuity.server.audit.app;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hospital.continuity.server.audit.persistence.AuditStore;
import org.hospital.continuity.sync.audit.AuditAnchor;
import org.hospital.continuity.sync.audit.AuditChain;

/**
 * Re-computes the whole audit chain from the first entry (HR-8, HR-9), and every kiosk's own chain within
 * it, and reports the first break of each. The head hash is what an auditor writes down: a later
 * verification that ends in another head for the same length means the log was rewritten.
 */
@ApplicationScoped
public class VerifyingAuditLog {

    /** A break: which chain (server or a kiosk id), at which position, and why. */
    public record Break(String chain, long seq, String reason) {
    }

    /**
     * The report; {@code checkpoint} is the latest signed checkpoint kept outside the table and whether the chain holds it
     * (null when none was taken yet).
     */
    public record Report(boolean intact, long entries, long lastSeq, String headHash, List<Break> breaks, Anchor checkpoint) {
    }

    /** The latest checkpoint compared: its position, hash and time, and whether the chain holds it (the reason if not). */
    public record Anchor(long seq, String hash, java.time.Instant at, boolean holds, String reason) {
    }

    private static final int PAGE = 2000;

    private final AuditStore store;
    private final AuditCheckpoints checkpoints;

    public VerifyingAuditLog(AuditStore store, AuditCheckpoints checkpoints) {
        this.store = store;
        this.checkpoints = checkpoints;
    }

    /** HR-8: the chain recomputed, and compared with the latest signed checkpoint kept outside the table. */
    public Uni<Report> verify() {
        State state = new State();
        state.checkpoint = checkpoints.latest().orElse(null);
        return page(state, 0);
    }

    private static final class State {
        final AuditChain.Walker server = new AuditChain.Walker();
        final Map<String, AuditChain.Walker> kiosks = new HashMap<>();
        final List<Break> breaks = new java.util.ArrayList<>();
        AuditAnchor.Checkpoint checkpoint;
        String hashAtCheckpoint;
    }

    private Uni<Report> page(State state, long after) {
        return store.after(after, PAGE).chain(rows -> {
            for (AuditStore.Stored s : rows) {
                state.server.next(s.record(), s.origin().extra()).ifPresent(b -> state.breaks.add(new Break("server", b.seq(), b.reason())));
                if (state.checkpoint != null && s.record().seq() == state.checkpoint.seq()) {
                    state.hashAtCheckpoint = s.record().hash();
                }
                if (s.origin().seq() != null) {
                    state.kiosks.computeIfAbsent(s.origin().name(), k -> new AuditChain.Walker()).next(s.asOriginRecord())
                            .ifPresent(b -> state.breaks.add(new Break(s.origin().name(), b.seq(), b.reason())));
                }
            }
            if (rows.size() == PAGE) {
                return page(state, rows.get(rows.size() - 1).record().seq());
            }
            Anchor anchor = null;
            if (state.checkpoint != null) {
                AuditAnchor.Comparison cmp = checkpoints.compare(state.checkpoint, state.server.lastSeq(), state.hashAtCheckpoint);
                anchor = new Anchor(state.checkpoint.seq(), state.checkpoint.hash(), state.checkpoint.at(), cmp.holds(), cmp.reason());
                if (!cmp.holds()) {
                    state.breaks.add(new Break("server", Math.min(state.checkpoint.seq(), state.server.lastSeq() + 1), cmp.reason()));
                }
            }
            List<Break> first = firstPerChain(state.breaks);
            return Uni.createFrom().item(new Report(first.isEmpty(), state.server.count(), state.server.lastSeq(),
                    state.server.lastHash(), first, anchor));
        });
    }

    /** Only the first break of each chain: what follows a break is reported from there anyway. */
    private static List<Break> firstPerChain(List<Break> breaks) {
        Map<String, Break> first = new java.util.LinkedHashMap<>();
        breaks.forEach(b -> first.putIfAbsent(b.chain(), b));
        return List.copyOf(first.values());
    }
}
