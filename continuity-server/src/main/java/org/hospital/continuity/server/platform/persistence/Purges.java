package org.hospital.continuity.server.platform.persistence;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Tuple;
import java.util.regex.Pattern;

/**
 * Deleting rows with a record of what went (HR-8: a purge is on record): the count and an MD5 digest of the removed
 * rows' JSON in a stable order. The table and condition come from the feature that owns the table.
 */
public final class Purges {

    private static final Pattern NAME = Pattern.compile("[a-z_][a-z0-9_]*");

    /** What one delete removed. */
    public record Deleted(long rows, String digest) {
    }

    private Purges() {
    }

    /** Deletes {@code table}'s rows matching {@code where} ($1 = {@code argument}) in the caller's transaction; nothing when the table is absent. */
    public static Uni<Deleted> delete(Tx tx, String table, String where, Object argument) {
        if (!NAME.matcher(table).matches()) {
            throw new IllegalArgumentException("not a table name: " + table);
        }
        String sql = "with gone as (delete from " + table + " t where " + where + " returning t.*) "
                + "select count(*) as n, coalesce(md5(string_agg(row_to_json(gone)::text, '|' order by row_to_json(gone)::text)), '') as digest from gone";
        return tx.client().preparedQuery("select to_regclass($1) is not null as present").execute(Tuple.of(table)).chain(rows -> {
            if (!rows.iterator().next().getBoolean("present")) {
                return Uni.createFrom().item(new Deleted(0, ""));
            }
            return tx.client().preparedQuery(sql).execute(Tuple.of(argument))
                    .map(r -> new Deleted(r.iterator().next().getLong("n"), r.iterator().next().getString("digest")));
        });
    }
}
