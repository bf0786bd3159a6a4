package org.hospital.continuity.server.board.persistence;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.hospital.continuity.server.board.domain.BackEntry;

/**
 * The board's figures from other features' tables, read-only and in one place so that they are easy to move
 * onto those features' read APIs later:
 * <ul>
 *   <li>kiosks and their unsent backlog — the sync receiver's {@code sync_kiosk} (what each kiosk last
 *       reported with its push) joined with the kiosk registry {@code kiosk} for name and department,
 *       plus enrolled kiosks never seen;</li>
 *   <li>back-entry progress — write-back and workbench tables ({@code writeback_visit},
 *       {@code workbench_item}, {@code workbench_parcel}), per department area.</li>
 * </ul>
 */
@ApplicationScoped
public class BoardFiguresStore {

    /** One kiosk as the sync receiver last heard of it. */
    public record KioskRow(String kioskId, String name, String departmentCode, String departmentName, boolean seen, long pending,
                           Instant oldestUnsentAt, Instant lastPushAt, long entriesStored) {
    }

    /** One department area of the workbench queue, with the parcel's owner (EP-8.5) when one was given. */
    public record AreaRow(String area, String areaName, String owner, BackEntry.Count count) {
    }

    /** Write-back and workbench figures of one incident. */
    public record BackEntryRows(long writtenBack, Instant firstRaisedAt, List<AreaRow> areas) {
    }

    static final String KIOSKS = """
            select s.kiosk_id, k.name, k.department_code, d.name as department_name, true as seen, s.backlog_pending,
                   s.oldest_unsent_at, s.last_push_at, s.entries_stored
              from sync_kiosk s
              left join kiosk k on k.id = s.kiosk_id
              left join ref_department d on d.code = k.department_code
            union all
            select k.id, k.name, k.department_code, d.name, false, 0, null, null, 0
              from kiosk k
              left join ref_department d on d.code = k.department_code
             where k.status = 'ENROLLED' and not exists (select 1 from sync_kiosk s where s.kiosk_id = k.id)
            order by 6 desc, 1""";

    // "important" is the workbench's own definition (Parcels.important): blocking items other than a price flag
    static final String AREAS = """
            with items as (
              select coalesce(i.department_code, '?') as area, i.resolved_at is not null as done,
                     (i.blocking and i.reason <> 'PRICE_DIFFERS') as important
                from workbench_item i where i.incident = $1),
            owners as (
              select distinct on (area) area, owner from workbench_parcel
               where incident = $1 and split_by = 'DEPARTMENT' order by area, assigned_at desc)
            select a.area, d.name as area_name, o.owner, count(*) as total, count(*) filter (where a.done) as done,
                   count(*) filter (where a.important) as important, count(*) filter (where a.important and a.done) as important_done
              from items a
              left join owners o on o.area = a.area
              left join ref_department d on d.code = a.area
             group by a.area, d.name, o.owner
             order by a.area""";

    static final String WRITTEN = """
            select (select count(*) from writeback_visit where incident = $1) as written,
                   (select min(raised_at) from workbench_item where incident = $1) as first_raised""";

    /** Something that changes whenever a kiosk pushes or back-entry progresses (the board refreshes on a change). */
    static final String FINGERPRINT = """
            select (select count(*) || '/' || coalesce(sum(backlog_pending), 0) || '/' || coalesce(sum(pushes), 0) from sync_kiosk)
                || '|' || (select count(*) from kiosk where status = 'ENROLLED')
                || '|' || (select count(*) || '/' || count(resolved_at) from workbench_item)
                || '|' || (select count(*) from workbench_parcel)
                || '|' || (select count(*) from writeback_visit) as fp""";

    private final Pool pool;

    public BoardFiguresStore(Pool pool) {
        this.pool = pool;
    }

    public Uni<List<KioskRow>> kiosks() {
        return pool.query(KIOSKS).execute().map(rows -> {
            List<KioskRow> out = new ArrayList<>();
            rows.forEach(r -> out.add(new KioskRow(r.getString("kiosk_id"), r.getString("name"), r.getString("department_code"),
                    r.getString("department_name"), r.getBoolean("seen"), r.getLong("backlog_pending"), instant(r, "oldest_unsent_at"),
                    instant(r, "last_push_at"), r.getLong("entries_stored"))));
            return out;
        });
    }

    public Uni<BackEntryRows> backEntry(String incident) {
        Uni<List<AreaRow>> areas = pool.preparedQuery(AREAS).execute(Tuple.of(incident)).map(rows -> {
            List<AreaRow> out = new ArrayList<>();
            rows.forEach(r -> out.add(new AreaRow(r.getString("area"), r.getString("area_name"), r.getString("owner"),
                    new BackEntry.Count(r.getLong("total").intValue(), r.getLong("done").intValue(), r.getLong("important").intValue(),
                            r.getLong("important_done").intValue()))));
            return out;
        });
        Uni<Row> written = pool.preparedQuery(WRITTEN).execute(Tuple.of(incident)).map(rows -> rows.iterator().next());
        return Uni.combine().all().unis(areas, written).asTuple()
                .map(t -> new BackEntryRows(t.getItem2().getLong("written"), instant(t.getItem2(), "first_raised"), t.getItem1()));
    }

    public Uni<String> fingerprint() {
        return pool.query(FINGERPRINT).execute().map(rows -> rows.iterator().next().getString("fp"));
    }

    private static Instant instant(Row r, String column) {
        OffsetDateTime t = r.getOffsetDateTime(column);
        return t == null ? null : t.toInstant();
    }
}
