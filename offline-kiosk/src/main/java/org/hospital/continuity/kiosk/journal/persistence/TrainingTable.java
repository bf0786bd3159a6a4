package org.hospital.continuity.kiosk.journal.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.hospital.continuity.kiosk.journal.Journal;
import org.hospital.continuity.kiosk.journal.Phase;
import org.hospital.continuity.kiosk.journal.Recorded;
import org.hospital.continuity.kiosk.journal.TrainingMode;
import org.hospital.continuity.kiosk.platform.persistence.KioskDatabase;
import org.hospital.continuity.kiosk.platform.persistence.KioskStorageException;
import org.hospital.continuity.kiosk.platform.persistence.WriteTransaction;

/**
 * HR-21: the journal's training namespace ({@code V0150}): the drill the kiosk is in ({@code training_drill}, with the
 * breakpoint phase of its namespace), the training number counters ({@code training_number}), the purges done
 * ({@code training_purge}), and the training rows of {@code journal} (those with {@code drill_id}).
 */
@ApplicationScoped
public class TrainingTable {

    private final KioskDatabase database;
    private final JournalTable journal;

    public TrainingTable(KioskDatabase database, JournalTable journal) {
        this.database = database;
        this.journal = journal;
    }

    /** The drill the kiosk is in, when any. */
    public Optional<TrainingMode.Drill> current() {
        try {
            return database.read(c -> {
                try (PreparedStatement ps = c.prepareStatement("select drill_id, since from training_drill where id = 1");
                     ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(new TrainingMode.Drill(UUID.fromString(rs.getString(1)), Instant.parse(rs.getString(2))))
                            : Optional.empty();
                }
            });
        } catch (SQLException e) {
            throw new JournalUnavailableException(e);
        }
    }

    /** The kiosk is in {@code drill} from now on (another drill's state is replaced; its entries stay until purged). */
    public void enter(UUID drill, Instant since, Instant now) {
        write(c -> {
            try (PreparedStatement ps = c.prepareStatement("insert into training_drill(id, drill_id, since, phase, changed_at) "
                    + "values (1, ?, ?, 'BEFORE_BREAKPOINT', ?) on conflict(id) do update set drill_id = excluded.drill_id, "
                    + "since = excluded.since, phase = excluded.phase, changed_at = excluded.changed_at, changed_by_seq = null "
                    + "where training_drill.drill_id <> excluded.drill_id")) {
                ps.setString(1, drill.toString());
                ps.setString(2, since.toString());
                ps.setString(3, now.toString());
                return ps.executeUpdate();
            }
        });
    }

    /** The kiosk is in no drill any more (the training entries stay until the purge). */
    public void leave() {
        write(c -> {
            try (PreparedStatement ps = c.prepareStatement("delete from training_drill")) {
                return ps.executeUpdate();
            }
        });
    }

