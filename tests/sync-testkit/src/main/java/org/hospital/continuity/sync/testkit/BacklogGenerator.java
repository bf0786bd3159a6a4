package org.hospital.continuity.sync.testkit;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import org.hospital.continuity.sync.envelope.JournalEntry;

/**
 * A downtime backlog as kiosks would hold it: per kiosk a journal 1..n of registrations, charges,
 * prescriptions and invoice-register lines, with corrections (new stream versions), payloads of
 * realistic size (300–800 UTF-8 bytes of JSON, some Chinese text), generated from a fixed seed so
 * that every run and both peers of the benchmark see the same bytes. Names and numbers are
 * invented, never real patients.
 */
public final class BacklogGenerator {

    private static final String[] SURNAMES = {"王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴"};
    private static final String[] GIVEN = {"伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "洋", "艳", "勇", "军"};
    private static final String[] DEPARTMENTS = {"nephrology", "urology", "dialysis-centre", "internal-medicine", "pharmacy", "laboratory"};
    private static final String[] STREAMS = {"registration", "charge", "prescription", "invoice-register"};
    private static final String[] EVENTS = {"PatientRegistered", "ChargeRecorded", "PrescriptionWritten", "InvoiceUsed"};
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
                // a 24 h backlog; nanosecond clock values, as InstantSource.system() gives on Linux
                Instant at = start.plusMillis(s * 21_600L + random.nextInt(1000)).plusNanos(random.nextInt(1_000_000));
                hlc = Math.max(hlc + 1, at.toEpochMilli() << 16);
                String event = correction ? EVENTS[kind].replaceAll("(Registered|Recorded|Written|Used)$", "Corrected") : EVENTS[kind];
                String payload = payload(random, kind, correction, 300 + random.nextInt(501));
                journal.add(JournalEntry.seal(new UUID(random.nextLong(), random.nextLong()), kiosk, s, STREAMS[kind], stream,
                        version, event, 1, payload, at, hlc, "acct-" + (1 + random.nextInt(40))));
            }
            backlog.put(kiosk, journal);
        }
        return backlog;
    }

    static String payload(SplittableRandom r, int kind, boolean correction, int targetBytes) {
        StringBuilder b = new StringBuilder(targetBytes + 32);
        b.append("{\"patient\":{\"name\":\"").append(SURNAMES[r.nextInt(SURNAMES.length)]).append(GIVEN[r.nextInt(GIVEN.length)])
                .append(GIVEN[r.nextInt(GIVEN.length)]).append("\",\"outpatientNo\":\"MZ").append(10_000_000 + r.nextInt(89_999_999))
                .append("\",\"sex\":\"").append(r.nextBoolean() ? "F" : "M").append("\",\"birthYear\":").append(1930 + r.nextInt(90))
                .append("},\"department\":\"").append(DEPARTMENTS[r.nextInt(DEPARTMENTS.length)]).append('"');
        switch (kind) {
            case 0 -> b.append(",\"visitType\":\"outpatient\",\"registrationFeeFen\":").append(500 + r.nextInt(5000));
            case 1 -> b.append(",\"itemCode\":\"").append(String.format("F%05d", r.nextInt(99_999))).append("\",\"quantity\":")
                    .append(1 + r.nextInt(9)).append(",\"unitPriceFen\":").append(100 + r.nextInt(200_000));
            case 2 -> b.append(",\"drugCode\":\"").append(String.format("Y%05d", r.nextInt(99_999))).append("\",\"dose\":\"")
                    .append(1 + r.nextInt(4)).append(" tab tid\",\"days\":").append(1 + r.nextInt(14));
            default -> b.append(",\"invoiceNo\":\"").append(String.format("%08d", r.nextInt(99_999_999)))
                    .append("\",\"amountFen\":").append(100 + r.nextInt(900_000));
        }
        if (correction) {
            b.append(",\"correctionReason\":\"录入错误更正\"");
        }
        b.append(",\"note\":\"");
        int fixedTail = 2; // "}
        int bytes = utf8(b);
        int i = 0;
        while (bytes + fixedTail < targetBytes) {
            char c = FILLER.charAt(i++ % FILLER.length());
            int size = c < 0x80 ? 1 : 3;
            if (bytes + size + fixedTail > targetBytes) {
                c = '.';
                size = 1;
            }
            b.append(c);
            bytes += size;
        }
        b.append("\"}");
        return b.toString();
    }

    private static int utf8(CharSequence s) {
        return s.toString().getBytes(StandardCharsets.UTF_8).length;
    }
}
