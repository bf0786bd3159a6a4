package org.hospital.continuity.server.platform.persistence;

import io.smallrye.mutiny.Uni;
import java.util.ArrayList;
import java.util.List;

/** A feature's part of a purge: its tables in order (rows referring to others first), each with its condition. */
public final class PurgeSteps {

    /** One table, its condition ($1 = the argument) and what went. */
    public record Step(String table, String where) {
    }

    /** What went from one table. */
    public record Result(String table, Purges.Deleted deleted) {
    }

    private PurgeSteps() {
    }

    /** Runs the steps one after the other in the caller's transaction. */
    public static Uni<List<Result>> run(Tx tx, List<Step> steps, Object argument) {
        List<Result> out = new ArrayList<>();
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (Step s : steps) {
            chain = chain.chain(() -> Purges.delete(tx, s.table(), s.where(), argument).invoke(d -> out.add(new Result(s.table(), d))))
                    .replaceWithVoid();
        }
        return chain.map(v -> out);
    }
}
