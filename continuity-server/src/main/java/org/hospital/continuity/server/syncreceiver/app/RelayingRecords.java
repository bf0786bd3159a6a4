package org.hospital.continuity.server.syncreceiver.app;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.hospital.continuity.server.directory.People;
import org.hospital.continuity.server.kiosk.Kiosks;
import org.hospital.continuity.server.syncreceiver.domain.RelayRoutes;
import org.hospital.continuity.server.syncreceiver.persistence.RelayFeedStore;
import org.hospital.continuity.server.syncreceiver.persistence.RelayFeedStore.Position;
import org.hospital.continuity.server.syncreceiver.persistence.RelayFeedStore.RelayRow;
import org.hospital.continuity.sync.contract.Contract;
import org.hospital.continuity.sync.contract.DowntimeRecord;
import org.hospital.continuity.sync.contract.RelayFeed;
import org.hospital.continuity.sync.envelope.Utf8Text;

/**
 * HIS down, LAN up: the continuity server relays what one station pushed to the stations that work on it (EP-6.4–6.7),
 * by the rules of {@link RelayRoutes}; a station sees only its department's share (HR-5). A kiosk asks with its
 * credential and the cursor it holds, and the answer comes as soon as there is something for it, or empty after the
 * wait (long poll).
 */
@ApplicationScoped
public class RelayingRecords {

    /** Entries read per scan; the answer says {@code more} when a scan was cut. */
    static final int SCAN = 500;
    /** The longest a kiosk is kept waiting. */
    static final Duration MAX_WAIT = Duration.ofSeconds(25);
    /** How often a waiting reader looks again without a wake-up. */
    static final Duration RECHECK = Duration.ofSeconds(1);
    /** How long a kiosk's department and area are kept before they are read again. */
    static final Duration STATION_TTL = Duration.ofSeconds(30);

    private final KioskAuthenticator authenticator;
    private final RelayFeedStore store;
    private final RelayWakeUps wakeUps;
    private final Kiosks kiosks;
    private final People people;
    private final InstantSource clock;
    private final Map<String, Cached> stations = new ConcurrentHashMap<>();

    private record Cached(Optional<RelayRoutes.Station> station, Instant at) {
    }

    public RelayingRecords(KioskAuthenticator authenticator, RelayFeedStore store, RelayWakeUps wakeUps, Kiosks kiosks, People people,
                           InstantSource clock) {
        this.authenticator = authenticator;
        this.store = store;
        this.wakeUps = wakeUps;
        this.kiosks = kiosks;
        this.people = people;
        this.clock = clock;
    }

    /** The answer: the feed, or the kiosk is not authenticated, or not an enrolled kiosk with a department. */
    public sealed interface Answer {
    }

    public record Fed(RelayFeed feed) implements Answer {
    }

    public record Unauthenticated() implements Answer {
    }

    public record NoDepartment() implements Answer {
    }

    public Uni<Answer> feed(String authorization, String after, long waitMillis) {
        String[] credential = ReceivingPush.basic(authorization);
        if (credential == null) {
            return Uni.createFrom().item(new Unauthenticated());
        }
        Duration wait = Duration.ofMillis(Math.max(0, Math.min(waitMillis, MAX_WAIT.toMillis())));
        return authenticator.verify(credential[0], credential[1]).chain(v -> v != KioskAuthenticator.Verdict.AUTHENTIC
                ? Uni.createFrom().item(new Unauthenticated())
                : station(credential[0]).chain(s -> s.isEmpty() ? Uni.createFrom().item(new NoDepartment())
                : read(s.get(), Position.parse(after), clock.instant().plus(wait)).map(Fed::new)));
    }

    private Uni<Optional<RelayRoutes.Station>> station(String kioskId) {
        Cached c = stations.get(kioskId);
        Instant now = clock.instant();
        if (c != null && c.at().plus(STATION_TTL).isAfter(now)) {
            return Uni.createFrom().item(c.station());
        }
        return kiosks.kiosks().chain(all -> {
            Optional<Kiosks.Kiosk> k = all.stream().filter(x -> x.kioskId().equals(kioskId) && x.departmentCode() != null).findFirst();
            if (k.isEmpty()) {
                return Uni.createFrom().item(Optional.<RelayRoutes.Station>empty());
            }
            return people.department(k.get().departmentCode()).map(d -> Optional.of(
                    new RelayRoutes.Station(kioskId, k.get().departmentCode(), d == null ? null : d.area())));
        }).invoke(s -> stations.put(kioskId, new Cached(s, now)));
    }

