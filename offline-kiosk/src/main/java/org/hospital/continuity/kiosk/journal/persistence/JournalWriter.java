package org.hospital.continuity.kiosk.journal.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.hospital.continuity.kiosk.enrolment.EnrolledKiosk;
import org.hospital.continuity.kiosk.journal.CaptureCompanion;
import org.hospital.continuity.kiosk.journal.Journal;
import org.hospital.continuity.kiosk.journal.Phase;
import org.hospital.continuity.kiosk.journal.TrainingMode;
import org.hospital.continuity.kiosk.platform.api.KioskRejection;
import org.hospital.continuity.kiosk.platform.persistence.KioskDatabase;
import org.hospital.continuity.kiosk.platform.persistence.KioskStorageException;
import org.hospital.continuity.kiosk.platform.persistence.WriteTransaction;
import org.hospital.continuity.sync.envelope.HybridLogicalClock;
import org.hospital.continuity.sync.envelope.JournalEntry;
import org.hospital.continuity.sync.envelope.RecordIds;

/**
 * Runs one capture as one durable transaction on the writer thread (group commit): the phase check, the
 * capture's work (its entries, projections and drawn numbers), the companions' writes (its audit entry),
 * then the commit. Sequences have no gaps: {@code kiosk_seq} is computed inside the writing transaction,
 * and a rolled-back capture takes no number.
 *
 * <p>The last {@code kiosk_seq} and the phase as the writer connection sees them are kept here, beside the
 * database, so that a capture needs no {@code select} for them; touched only inside the writer's
 * transactions and dropped (re-read on next use) whenever anything is rolled back.
 *
 * <p>A store of another feature reports a SQLite failure inside the capture as a {@link KioskStorageException}:
 * it is turned back into its {@link SQLException} here, so the group commit and the mapping below (a
 * duplicate stream version → 409, anything else → {@link JournalUnavailableException}) see what SQLite said.
 */
@ApplicationScoped
public class JournalWriter {

    private static final long UNKNOWN = -1;

    private final KioskDatabase database;
    private final JournalTable table;
    private final EnrolledKiosk enrolled;
    private final InstantSource clock;
    private final List<CaptureCompanion> companions;
    private final TrainingMode training;
    private HybridLogicalClock hlc;
    private volatile long writerLastSeq = UNKNOWN;
    private volatile Phase writerPhase;

    public JournalWriter(KioskDatabase database, JournalTable table, EnrolledKiosk enrolled, InstantSource clock,
                         Instance<CaptureCompanion> companions, TrainingMode training) {
        this.database = database;
        this.training = training;
        this.table = table;
        this.enrolled = enrolled;
        this.clock = clock;
        this.companions = companions.stream().toList();
        database.onRollback(this::forgetWriterState);
    }

    private void forgetWriterState() {
        writerLastSeq = UNKNOWN;
        writerPhase = null;
    }

    /** The hybrid logical clock, started after the highest one stored. */
    public synchronized HybridLogicalClock hlc() {
        if (hlc == null) {
            try {
                hlc = new HybridLogicalClock(clock, table.maxHlc());
            } catch (SQLException e) {
                throw new JournalUnavailableException(e);
            }
        }
        return hlc;
    }

    /** Runs {@code work} as one capture; with {@code newPhase} the kiosk moves to that phase in the same transaction (EP-8.3). */
    public <T> T run(Phase newPhase, Journal.CaptureWork<T> work) {
        String kioskId = enrolled.requireKioskId();
        java.util.Optional<TrainingMode.Drill> drill = training.current();
        if (drill.isPresent()) {
            return runTraining(newPhase, work, kioskId, drill.get().drillId());
        }
        try {
            HybridLogicalClock hybrid = hlc();
            List<CaptureCompanion.Part> parts = parts();
            T outcome = database.inTransaction(connection -> {
                Phase phase = writerPhase;
                if (phase == null) {
                    phase = JournalTable.currentPhase(connection);
                    writerPhase = phase;
                }
                long last = writerLastSeq;
                if (last == UNKNOWN) {
                    last = JournalTable.maxSeq(connection, kioskId);
                    writerLastSeq = last;
                }
                if (newPhase == phase) {
                    // EP-8.3: a second change to the same phase (an announcement and a supervisor at once) records no second breakpoint
                    throw KioskRejection.conflict(phase == Phase.DOWNTIME ? "already-in-downtime" : "not-in-downtime", "EP-8.3",
                            phase == Phase.DOWNTIME ? "error.mode.already-downtime" : "error.mode.not-downtime");
                }
                if (newPhase != null) {
                    table.setPhase(connection, newPhase, clock.instant(), last + 1);
                    phase = newPhase;
                    writerPhase = newPhase;
                }
                TxCapture capture = new TxCapture(connection, kioskId, last + 1, phase, hybrid, null);
                T result;
                try {
                    result = work.run(capture);
                    for (CaptureCompanion.Part part : parts) {
                        part.write(capture.transaction, capture.appended);
                    }
                } catch (KioskStorageException e) {
                    throw e.getCause();
                }
                writerLastSeq = capture.nextSeq - 1;
                return result;
            });
            for (CaptureCompanion.Part part : parts) {
                part.committed();
            }
            return outcome;
        } catch (SQLException e) {
            if (e.getMessage() != null && e.getMessage().contains("journal.stream_id, journal.stream_version")) {
                throw KioskRejection.conflict("stream-version-conflict", "HR-9",
                        "error.stream-conflict");
            }
            throw new JournalUnavailableException(e);
        }
    }

