package org.hospital.continuity.server.integrity.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * EP-4.1 价表目录被删除或修改, HR-10: the entries that differ between two pulls of a guarded dictionary from the HIS,
 * and which of them the hospital approved. Every change counts, whatever the number: one price changed without an
 * approval is as much a finding as a thousand.
 */
public final class CatalogueChanges {

    private CatalogueChanges() {
    }

    /** What happened to one entry between two pulls. */
    public enum Kind {
        ADDED("新增"), CHANGED("修改"), DELETED("删除");

        private final String zh;

        Kind(String zh) {
            this.zh = zh;
        }

        public String zh() {
            return zh;
        }
    }

    /** One entry's change; {@code before} is null for an addition, {@code after} null for a deletion. */
    public record Change(String code, Kind kind, ReferenceItem before, ReferenceItem after) {

        public Change {
            Objects.requireNonNull(code, "code");
            Objects.requireNonNull(kind, "kind");
        }

        /** One line of evidence: code, name, and the price before and after in yuan (no patient data). */
        public String evidence() {
            String name = after != null ? after.name() : before.name();
            return switch (kind) {
                case ADDED -> code + " " + name + " 新增 " + yuan(after.priceFen()) + "元";
                case DELETED -> code + " " + name + " 删除 (原 " + yuan(before.priceFen()) + "元)";
                case CHANGED -> code + " " + name + " " + yuan(before.priceFen()) + "元→" + yuan(after.priceFen()) + "元"
                        + (before.name().equals(after.name()) ? "" : " 名称 " + before.name() + "→" + after.name())
                        + (before.unit().equals(after.unit()) ? "" : " 单位 " + before.unit() + "→" + after.unit());
            };
        }

        private static String yuan(long fen) {
            return java.math.BigDecimal.valueOf(fen, 2).toPlainString();
        }
    }

    /**
     * A change the hospital approved (HR-10): the entry's code, what may happen to it, for a change or an addition the
     * price it may have afterwards (null: any price), and until when the approval holds.
     */
    public record Approval(String code, Kind kind, Long priceFen, Instant approvedAt, Instant validUntil) {

        public Approval {
            Objects.requireNonNull(code, "code");
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(approvedAt, "approvedAt");
            Objects.requireNonNull(validUntil, "validUntil");
        }

        /** True when this approval covers the change seen at {@code seenAt}. */
        public boolean covers(Change change, Instant seenAt) {
            if (!code.equals(change.code()) || kind != change.kind()) {
                return false;
            }
            if (seenAt.isBefore(approvedAt.minusSeconds(24 * 3600)) || seenAt.isAfter(validUntil)) {
                return false;
            }
            return priceFen == null || change.after() == null || priceFen == change.after().priceFen();
        }
    }

    /** Entries added, changed (name, unit, specification or price) and deleted from {@code previous} to {@code next}, by code. */
    public static List<Change> between(List<ReferenceItem> previous, List<ReferenceItem> next) {
        Map<String, ReferenceItem> before = new LinkedHashMap<>();
        previous.forEach(i -> before.put(i.code(), i));
        List<Change> out = new ArrayList<>();
        for (ReferenceItem i : next) {
            ReferenceItem old = before.remove(i.code());
            if (old == null) {
                out.add(new Change(i.code(), Kind.ADDED, null, i));
            } else if (old.differsFrom(i)) {
                out.add(new Change(i.code(), Kind.CHANGED, old, i));
            }
        }
        before.values().forEach(old -> out.add(new Change(old.code(), Kind.DELETED, old, null)));
        out.sort(Comparator.comparing(Change::code));
        return out;
    }

    /** The changes no approval covers, in code order. */
    public static List<Change> unapproved(List<Change> changes, List<Approval> approvals, Instant seenAt) {
        return changes.stream().filter(c -> approvals.stream().noneMatch(a -> a.covers(c, seenAt))).toList();
    }

    /**
     * The integrity kind the unapproved changes raise: a deletion is graded as the dictionary deleted, any other change as
     * altered; empty when every change was approved.
     */
    public static Optional<org.hospital.continuity.playbooks.signal.IntegrityKind> alarm(Catalogue catalogue, List<Change> unapproved) {
        if (unapproved.isEmpty()) {
            return Optional.empty();
        }
        boolean deletion = unapproved.stream().anyMatch(c -> c.kind() == Kind.DELETED);
        return Optional.of(deletion ? catalogue.deletedKind() : catalogue.alteredKind());
    }

    /** The alarm's evidence: every unapproved entry, one per line (the whole list, however long: EP-4.1 "whatever the count"). */
    public static String evidence(List<Change> unapproved) {
        return String.join("\n", unapproved.stream().map(Change::evidence).toList());
    }
}
