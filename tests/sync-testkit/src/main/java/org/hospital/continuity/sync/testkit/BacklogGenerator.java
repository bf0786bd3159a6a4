package org.hospital.continuity.sync.testkit;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import java.time.LocalDate;
import org.hospital.continuity.sync.contract.Contract;
import org.hospital.continuity.sync.contract.DowntimeRecord;
import org.hospital.continuity.sync.envelope.JournalEntry;

/**
 * A downtime backlog as kiosks would hold it: per kiosk a journal 1..n of registrations, charges,
 * prescriptions and invoice-register lines, with amendments (new stream versions), every payload a record of the typed
 * contract of realistic size (about 300–800 UTF-8 bytes of JSON, some Chinese text), generated from a fixed seed so
 * that every run and both peers of the benchmark see the same bytes. Names and numbers are
 * invented, never real patients.
 */
public final class BacklogGenerator {

    private static final String[] SURNAMES = {"王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴"};
    private static final String[] GIVEN = {"伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "洋", "艳", "勇", "军"};
    private static final String[] DEPARTMENTS = {"nephrology", "urology", "dialysis-centre", "internal-medicine", "pharmacy", "laboratory"};
    private static final String[] STREAMS = {"registration", "charge", "prescription", "invoice-register"};
    /** Which streams take amendments (HR-9): charges (invoice voided) and prescriptions (voided). */
    private static final boolean[] AMENDABLE = {false, true, true, false};
    private static final String FILLER = "手工登记补录备注 downtime note ";

    private BacklogGenerator() {
    }

    /** {@code total} entries spread evenly over {@code kiosks} kiosks named {@code prefix01…}. */
    public static Map<String, List<JournalEntry>> generate(long seed, String prefix, int kiosks, int total) {
        SplittableRandom random = new SplittableRandom(seed);
        Map<String, List<JournalEntry>> backlog = new LinkedHashMap<>();
        Instant start = Instant.parse("2026-11-21T00:00:00Z");
        for (int k = 0; k < kiosks; k++) {
            String kiosk = String.format("%s%02d", prefix, k + 1);
            int n = total / kiosks + (k < total % kiosks ? 1 : 0);
            List<JournalEntry> journal = new ArrayList<>(n);
            List<UUID> openStreams = new ArrayList<>();
            List<Integer> versions = new ArrayList<>();
            List<Integer> kinds = new ArrayList<>();
            long hlc = (start.toEpochMilli() + k) << 16;
            for (int s = 1; s <= n; s++) {
                UUID stream;
                int version;
                int kind;
                // HR-9: an amendment is a new version of a charge (its invoice voided) or of a prescription (voided)
                boolean correction = !openStreams.isEmpty() && random.nextInt(10) == 0;
                if (correction) {
                    int pick = random.nextInt(openStreams.size());
                    stream = openStreams.get(pick);
                    version = versions.get(pick) + 1;
                    versions.set(pick, version);
                    kind = kinds.get(pick);
                } else {
                    stream = new UUID(random.nextLong(), random.nextLong());
                    version = 1;
                    kind = random.nextInt(STREAMS.length);
                    if (AMENDABLE[kind]) {
                        if (openStreams.size() < 64) {
                            openStreams.add(stream);
                            versions.add(1);
                            kinds.add(kind);
                        } else {
                            int slot = random.nextInt(openStreams.size());
                            openStreams.set(slot, stream);
                            versions.set(slot, 1);
                            kinds.set(slot, kind);
                        }
                    }
                }
                // a 24 h backlog; nanosecond clock values, as InstantSource.system() gives on Linux
                Instant at = start.plusMillis(s * 21_600L + random.nextInt(1000)).plusNanos(random.nextInt(1_000_000));
                hlc = Math.max(hlc + 1, at.toEpochMilli() << 16);
                DowntimeRecord record = correction ? amendment(random, kind, stream) : record(random, kind, 300 + random.nextInt(501));
                journal.add(JournalEntry.seal(new UUID(random.nextLong(), random.nextLong()), kiosk, s, STREAMS[kind], stream,
                        version, Contract.CURRENT.eventType(record), Contract.CURRENT.schemaVersion(record), Contract.write(record), at, hlc, "acct-" + (1 + random.nextInt(40))));
            }
            backlog.put(kiosk, journal);
        }
        return backlog;
    }

    static String name(SplittableRandom r) {
        return SURNAMES[r.nextInt(SURNAMES.length)] + GIVEN[r.nextInt(GIVEN.length)] + GIVEN[r.nextInt(GIVEN.length)];
    }

    static DowntimeRecord amendment(SplittableRandom r, int kind, UUID stream) {
        // HR-9: a void is approved by a second person (a lead account, never one of the capturing accounts acct-1…40)
        return kind == 1 ? new DowntimeRecord.InvoiceVoided(String.format("%08d", r.nextInt(99_999_999)), "录入错误更正作废", "lead-1", "收费组长")
                : new DowntimeRecord.ClinicalFormVoided(stream, "录入错误更正作废", "lead-2", "科室主任");
    }

    /** A record of the kind, its lines added until the payload is about {@code targetBytes} of UTF-8. */
    static DowntimeRecord record(SplittableRandom r, int kind, int targetBytes) {
        String name = name(r);
        switch (kind) {
            case 0 -> {
                return new DowntimeRecord.PatientRegistered(String.format("DT%07d", r.nextInt(9_999_999)), null, name, r.nextBoolean() ? "F" : "M",
                        LocalDate.of(1930 + r.nextInt(90), 1 + r.nextInt(12), 1 + r.nextInt(28)), null, null,
                        "139" + String.format("%08d", r.nextInt(99_999_999)), "SELF_PAY", null, DEPARTMENTS[r.nextInt(DEPARTMENTS.length)],
                        null, "REG-01", "普通门诊挂号 " + FILLER.repeat(Math.max(0, (targetBytes - 420) / 40)), 500 + r.nextInt(5000));
            }
            case 1 -> {
                List<DowntimeRecord.PricedLine> lines = new ArrayList<>();
                do {
                    long unit = 100 + r.nextInt(200_000);
                    int q = 1 + r.nextInt(9);
                    lines.add(new DowntimeRecord.PricedLine(String.format("F%05d", r.nextInt(99_999)), "ITEM", "检查项目" + lines.size(), null, "次",
                            unit, q, unit * q, null));
                } while (utf8(Contract.write(ContractPayloads.charge(lines, name))) < targetBytes - 60);
                return ContractPayloads.charge(lines, name);
            }
            case 2 -> {
                List<DowntimeRecord.DrugLine> lines = new ArrayList<>();
                long total = 0;
                do {
                    long unit = 100 + r.nextInt(20_000);
                    int q = 1 + r.nextInt(9);
                    lines.add(new DowntimeRecord.DrugLine(String.format("Y%05d", r.nextInt(99_999)), "药品" + lines.size(), null, "盒",
                            java.math.BigDecimal.valueOf(1 + r.nextInt(4)), "片", "po", "tid", q, 1 + r.nextInt(14), unit, unit * q));
                    total += unit * q;
                } while (utf8(Contract.write(prescription(name, lines, total))) < targetBytes - 60);
                return prescription(name, lines, total);
            }
            default -> {
                return new DowntimeRecord.InvoiceNumberSpoiled(String.format("%08d", r.nextInt(99_999_999)),
                        "发票打印错误 " + FILLER.repeat(Math.max(0, (targetBytes - 120) / 40)).trim(),
                        "cashier-lead-1", "收费组长"); // HR-9: a spoil is approved by a second person (schema version 2)
            }
        }
    }

    static DowntimeRecord.PrescriptionWritten prescription(String name, List<DowntimeRecord.DrugLine> lines, long total) {
        return new DowntimeRecord.PrescriptionWritten(new DowntimeRecord.PatientOnForm(null, name, null, null, null, null), "上呼吸道感染",
                new ArrayList<>(lines), total, false, null, false, null, "snap-1", null, null, null);
    }

    private static int utf8(CharSequence s) {
        return s.toString().getBytes(StandardCharsets.UTF_8).length;
    }
}
