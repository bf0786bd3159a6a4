package org.hospital.continuity.playbooks.classify;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.hospital.continuity.playbooks.fault.Area;
import org.hospital.continuity.playbooks.signal.Component;
import org.hospital.continuity.playbooks.signal.ProbeResult;
import org.hospital.continuity.playbooks.signal.ProbeStatus;

/**
 * What the probes of one component (one series: component and target) say, with the outage clock of that
 * component. The clock (docs/playbooks.md, "The outage clock of a flapping component"):
 *
 * <ul>
 *   <li>An outage starts with a DOWN probe.</li>
 *   <li>It ends with the UP probe that brings the component back, unless the component is flapping: this is
 *   its {@code unstableMinFailures}-th failure within {@code unstableWindow}. A flapping component's outage
 *   goes on while, since {@code max(outage start, now − window)}, it has been down more than up; it ends at the
 *   instant that stops being true while it stays up ({@link Outage#heldUntil()}).</li>
 *   <li>A DOWN within the window after an outage ended resumes that outage (same start: the clock continues)
 *   when, since {@code max(its start, now − window)}, the component was down more than up; otherwise a new
 *   outage starts.</li>
 * </ul>
 * So a component that is up and stable never has an outage, and a component that is down more than up keeps
 * one clock.
 *
 * @param key         {@code COMPONENT/target}
 * @param component   the component
 * @param target      the probed target
 * @param area        the area it serves, if one
 * @param status      its latest status
 * @param statusSince since when it has that status
 * @param episodes    its down episodes that matter now (ongoing, or ended within the window), oldest first
 * @param outage      its ongoing outage, if any
 * @param lastEnded   its latest outage that ended, if it ended within the window
 * @param dismissed   IT cleared its outage by hand; no finding until its status next changes
 */
