package org.hospital.continuity.server.platform.persistence;

import io.vertx.mutiny.sqlclient.Row;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

/** Small conversions between the reactive PostgreSQL client's types and the domain's. */
public final class Sql {

    private Sql() {
    }

    /** An instant as the client's timestamptz parameter (null stays null). */
    public static OffsetDateTime ts(Instant instant) {
        return instant == null ? null : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    /**
     * An instant as PostgreSQL keeps it (microseconds): what an entity holds after it is stored, so an answer built
     * from the entity equals one read back from the table.
     */
    public static Instant stored(Instant instant) {
        return instant == null ? null : instant.truncatedTo(java.time.temporal.ChronoUnit.MICROS);
    }

    /** A timestamptz column as an instant (null stays null). */
    public static Instant instant(Row row, String column) {
        OffsetDateTime t = row.getOffsetDateTime(column);
        return t == null ? null : t.toInstant();
    }

    public static UUID uuid(Row row, String column) {
        return row.getUUID(column);
    }

    public static LocalDate date(Row row, String column) {
        return row.getLocalDate(column);
    }
}
