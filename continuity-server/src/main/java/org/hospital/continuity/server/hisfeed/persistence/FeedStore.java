package org.hospital.continuity.server.hisfeed.persistence;

import static org.hospital.continuity.server.platform.persistence.Sql.instant;
import static org.hospital.continuity.server.platform.persistence.Sql.ts;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.hospital.continuity.server.hisfeed.domain.FeedPiece;
import org.hospital.continuity.server.platform.persistence.Db;
import org.hospital.continuity.server.platform.persistence.SchemaScripts;
import org.hospital.continuity.server.platform.persistence.Tx;

/** The feed's state per piece (his_feed_piece): when the HIS last answered, what was applied, the last failure. */
@ApplicationScoped
public class FeedStore implements SchemaScripts {

    /** A piece's row; {@code hisTime} is the HIS's own clock at the last full read (the next delta question starts there). */
    public record State(FeedPiece piece, Instant asOf, Instant attemptedAt, int count, String contentHash, Integer totalSeen, String error,
                        Instant hisTime) {
    }

    private final Pool pool;

    public FeedStore(Pool pool) {
        this.pool = pool;
    }

    @Override
    public List<String> scripts() {
        return List.of("db/migration/V0350__his_feed.sql");
    }

    public Db pool() {
        return new Db(pool);
    }

    public Uni<Map<FeedPiece, State>> all() {
        return pool.query("select * from his_feed_piece").execute().map(rows -> {
            Map<FeedPiece, State> out = new EnumMap<>(FeedPiece.class);
            rows.forEach(r -> {
                FeedPiece p;
                try {
                    p = FeedPiece.valueOf(r.getString("piece"));
                } catch (IllegalArgumentException e) {
                    return;
                }
                out.put(p, new State(p, instant(r, "as_of"), instant(r, "attempted_at"), r.getInteger("item_count"), r.getString("content_hash"),
                        r.getInteger("total_seen"), r.getString("last_error"), instant(r, "his_time")));
            });
            return out;
        });
    }

    /** The HIS answered for the piece at {@code asOf}; the content and its counts as now held. */
    public Uni<Void> answered(Tx c, FeedPiece piece, Instant asOf, int count, String hash, int total, Instant hisTime) {
        return c.client().preparedQuery("""
                insert into his_feed_piece (piece, as_of, attempted_at, item_count, content_hash, total_seen, last_error, his_time)
                values ($1, $2, $2, $3, $4, $5, null, $6)
                on conflict (piece) do update set as_of = excluded.as_of, attempted_at = excluded.attempted_at, item_count = excluded.item_count,
                    content_hash = excluded.content_hash, total_seen = excluded.total_seen, last_error = null, his_time = excluded.his_time""")
                .execute(Tuple.from(Arrays.asList(piece.name(), ts(asOf), count, hash, total, ts(hisTime)))).replaceWithVoid();
    }

    /**
     * The HIS told the piece a change itself (an HL7 v2 ADT message applied): the piece is as of {@code at}; its counts and
     * content hash are left for the next full read.
     */
    public Uni<Void> heard(Tx c, FeedPiece piece, Instant at) {
        return c.client().preparedQuery("""
                insert into his_feed_piece (piece, as_of, attempted_at, item_count) values ($1, $2, $2, 0)
                on conflict (piece) do update set as_of = excluded.as_of, attempted_at = excluded.attempted_at, last_error = null""")
                .execute(Tuple.of(piece.name(), ts(at))).replaceWithVoid();
    }

    /** The HIS said the piece has not changed: only its as-of time moves. */
    public Uni<Void> unchanged(FeedPiece piece, Instant asOf) {
        return pool.preparedQuery("update his_feed_piece set as_of = $2, attempted_at = $2, last_error = null where piece = $1")
                .execute(Tuple.of(piece.name(), ts(asOf))).replaceWithVoid();
    }

    /** The HIS did not answer for the piece: the as-of time stays (its age grows), the reason is kept. */
    public Uni<Void> failed(FeedPiece piece, Instant at, String error) {
        return pool.preparedQuery("""
                insert into his_feed_piece (piece, attempted_at, last_error) values ($1, $2, $3)
                on conflict (piece) do update set attempted_at = excluded.attempted_at, last_error = excluded.last_error""")
                .execute(Tuple.of(piece.name(), ts(at), error.length() > 300 ? error.substring(0, 300) : error)).replaceWithVoid();
    }
}
