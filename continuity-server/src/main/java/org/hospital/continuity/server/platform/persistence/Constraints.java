package org.hospital.continuity.server.platform.persistence;

/** Reading a database refusal, whichever client made the statement. */
public final class Constraints {

    private Constraints() {
    }

    /** Whether {@code failure} (or a cause of it) is PostgreSQL's unique violation (SQLSTATE 23505). */
    public static boolean uniqueViolation(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof io.vertx.pgclient.PgException pg && "23505".equals(pg.getSqlState())) {
                return true;
            }
            if (t instanceof org.hibernate.exception.ConstraintViolationException c && "23505".equals(c.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
