package org.hospital.continuity.server.writeback.persistence;

import static org.hospital.continuity.server.platform.persistence.Sql.instant;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;
import org.hospital.continuity.server.writeback.WriteBackFigures;

/** The write-back's answer to {@link WriteBackFigures}, from its own tables. */
@ApplicationScoped
public class WriteBackFiguresStore implements WriteBackFigures {

    private final Pool pool;

    public WriteBackFiguresStore(Pool pool) {
        this.pool = pool;
    }

    // "important" is the workbench's own definition (Parcels.important): blocking items other than a price flag
    static final String AREAS = """
            with items as (
              select coalesce(i.department_code, '?') as area, i.resolved_at is not null as done,
                     (i.blocking and i.reason <> 'PRICE_DIFFERS') as important
                from workbench_item i where i.incident = $1),
            owners as (
              select distinct on (area) area, owner from workbench_parcel
               where incident = $1 and split_by = 'DEPARTMENT' order by area, assigned_at desc)
            select a.area, o.owner, count(*) as total, count(*) filter (where a.done) as done,
                   count(*) filter (where a.important) as important, count(*) filter (where a.important and a.done) as important_done
              from items a
              left join owners o on o.area = a.area
             group by a.area, o.owner
             order by a.area""";

    @Override
    public Uni<java.util.List<Area>> areasOf(String incident) {
        return pool.preparedQuery(AREAS).execute(Tuple.of(incident)).map(rows -> {
            java.util.List<Area> out = new java.util.ArrayList<>();
            rows.forEach(r -> out.add(new Area(r.getString("area"), r.getString("owner"), r.getLong("total").intValue(),
                    r.getLong("done").intValue(), r.getLong("important").intValue(), r.getLong("important_done").intValue())));
            return out;
        });
    }

    @Override
    public Uni<Written> writtenOf(String incident) {
        return pool.preparedQuery("""
                select (select count(*) from writeback_visit where incident = $1) as written,
                       (select min(raised_at) from workbench_item where incident = $1) as first_raised""")
                .execute(Tuple.of(incident)).map(rows -> {
                    Row r = rows.iterator().next();
                    return new Written(r.getLong("written"), instant(r, "first_raised"));
                });
    }

    @Override
    public Uni<java.util.Optional<Hold>> holdOf(String incident) {
        return pool.preparedQuery("select detail, paused_at from writeback_pause where incident = $1").execute(Tuple.of(incident))
                .map(rows -> {
                    if (!rows.iterator().hasNext()) {
                        return java.util.Optional.<Hold>empty();
                    }
                    Row r = rows.iterator().next();
                    String[] words = errorInWords(r.getString("detail"));
                    return java.util.Optional.of(new Hold(instant(r, "paused_at"), words[0], words[1]));
                });
    }

    @Override
    public Uni<java.util.List<HeldIncident>> holds() {
        return pool.query("select incident, detail, paused_at from writeback_pause order by paused_at").execute().map(rows -> {
            java.util.List<HeldIncident> out = new java.util.ArrayList<>();
            rows.forEach(r -> {
                String[] words = errorInWords(r.getString("detail"));
                out.add(new HeldIncident(r.getString("incident"), instant(r, "paused_at"), words[0], words[1]));
            });
            return out;
        });
    }

    /** The HIS client's message as staff read it, in both languages. */
    static String[] errorInWords(String detail) {
        String d = detail == null ? "" : detail.toLowerCase(java.util.Locale.ROOT);
        if (d.contains("circuit")) {
            return new String[] {"HIS 连续多次没有应答，写回已暂停，稍后自动重试", "the HIS failed several times in a row; write-back paused, retried automatically"};
        }
        if (d.contains("timeout") || d.contains("timed out")) {
            return new String[] {"HIS 应答超时", "the HIS did not answer in time"};
        }
        if (d.contains("connect") || d.contains("refused") || d.contains("unreachable") || d.contains("unknownhost")) {
            return new String[] {"无法连接 HIS", "the HIS cannot be reached"};
        }
        return new String[] {"HIS 未能接收记录", "the HIS did not accept the records"};
    }

    @Override
    public Uni<String> fingerprint() {
        return pool.query("""
                select (select count(*) || '/' || count(resolved_at) from workbench_item)
                    || '|' || (select count(*) from workbench_parcel)
                    || '|' || (select count(*) from writeback_visit)
                    || '|' || (select count(*) || '/' || coalesce(max(paused_at)::text, '-') from writeback_pause) as fp""").execute()
                .map(rows -> rows.iterator().next().getString("fp"));
    }

    @Override
    public Uni<Progress> progressOf(UUID incident) {
        return pool.preparedQuery("""
                select (select count(*) from writeback_visit where incident = $1) as written,
                       (select max(written_at) from writeback_visit where incident = $1) as last_written,
                       (select count(*) from workbench_item where incident = $1) as items,
                       (select count(*) from workbench_item where incident = $1 and resolved_at is null) as open,
                       (select max(resolved_at) from workbench_item where incident = $1) as last_resolved""")
                .execute(Tuple.of(incident.toString())).map(rows -> {
                    Row r = rows.iterator().next();
                    return new Progress(r.getLong("written"), r.getLong("items"), r.getLong("open"), instant(r, "last_written"),
                            instant(r, "last_resolved"));
                });
    }
}