public record Series(String key, Component component, String target, Optional<Area> area, ProbeStatus status,
                     Instant statusSince, List<Episode> episodes, Optional<Outage> outage, Optional<Ended> lastEnded,
                     boolean dismissed) {

    /**
     * One failure: from its first DOWN to the UP that ended it.
     *
     * @param firstDownId the DOWN probe's signal id
     * @param down        when it went down
     * @param up          when it came back; empty while it is down
     */
    public record Episode(String firstDownId, Instant down, Optional<Instant> up) {
        public Episode {
            Objects.requireNonNull(firstDownId, "firstDownId");
            Objects.requireNonNull(down, "down");
            Objects.requireNonNull(up, "up");
        }
    }

    /**
     * An ongoing outage.
     *
     * @param start       when it began (the outage clock of the EP-5.2 ladder)
     * @param firstDownId the probe that began it
     * @param heldUntil   while the component is up again but flapping: the instant the outage ends if it stays up
     */
    public record Outage(Instant start, String firstDownId, Optional<Instant> heldUntil) {
        public Outage {
            Objects.requireNonNull(start, "start");
            Objects.requireNonNull(firstDownId, "firstDownId");
            Objects.requireNonNull(heldUntil, "heldUntil");
        }

        /** True while the component is up again but the outage holds because it flaps. */
        public boolean held() {
            return heldUntil.isPresent();
        }
    }

    /**
     * An outage that ended.
     *
     * @param start       when it began
     * @param firstDownId the probe that began it
     * @param end         when it ended
     */
    public record Ended(Instant start, String firstDownId, Instant end) {
    }

    public Series {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(component, "component");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(area, "area");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(statusSince, "statusSince");
        episodes = List.copyOf(episodes);
        Objects.requireNonNull(outage, "outage");
        Objects.requireNonNull(lastEnded, "lastEnded");
    }

    /** A series seen for the first time. */
    static Series first(ProbeResult p, Duration window) {
        Series empty = new Series(p.seriesKey(), p.component(), p.target(), p.area(), ProbeStatus.UP, p.at(), List.of(),
                Optional.empty(), Optional.empty(), false);
        return p.status() == ProbeStatus.UP ? empty : empty.observe(p, 2, window);
    }

    /** True while the component has an outage (down, or up but held because it flaps), unless IT dismissed it. */
    public boolean inOutage() {
        return outage.isPresent() && !dismissed;
    }

    /**
     * The series after a probe of it.
     *
     * @param minFailures failures within the window that make the component flap
     * @param window      the unstable window
     */
    Series observe(ProbeResult p, int minFailures, Duration window) {
        Instant t = p.at().isBefore(statusSince) ? statusSince : p.at();
        Optional<Area> where = p.area().isPresent() ? p.area() : area;
        if (p.status() == status && !(p.status() == ProbeStatus.DOWN && episodes.isEmpty())) {
            return where.equals(area) ? this : new Series(key, component, target, where, status, statusSince, episodes, outage,
                    lastEnded, dismissed);
        }
        List<Episode> eps = new ArrayList<>(pruned(episodes, t, window));
        if (p.status() == ProbeStatus.DOWN) {
            eps.add(new Episode(p.id(), t, Optional.empty()));
            Optional<Outage> next = outage;
            Optional<Ended> ended = lastEnded;
            if (outage.isPresent()) {
                next = Optional.of(new Outage(outage.get().start(), outage.get().firstDownId(), Optional.empty()));
            } else if (lastEnded.isPresent() && !lastEnded.get().end().isBefore(t.minus(window))
                    && downMoreThanUp(eps, later(lastEnded.get().start(), t.minus(window)), t)) {
                next = Optional.of(new Outage(lastEnded.get().start(), lastEnded.get().firstDownId(), Optional.empty()));
                ended = Optional.empty();
            } else {
                next = Optional.of(new Outage(t, p.id(), Optional.empty()));
            }
            return new Series(key, component, target, where, ProbeStatus.DOWN, t, eps, next, ended, false);
        }
        // UP: the current failure ends
        Episode open = eps.get(eps.size() - 1);
        eps.set(eps.size() - 1, new Episode(open.firstDownId(), open.down(), Optional.of(t)));
        Optional<Outage> next = outage;
        Optional<Ended> ended = lastEnded;
        if (outage.isPresent()) {
            long failures = eps.stream().filter(e -> e.up().map(u -> u.isAfter(t.minus(window))).orElse(true)).count();
            Instant from = later(outage.get().start(), t.minus(window));
            if (failures >= minFailures && downMoreThanUp(eps, from, t)) {
                next = Optional.of(new Outage(outage.get().start(), outage.get().firstDownId(),
                        Optional.of(holdEnd(eps, outage.get().start(), t, window))));
            } else {
                ended = Optional.of(new Ended(outage.get().start(), outage.get().firstDownId(), t));
                next = Optional.empty();
            }
        }
        return new Series(key, component, target, where, ProbeStatus.UP, t, eps, next, ended, false);
    }

    /** The series at {@code now}: a held outage whose end has come ends then; old failures leave the window. */
    Series advance(Instant now, Duration window) {
        Optional<Outage> next = outage;
        Optional<Ended> ended = lastEnded;
        if (outage.isPresent() && outage.get().heldUntil().isPresent() && !outage.get().heldUntil().get().isAfter(now)) {
            ended = Optional.of(new Ended(outage.get().start(), outage.get().firstDownId(), outage.get().heldUntil().get()));
            next = Optional.empty();
        }
        if (ended.isPresent() && ended.get().end().isBefore(now.minus(window))) {
            ended = Optional.empty();
        }
        List<Episode> eps = pruned(episodes, now, window);
        if (next.equals(outage) && ended.equals(lastEnded) && eps.size() == episodes.size()) {
            return this;
        }
        return new Series(key, component, target, area, status, statusSince, eps, next, ended, dismissed);
    }

    /** IT cleared the outage by hand (the probe is wrong): no finding until the status changes again. */
    Series dismiss() {
        return new Series(key, component, target, area, status, statusSince, episodes, outage, lastEnded, true);
    }

    /** The failures that count now: ongoing, or ended within the window before {@code now}. */
    public List<Episode> recentFailures(Instant now, Duration window) {
        Instant from = now.minus(window);
        return episodes.stream().filter(e -> e.up().map(u -> u.isAfter(from)).orElse(true)).toList();
    }

    /**
     * When this series changes without a new probe: a held outage ends, or a failure leaves the window (which
     * may end "unstable"); empty when only a probe can change it.
     */
    public Optional<Instant> nextChange(Instant now, int minFailures, Duration window) {
        Optional<Instant> held = outage.flatMap(Outage::heldUntil).filter(h -> h.isAfter(now));
        Optional<Instant> leaves = episodes.stream().flatMap(e -> e.up().stream())
                .map(u -> u.plus(window)).filter(x -> x.isAfter(now)).min(Instant::compareTo);
        return Optional.ofNullable(held.isPresent() && leaves.isPresent()
                ? (held.get().isBefore(leaves.get()) ? held.get() : leaves.get())
                : held.orElse(leaves.orElse(null)));
    }

    /** Down time within [from, to] divided by its length is more than one half. */
    static boolean downMoreThanUp(List<Episode> eps, Instant from, Instant to) {
        long length = Duration.between(from, to).toMillis();
        if (length <= 0) {
            return true; // no time has passed: it is down right now
        }
        return 2 * downMillis(eps, from, to) > length;
    }

    private static long downMillis(List<Episode> eps, Instant from, Instant to) {
        long total = 0;
        for (Episode e : eps) {
            Instant a = later(e.down(), from);
            Instant b = e.up().map(u -> u.isBefore(to) ? u : to).orElse(to);
            if (b.isAfter(a)) {
                total += Duration.between(a, b).toMillis();
            }
        }
        return total;
    }

    /**
     * The first instant x ≥ t at which, the component staying up from t, the share of down time within
     * [max(start, x − window), x] is no longer more than one half. The share only falls as x grows, so a
     * binary search over milliseconds finds it; at t + window it is zero.
     */
    static Instant holdEnd(List<Episode> eps, Instant start, Instant t, Duration window) {
        long lo = 0;
        long hi = window.toMillis();
        while (lo < hi) {
            long mid = lo + (hi - lo) / 2;
            Instant x = t.plusMillis(mid);
            if (downMoreThanUp(eps, later(start, x.minus(window)), x)) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return t.plusMillis(lo);
    }

    private static List<Episode> pruned(List<Episode> eps, Instant now, Duration window) {
        Instant from = now.minus(window);
        if (eps.stream().allMatch(e -> e.up().map(u -> !u.isBefore(from)).orElse(true))) {
            return eps;
        }
        return eps.stream().filter(e -> e.up().map(u -> !u.isBefore(from)).orElse(true)).toList();
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
