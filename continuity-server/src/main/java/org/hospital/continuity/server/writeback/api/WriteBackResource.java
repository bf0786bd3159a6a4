package org.hospital.continuity.server.writeback.api;

import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.hospital.continuity.server.platform.api.DomainRejection;
import org.hospital.continuity.server.platform.security.Roles;
import org.hospital.continuity.server.writeback.app.RunningWriteBack;
import org.hospital.continuity.server.writeback.app.WritingBack;
import org.hospital.continuity.server.writeback.persistence.PgWriteBackLedger;

import java.time.Instant;
import java.util.UUID;

/** Write-back progress per incident (EP-8.4) for IT and the leadership board; IT may start a run now. */
@Path("/api/writeback/incidents/{incident}")
@Produces(MediaType.APPLICATION_JSON)
public class WriteBackResource {

    private final PgWriteBackLedger ledger;
    private final RunningWriteBack running;

    private final org.hospital.continuity.server.syncreceiver.SyncedJournal synced;

    public WriteBackResource(PgWriteBackLedger ledger, RunningWriteBack running, org.hospital.continuity.server.syncreceiver.SyncedJournal synced) {
        this.synced = synced;
        this.ledger = ledger;
        this.running = running;
    }

    /** The last run seen by this instance (null when none ran here). */
    public record LastRun(int total, int written, int toWorkbench, int alreadySettled, int priceFlags, boolean paused, long tookMillis) {
        static LastRun of(WritingBack.Report r) {
            return r == null ? null : new LastRun(r.total(), r.written(), r.toWorkbench(), r.alreadySettled(), r.priceFlags(),
                    r.paused(), r.took().toMillis());
        }
    }

    /** {@code heldForDrill}: a drill's records, kept on the server and never written to the real HIS (HR-21). */
    public record ProgressView(String incident, long written, long waitingOnWorkbench, long openFlags, boolean paused,
                               UUID pausedBeforeVisit, String pausedDetail, Instant pausedAt, LastRun lastRun, boolean heldForDrill) {
    }

    @GET
    @Blocking
    @RolesAllowed({Roles.IT, Roles.ADMIN, Roles.LEADERSHIP})
    public ProgressView progress(@PathParam("incident") @Size(max = 100) @Pattern(regexp = "[A-Za-z0-9._:-]+") String incident) {
        PgWriteBackLedger.Progress p = ledger.progress(incident);
        var pause = ledger.pause(incident);
        return new ProgressView(incident, p.written(), p.waiting(), p.openFlags(), pause.isPresent(),
                pause.map(PgWriteBackLedger.Pause::beforeVisit).orElse(null), pause.map(PgWriteBackLedger.Pause::detail).orElse(null),
                pause.map(PgWriteBackLedger.Pause::at).orElse(null), LastRun.of(running.lastRun(incident).orElse(null)),
                running.held(incident));
    }

    /**
     * EP-8.4 "nothing left behind", counted: per kiosk and kind, received = written + waiting (by reason) + held + not for
     * the HIS, with nothing pending once a run went through.
     */
    @GET
    @Path("/conservation")
    @Blocking
    @RolesAllowed({Roles.IT, Roles.ADMIN, Roles.LEADERSHIP, Roles.DATA_ENTRY})
    public ConservationView conservation(@PathParam("incident") @Size(max = 100) @Pattern(regexp = "[A-Za-z0-9._:-]+") String incident) {
        var c = running.conservation(incident);
        java.util.Set<String> kiosks = new java.util.TreeSet<>();
        c.lines().forEach(l -> kiosks.add(l.kioskId()));
        var lost = synced.unreadableOnKiosks(kiosks).await().indefinitely();
        return new ConservationView(incident, c.received(), c.written(), c.waiting(), c.held(), c.notForHis(), c.pending(), c.balances(),
                c.lines(), c.received() + lost.size(), lost);
    }

    /**
     * The ledger's totals and its lines (kiosk, kind, counts; no patient data). {@code confirmed} = {@code received} + the
     * entries the ledger's kiosks confirmed but could not read any more ({@code unreadableOnKiosk}: kiosk, sequence, kind,
     * reason), which the server never received and the paper copy replaces.
     */
    public record ConservationView(String incident, long received, long written, long waiting, long held, long notForHis, long pending,
                                   boolean balances, java.util.List<org.hospital.continuity.server.writeback.app.Conservation.Line> lines,
                                   long confirmed,
                                   java.util.List<org.hospital.continuity.server.syncreceiver.SyncedJournal.UnreadableOnKiosk> unreadableOnKiosk) {
    }

    /**
     * Runs the incident's write-back now (it also runs on its schedule); 409 while another run holds the lock, and 409
     * with its own reason for a drill whose records are held (HR-21).
     */
    @POST
    @Path("/run")
    @Blocking
    @RolesAllowed({Roles.IT, Roles.ADMIN})
    public LastRun runNow(@PathParam("incident") @Size(max = 100) @Pattern(regexp = "[A-Za-z0-9._:-]+") String incident) {
        if (running.held(incident)) {
            throw DomainRejection.conflict("writeback-held-drill", "HR-21",
                    "This incident is a drill: its records are held on the server and never written to the real HIS.");
        }
        return LastRun.of(running.runIncident(incident).orElseThrow(() -> DomainRejection.conflict("writeback-running", "EP-8.4",
                "A write-back run is in progress on this or another server; try again in a minute.")));
    }
}
