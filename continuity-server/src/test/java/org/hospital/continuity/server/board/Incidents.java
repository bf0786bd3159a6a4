package org.hospital.continuity.server.board;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.hospital.continuity.server.board.app.IncidentPicture;

/** Builders of incident pictures for the board tests (what the incident engine would report). */
final class Incidents {

    /** Incidents are numbered for people (故障编号); the test incidents too, from a range the engine's never reaches in a test. */
    private static final AtomicInteger NUMBERS = new AtomicInteger(9000);

    private Incidents() {
    }

    static final String[][] AREAS = {
            {"OUTPATIENT_REGISTRATION", "门诊挂号收费", "outpatient registration and cashier"},
            {"ADMISSION", "住院登记", "inpatient admission"},
            {"OUTPATIENT_DOCTOR", "门诊医生工作站", "outpatient doctors"},
            {"PHARMACY", "药房", "pharmacy"},
            {"INPATIENT_DOCTOR", "住院医生工作站", "inpatient doctors"},
            {"NURSE_STATION", "护士工作站", "nurse stations"}};

    /** A whole-network outage that started {@code ago} before {@code now}, graded Class I, every area still normal. */
    static IncidentPicture wholeNetworkOutage(UUID id, Instant now, Duration ago) {
        Instant start = now.minus(ago);
        List<IncidentPicture.DepartmentState> departments = new ArrayList<>();
        for (String[] a : AREAS) {
            departments.add(new IncidentPicture.DepartmentState(a[0], a[1], a[2], "NORMAL", "正常运行", "normal", null, null, false, null, null));
        }
        return new IncidentPicture(id, start, null, "CLASS_I", "WHOLE_NETWORK", "CLASS_I", start, null,
                List.of(new IncidentPicture.Line("EP-4.1", "核心交换机无响应，全院网络不通（探测 12 次失败）",
                        "core switch not answering, the whole network is unreachable (12 failed probes)")),
                List.of(), departments,
                List.of(new IncidentPicture.TimelineItem(start, "OUTAGE_STARTED", "EP-5.1", "网络整体故障开始", "whole-network outage started"),
                        new IncidentPicture.TimelineItem(start.plusSeconds(60), "CLASS_CHANGED", "EP-4.1", "定为一类故障", "graded Class I")),
                NUMBERS.incrementAndGet(), List.of());
    }

    /** The same incident after the 30-minute step: the EP-5.2.1 areas are manual; the pharmacy acknowledged. */
    static IncidentPicture afterThirtyMinutes(IncidentPicture p, Instant at) {
        List<IncidentPicture.DepartmentState> departments = new ArrayList<>();
        for (IncidentPicture.DepartmentState d : p.departments()) {
            boolean first = List.of("OUTPATIENT_REGISTRATION", "ADMISSION", "OUTPATIENT_DOCTOR", "PHARMACY").contains(d.code());
            boolean acked = d.code().equals("PHARMACY");
            departments.add(first ? new IncidentPicture.DepartmentState(d.code(), d.zh(), d.en(), "MANUAL", "手工操作", "manual", at,
                    UUID.randomUUID().toString(), acked, acked ? "药房组长" : null, acked ? at.plusSeconds(90) : null) : d);
        }
        List<IncidentPicture.TimelineItem> timeline = new ArrayList<>(p.timeline());
        timeline.add(new IncidentPicture.TimelineItem(at, "LADDER_STEP_REACHED", "EP-5.2.1", "故障超过30分钟：门诊挂号收费等转入手工操作",
                "outage passed 30 minutes: outpatient registration and others switch to manual"));
        return new IncidentPicture(p.id(), p.openedAt(), null, p.faultClass(), p.scope(), p.highestClass(), p.outageStart(), null,
                p.evidence(), p.schedule(), departments, timeline, p.number(), p.areasDown());
    }

    /** Regraded to Class II (e.g. only one subnet after all). */
    static IncidentPicture regraded(IncidentPicture p, String faultClass) {
        return new IncidentPicture(p.id(), p.openedAt(), p.closedAt(), faultClass, p.scope(), p.highestClass(), p.outageStart(),
                p.outageEndedAt(), List.of(new IncidentPicture.Line("EP-4.2", "仅 3 号楼一个子网受影响", "only one subnet of building 3 affected")),
                p.schedule(), p.departments(), p.timeline(), p.number(), p.areasDown());
    }

    /** Recovered and closed at {@code at}. */
    static IncidentPicture closed(IncidentPicture p, Instant at) {
        List<IncidentPicture.TimelineItem> timeline = new ArrayList<>(p.timeline());
        timeline.add(new IncidentPicture.TimelineItem(at, "OUTAGE_ENDED", "EP-6.8", "网络整体故障结束", "whole-network outage ended"));
        timeline.add(new IncidentPicture.TimelineItem(at.plusSeconds(1), "INCIDENT_CLOSED", "EP-8.1", "故障关闭", "incident closed"));
        return new IncidentPicture(p.id(), p.openedAt(), at.plusSeconds(1), p.faultClass(), p.scope(), p.highestClass(), p.outageStart(),
                at, p.evidence(), p.schedule(), p.departments(), timeline, p.number(), p.areasDown());
    }
}