    /** Reads until something is for this station, the scan is cut, or the wait is over. */
    private Uni<RelayFeed> read(RelayRoutes.Station station, Position after, Instant until) {
        var woken = wakeUps.next(); // taken before the read: a push stored during the read wakes the wait below
        return store.after(after, station.kioskId(), SCAN).chain(scan -> route(station, scan.rows()).chain(entries -> {
            Position last = scan.rows().isEmpty() ? after : scan.rows().get(scan.rows().size() - 1).position();
            Duration left = Duration.between(clock.instant(), until);
            if (!entries.isEmpty() || scan.full() || left.isNegative() || left.isZero()) {
                return Uni.createFrom().item(new RelayFeed(last.text(), entries, scan.full()));
            }
            Duration nap = left.compareTo(RECHECK) < 0 ? left : RECHECK;
            // a copy per reader: a reader's timeout cancels its copy, never the wake-up the other readers share
            return Uni.createFrom().completionStage(woken.copy()).ifNoItem().after(nap).recoverWithItem((Void) null)
                    .onFailure().recoverWithItem((Void) null)
                    .chain(x -> read(station, last, until));
        }));
    }

    private Uni<List<RelayFeed.Entry>> route(RelayRoutes.Station station, List<RelayRow> rows) {
        List<Readable> readable = new ArrayList<>();
        Set<UUID> capturersAsked = new HashSet<>();
        Set<UUID> amended = new HashSet<>();
        for (RelayRow r : rows) {
            if (r.kioskId().equals(station.kioskId())) {
                continue; // its own records: it holds them
            }
            if (!(read(r) instanceof Contract.Readable ok)) {
                continue; // the receiver checked it; a record this server cannot read is not relayed
            }
            List<RelayRoutes.Target> targets = RelayRoutes.audience(r.streamId(), ok.record());
            for (RelayRoutes.Target t : targets) {
                if (t instanceof RelayRoutes.CapturerOf c) {
                    capturersAsked.add(c.recordId());
                } else if (t instanceof RelayRoutes.AudienceOf a) {
                    amended.add(a.recordId());
                }
            }
            readable.add(new Readable(r, ok.record(), targets));
        }
        if (readable.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return store.firstEntries(amended).chain(firsts -> {
            // a void or correction goes where the record it amends went: resolve that record's targets too
            Map<UUID, List<RelayRoutes.Target>> amendedTargets = new HashMap<>();
            for (var e : firsts.entrySet()) {
                RelayRow f = e.getValue();
                if (read(f) instanceof Contract.Readable ok) {
                    List<RelayRoutes.Target> t = new ArrayList<>(RelayRoutes.audience(f.streamId(), ok.record()));
                    t.add(new RelayRoutes.CapturerOf(f.streamId())); // the station that wrote it sees its own record's fate
                    t.forEach(x -> {
                        if (x instanceof RelayRoutes.CapturerOf c) {
                            capturersAsked.add(c.recordId());
                        }
                    });
                    amendedTargets.put(e.getKey(), t);
                }
            }
            return store.capturers(capturersAsked).chain(capturers -> departmentsOf(kiosksOf(capturers, readable)).chain(kioskDepts -> {
                List<Uni<RelayFeed.Entry>> out = new ArrayList<>();
                for (Readable r : readable) {
                    out.add(reaches(station, r, amendedTargets, capturers, kioskDepts)
                            .map(yes -> yes ? entry(r, kioskDepts.get(r.row().kioskId())) : null));
                }
                return Uni.join().all(out).andFailFast().map(l -> l.stream().filter(java.util.Objects::nonNull).toList())
                        .chain(this::named);
            }));
        });
    }

    /** The kiosks whose departments are asked: the records' capturers and the kiosks that pushed the rows. */
    private static Set<String> kiosksOf(Map<UUID, String> capturers, List<Readable> readable) {
        Set<String> out = new HashSet<>(capturers.values());
        readable.forEach(r -> out.add(r.row().kioskId()));
        return out;
    }

    private record Readable(RelayRow row, DowntimeRecord record, List<RelayRoutes.Target> targets) {
    }

    private Uni<Boolean> reaches(RelayRoutes.Station station, Readable r, Map<UUID, List<RelayRoutes.Target>> amended,
                                 Map<UUID, String> capturers, Map<String, String> kioskDepts) {
        List<String> departments = new ArrayList<>();
        List<String> areas = new ArrayList<>();
        List<RelayRoutes.Target> targets = new ArrayList<>();
        for (RelayRoutes.Target t : r.targets()) {
            if (t instanceof RelayRoutes.AudienceOf a) {
                targets.addAll(amended.getOrDefault(a.recordId(), List.of()));
            } else {
                targets.add(t);
            }
        }
        DowntimeRecord.PatientOnForm examPatient = null;
        for (RelayRoutes.Target t : targets) {
            if (t instanceof RelayRoutes.Area a) {
                areas.add(a.area());
            } else if (t instanceof RelayRoutes.DepartmentOf d) {
                departments.add(d.departmentCode());
            } else if (t instanceof RelayRoutes.CapturerOf c) {
                Optional.ofNullable(capturers.get(c.recordId())).map(kioskDepts::get).ifPresent(departments::add);
            } else if (t instanceof RelayRoutes.ExamRequestersOf e) {
                examPatient = e.patient();
            }
        }
        boolean direct = RelayRoutes.reaches(station, r.row().kioskId(), departments, areas);
        if (direct || examPatient == null) {
            return Uni.createFrom().item(direct);
        }
        DowntimeRecord.PatientOnForm p = examPatient;
        return store.examRequesters(p.knownPatientId(), p.name()).chain(ks -> departmentsOf(ks).map(d -> {
            departments.addAll(d.values());
            return RelayRoutes.reaches(station, r.row().kioskId(), departments, areas);
        }));
    }

    /** Department codes of kiosks, from the kiosk registry. */
    private Uni<Map<String, String>> departmentsOf(java.util.Collection<String> kioskIds) {
        if (kioskIds.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        Set<String> wanted = new HashSet<>(kioskIds);
        return kiosks.kiosks().map(all -> {
            Map<String, String> out = new HashMap<>();
            all.stream().filter(k -> wanted.contains(k.kioskId()) && k.departmentCode() != null)
                    .forEach(k -> out.put(k.kioskId(), k.departmentCode()));
            return out;
        });
    }

    private static RelayFeed.Entry entry(Readable r, String department) {
        RelayRow row = r.row();
        return new RelayFeed.Entry(row.entryId(), row.streamId(), row.streamType(), row.streamVersion(), row.eventType(),
                Contract.mapper().valueToTree(r.record()), row.kioskId(), department, null, row.actor(), row.recordedAt(), row.receivedAt());
    }

    /** The capturing departments' names from the directory, so the receiving screen says where a record came from in words. */
    private Uni<List<RelayFeed.Entry>> named(List<RelayFeed.Entry> entries) {
        if (entries.isEmpty()) {
            return Uni.createFrom().item(entries);
        }
        return people.departments().map(all -> {
            Map<String, String> names = new HashMap<>();
            all.forEach(d -> names.put(d.code(), d.nameZh()));
            return entries.stream().map(e -> new RelayFeed.Entry(e.entryId(), e.recordId(), e.streamType(), e.streamVersion(), e.eventType(),
                    e.payload(), e.kioskId(), e.departmentCode(), e.departmentCode() == null ? null : names.get(e.departmentCode()), e.actor(),
                    e.recordedAt(), e.receivedAt())).toList();
        });
    }

    private static Contract.Read read(RelayRow r) {
        return Contract.CURRENT.check(r.streamType(), r.streamId(), r.streamVersion(), r.eventType(), r.schemaVersion(),
                Utf8Text.of(r.payload()), r.recordedAt(), r.actor());
    }
}
