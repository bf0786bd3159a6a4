package org.hospital.continuity.sync.testkit;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.hospital.continuity.sync.contract.Contract;
import org.hospital.continuity.sync.contract.DowntimeRecord;

/**
 * Payloads that are records of the typed contract (the string ones in schema version 1, as the tests journal them), for tests that push entries (the server refuses a push whose records
 * break the contract). Invented patients; amounts add up.
 */
public final class ContractPayloads {

    private ContractPayloads() {
    }

    /** A paid cashier charge of one item line worth {@code fen}, for a patient typed by name (no registration). */
    public static String charge(long fen) {
        return Contract.CURRENT.write(chargeRecord(fen, null), 1);
    }

    /** A paid cashier charge of one line worth {@code fen} for the registration {@code registrationId}. */
    public static String charge(long fen, UUID registrationId) {
        return Contract.CURRENT.write(chargeRecord(fen, registrationId), 1);
    }

    /** A paid charge of one line named {@code itemName} worth {@code fen}. */
    public static String charge(long fen, String itemName) {
        return Contract.CURRENT.write(chargeRecord(fen, null, itemName), 1);
    }

    static DowntimeRecord.ChargeRecorded chargeRecord(long fen, UUID registrationId) {
        return chargeRecord(fen, registrationId, "血常规");
    }

    static DowntimeRecord.ChargeRecorded chargeRecord(long fen, UUID registrationId, String itemName) {
        return new DowntimeRecord.ChargeRecorded(registrationId == null ? null : registrationId.toString(), null, null, "王芳",
                List.of(new DowntimeRecord.PricedLine("LAB-CBC", "ITEM", itemName, null, "次", fen, 1, fen, null)), fen, "PAID", "CASH",
                false, null, String.format("%08d", Math.floorMod(fen, 100_000_000L)), null);
    }

    /** A charge of several lines (sizes the payload). */
    public static DowntimeRecord.ChargeRecorded charge(List<DowntimeRecord.PricedLine> lines, String patientName) {
        long total = lines.stream().mapToLong(DowntimeRecord.PricedLine::amountFen).sum();
        return new DowntimeRecord.ChargeRecorded(null, null, null, patientName, new ArrayList<>(lines), total, "PAID", "CASH", false, null,
                String.format("%08d", Math.floorMod(total, 100_000_000L)), null);
    }
}