    /** The phase of the drill's namespace with when it began and the entry that began it (in a capture's transaction). */
    static Journal.PhaseState phase(Connection c, UUID drill) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select phase, changed_at, changed_by_seq from training_drill where id = 1 and drill_id = ?")) {
            ps.setString(1, drill.toString());
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return new Journal.PhaseState(Phase.BEFORE_BREAKPOINT, Instant.EPOCH, null);
                }
                long seq = rs.getLong(3);
                return new Journal.PhaseState(Phase.valueOf(rs.getString(1)), Instant.parse(rs.getString(2)), rs.wasNull() ? null : seq);
            }
        }
    }

    /** The phase of the drill's namespace, committed. */
    public Journal.PhaseState phase(UUID drill) {
        try {
            return database.read(c -> phase(c, drill));
        } catch (SQLException e) {
            throw new JournalUnavailableException(e);
        }
    }

    static void setPhase(Connection c, UUID drill, Phase phase, Instant at, long bySeq) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("update training_drill set phase = ?, changed_at = ?, changed_by_seq = ? "
                + "where id = 1 and drill_id = ?")) {
            ps.setString(1, phase.name());
            ps.setString(2, at.toString());
            ps.setLong(3, bySeq);
            ps.setString(4, drill.toString());
            ps.executeUpdate();
        }
    }

    /** The next number of a training series of the drill (from 1), in a capture's transaction. */
    static long nextNumber(Connection c, UUID drill, String series) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("insert into training_number(drill_id, pool, next_no) values (?, ?, 2) "
                + "on conflict(drill_id, pool) do update set next_no = next_no + 1 returning next_no - 1")) {
            ps.setString(1, drill.toString());
            ps.setString(2, series);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** The drills of which this kiosk holds training entries. */
    public List<UUID> drillsHeld() {
        try {
            return database.read(c -> {
                try (PreparedStatement ps = c.prepareStatement("select distinct drill_id from journal where drill_id is not null");
                     ResultSet rs = ps.executeQuery()) {
                    List<UUID> out = new ArrayList<>();
                    while (rs.next()) {
                        out.add(UUID.fromString(rs.getString(1)));
                    }
                    return out;
                }
            });
        } catch (SQLException e) {
            throw new JournalUnavailableException(e);
        }
    }

    /** Whether the purge of {@code drill} was done here already. */
    public boolean purged(UUID drill) {
        try {
            return database.read(c -> {
                try (PreparedStatement ps = c.prepareStatement("select 1 from training_purge where drill_id = ?")) {
                    ps.setString(1, drill.toString());
                    try (ResultSet rs = ps.executeQuery()) {
                        return rs.next();
                    }
                }
            });
        } catch (SQLException e) {
            throw new JournalUnavailableException(e);
        }
    }

    /** The streams of the drill's training entries (for the features' projections), in the purge's transaction. */
    public List<UUID> streams(WriteTransaction tx, UUID drill) {
        try {
            PreparedStatement ps = tx.statement("select distinct stream_id from journal where drill_id = ?");
            ps.setString(1, drill.toString());
            List<UUID> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(UUID.fromString(rs.getString(1)));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new KioskStorageException("training entries unreadable", e);
        }
    }

    /**
     * Deletes the drill's training entries, its number counters, the namespace's sync watermark and (when it is the drill the
     * kiosk is in) the drill state, and records the purge; in the purge's transaction. Returns the entries deleted.
     */
    public long purge(WriteTransaction tx, UUID drill, String namespace, long projections, Instant now) {
        try {
            long entries = update(tx, "delete from journal where drill_id = ?", drill.toString());
            update(tx, "delete from training_number where drill_id = ?", drill.toString());
            update(tx, "delete from sync_checkpoint where peer = ?", trainingPeer(namespace));
            update(tx, "delete from training_drill where drill_id = ?", drill.toString());
            PreparedStatement ps = tx.statement("insert into training_purge(drill_id, purged_at, entries, projections) values (?, ?, ?, ?) "
                    + "on conflict(drill_id) do update set purged_at = excluded.purged_at, entries = training_purge.entries + excluded.entries, "
                    + "projections = training_purge.projections + excluded.projections");
            ps.setString(1, drill.toString());
            ps.setString(2, now.toString());
            ps.setLong(3, entries);
            ps.setLong(4, projections);
            ps.executeUpdate();
            return entries;
        } catch (SQLException e) {
            throw new KioskStorageException("training entries not purged", e);
        }
    }

    /** Training entries of a namespace after {@code afterSeq}, in order (for the training sync). */
    public List<Recorded> after(String namespace, long afterSeq, int limit) {
        return journal.after(namespace, afterSeq, limit);
    }

    /** How many training entries the journal holds for {@code drill} (0 after its purge). */
    public long count(UUID drill) {
        try {
            return database.read(c -> {
                try (PreparedStatement ps = c.prepareStatement("select count(*) from journal where drill_id = ?")) {
                    ps.setString(1, drill.toString());
                    try (ResultSet rs = ps.executeQuery()) {
                        rs.next();
                        return rs.getLong(1);
                    }
                }
            });
        } catch (SQLException e) {
            throw new JournalUnavailableException(e);
        }
    }

    /** The training sync's watermark of a namespace. */
    public long sentThrough(String namespace) {
        try {
            return database.read(c -> {
                try (PreparedStatement ps = c.prepareStatement("select coalesce(max(position), 0) from sync_checkpoint where peer = ?")) {
                    ps.setString(1, trainingPeer(namespace));
                    try (ResultSet rs = ps.executeQuery()) {
                        rs.next();
                        return rs.getLong(1);
                    }
                }
            });
        } catch (SQLException e) {
            throw new JournalUnavailableException(e);
        }
    }

    public void markSent(String namespace, long upTo) {
        write(c -> {
            try (PreparedStatement ps = c.prepareStatement("insert into sync_checkpoint(peer, position) values (?, ?) "
                    + "on conflict(peer) do update set position = max(position, excluded.position)")) {
                ps.setString(1, trainingPeer(namespace));
                ps.setLong(2, upTo);
                return ps.executeUpdate();
            }
        });
    }

    private static String trainingPeer(String namespace) {
        return "training:" + namespace;
    }

    private static long update(WriteTransaction tx, String sql, String arg) throws SQLException {
        PreparedStatement ps = tx.statement(sql);
        ps.setString(1, arg);
        return ps.executeUpdate();
    }

    private void write(KioskDatabase.Work<Integer> work) {
        try {
            database.inTransaction(work);
        } catch (SQLException e) {
            throw new JournalUnavailableException(e);
        }
    }
}