    /**
     * HR-21: a capture while the kiosk is in a drill goes to the drill's training namespace: its own sequence (the real
     * one stays contiguous and untouched), its own breakpoint phase, training numbers; every entry carries the drill.
     */
    private <T> T runTraining(Phase newPhase, Journal.CaptureWork<T> work, String kioskId, UUID drill) {
        String namespace = TrainingMode.namespace(kioskId, drill);
        try {
            HybridLogicalClock hybrid = hlc();
            List<CaptureCompanion.Part> parts = parts();
            T outcome = database.inTransaction(connection -> {
                Phase phase = TrainingTable.phase(connection, drill).phase();
                long last = JournalTable.maxSeq(connection, namespace);
                if (newPhase == phase) {
                    throw KioskRejection.conflict(phase == Phase.DOWNTIME ? "already-in-downtime" : "not-in-downtime", "EP-8.3",
                            phase == Phase.DOWNTIME ? "error.mode.already-downtime" : "error.mode.not-downtime");
                }
                if (newPhase != null) {
                    TrainingTable.setPhase(connection, drill, newPhase, clock.instant(), last + 1);
                    phase = newPhase;
                }
                TxCapture capture = new TxCapture(connection, namespace, last + 1, phase, hybrid, drill);
                T result;
                try {
                    result = work.run(capture);
                    for (CaptureCompanion.Part part : parts) {
                        part.write(capture.transaction, capture.appended);
                    }
                } catch (KioskStorageException e) {
                    throw e.getCause();
                }
                return result;
            });
            for (CaptureCompanion.Part part : parts) {
                part.committed();
            }
            return outcome;
        } catch (SQLException e) {
            if (e.getMessage() != null && e.getMessage().contains("journal.stream_id, journal.stream_version")) {
                throw KioskRejection.conflict("stream-version-conflict", "HR-9", "error.stream-conflict");
            }
            throw new JournalUnavailableException(e);
        }
    }

    private List<CaptureCompanion.Part> parts() {
        if (companions.isEmpty()) {
            return List.of();
        }
        List<CaptureCompanion.Part> parts = new ArrayList<>(companions.size());
        for (CaptureCompanion companion : companions) {
            CaptureCompanion.Part part = companion.begin();
            if (part != null) {
                parts.add(part);
            }
        }
        return parts;
    }

    private synchronized long nextHlc(HybridLogicalClock clock) {
        return clock.tick();
    }

    /** The capture handle of one transaction. */
    private final class TxCapture implements Journal.Capture {
        private final Connection connection;
        private final WriteTransaction transaction;
        private final String kioskId;
        private final Phase phase;
        private final HybridLogicalClock hybrid;
        private final UUID drill;
        private final List<JournalEntry> appended = new ArrayList<>(2);
        private long nextSeq;

        TxCapture(Connection connection, String kioskId, long nextSeq, Phase phase, HybridLogicalClock hybrid, UUID drill) {
            this.drill = drill;
            this.connection = connection;
            this.transaction = database.transactionOf(connection);
            this.kioskId = kioskId;
            this.nextSeq = nextSeq;
            this.phase = phase;
            this.hybrid = hybrid;
        }

        @Override
        public JournalEntry append(String streamType, UUID streamId, int streamVersion, String eventType, int schemaVersion,
                                   String payloadJson, String actor) {
            if (streamVersion > 1) {
                keepTrainingApart(streamId);
            }
            JournalEntry entry = JournalEntry.seal(RecordIds.next(), kioskId, nextSeq, streamType, streamId, streamVersion,
                    eventType, schemaVersion, payloadJson, clock.instant(), nextHlc(hybrid), actor);
            try {
                table.insert(connection, entry, phase, drill);
            } catch (SQLException e) {
                throw new KioskStorageException("journal entry not written", e);
            }
            appended.add(entry);
            nextSeq++;
            return entry;
        }

        @Override
        public Phase phase() {
            return phase;
        }

        @Override
        public WriteTransaction transaction() {
            return transaction;
        }

        @Override
        public int nextVersion(UUID streamId) {
            try {
                return JournalTable.nextVersion(connection, streamId);
            } catch (SQLException e) {
                throw new KioskStorageException("journal unreadable", e);
            }
        }

        @Override
        public UUID drill() {
            return drill;
        }

        /**
         * HR-21: a drill capture never corrects or voids a real record, and a real capture never one of a drill (the purge
         * removes a drill's records whole, and a real record's history never holds training entries).
         */
        private void keepTrainingApart(UUID streamId) {
            java.util.Optional<String> origin;
            try {
                origin = JournalTable.originDrill(connection, streamId);
            } catch (SQLException e) {
                throw new KioskStorageException("journal unreadable", e);
            }
            if (origin != null && !java.util.Objects.equals(origin.orElse(null), drill == null ? null : drill.toString())) {
                throw KioskRejection.conflict(drill == null ? "training-record" : "real-record-in-drill", "HR-21",
                        drill == null ? "error.training.record-of-drill" : "error.training.real-record");
            }
        }

        @Override
        public String trainingNumber(String letters, String series) {
            if (drill == null) {
                throw new IllegalStateException("a real capture draws real numbers");
            }
            try {
                return TrainingMode.number(letters, TrainingTable.nextNumber(connection, drill, series));
            } catch (SQLException e) {
                throw new KioskStorageException("training number not drawn", e);
            }
        }

        @Override
        public long lastSeqOfFile() {
            try {
                if (drill != null) {
                    return JournalTable.maxSeq(connection, kioskId);
                }
                return JournalTable.maxSeqOfFile(connection);
            } catch (SQLException e) {
                throw new KioskStorageException("journal unreadable", e);
            }
        }
    }
}
