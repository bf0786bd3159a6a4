package org.hospital.continuity.server.incident.domain;

import org.hospital.continuity.server.incident.DepartmentMode;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.hospital.continuity.playbooks.fault.Area;
import org.hospital.continuity.playbooks.incident.TimelineEntry;
import org.hospital.continuity.playbooks.party.Department;
import org.hospital.continuity.playbooks.party.Office;
import org.hospital.continuity.playbooks.party.Party;

/**
 * EP-6.1: what the server announces for a timeline entry of the playbooks engine. Which departments switch
 * and which steps are due is the engine's decision; this turns them into instructions:
 * <ul>
 *   <li>a ladder row reached, or a granted request: each switching department gets "switch to manual from
 *       HH:mm" (mode → manual);</li>
 *   <li>manual operation ended (the system is back): each released department gets "restart the computers
 *       and back-enter the paper of the outage" (EP-6.8, mode → recovering);</li>
 *   <li>every due playbook step becomes an instruction for its department, or its owner.</li>
 * </ul>
 */
public final class Announcements {

    private static final DateTimeFormatter HHMM = DateTimeFormatter.ofPattern("MM-dd HH:mm");

    private Announcements() {
    }

    public static String partyKind(Party p) {
        return p instanceof Department ? "DEPARTMENT" : p instanceof Office ? "OFFICE" : "TEAM";
    }

    public static List<InstructionDraft> of(TimelineEntry entry, UUID incident, ZoneId zone) {
        List<InstructionDraft> out = new ArrayList<>();
        String scope = incident == null ? "none" : incident.toString();
        if (entry instanceof TimelineEntry.LadderStepReached l) {
            for (Department d : l.switching()) {
                out.add(manual(scope, d, l.at(), l.milestone().clause(), "ladder:" + l.milestone().step().name(), zone, l.area()));
            }
        } else if (entry instanceof TimelineEntry.ManualModeGranted g) {
            out.add(manual(scope, g.department(), g.at(), "EP-5.2", "request", zone, g.area()));
        } else if (entry instanceof TimelineEntry.ManualModeEnded m) {
            String time = HHMM.format(m.at().atZone(zone));
            String where = where(m.area(), true);
            String whereEn = where(m.area(), false);
            for (Department d : m.released()) {
                out.add(new InstructionDraft(scope + "|restart|" + d.code() + "|" + key(m.area()) + "|" + m.at(), d.code(), "DEPARTMENT",
                        "RESTART_AND_BACK_ENTER", DepartmentMode.RECOVERING, null, "EP-6.8",
                        "信息科通知:" + where + "系统已于" + time + "恢复运行,请重新启动计算机,按断点补录停机期间的纸质数据(当日完成重要数据,次日完成全部补录)。",
                        "IT notice: " + whereEn + "the system is back since " + time + ". Restart the computers and back-enter the paper of the outage "
                                + "(important data the same day, everything by the next day).",
                        m.at(), "playbook", null, path(m.area())));
            }
        } else if (entry instanceof TimelineEntry.StepDue s) {
            Party party = s.due().department().map(Party.class::cast).orElse(s.due().step().owner());
            Area area = s.due().occurrence().area();
            // a department's step of an area's ladder is for that area's departments; offices and teams act for the hospital
            String forArea = party instanceof Department ? path(area) : null;
            out.add(new InstructionDraft(scope + "|step|" + s.due().reference() + "|" + party.code() + "|" + key(area) + "|"
                    + s.due().occurrence().at(), party.code(), partyKind(party), "PLAYBOOK_STEP", null, s.due().reference(),
                    s.due().step().clause(), where(area, true) + s.due().step().action().zh(), where(area, false) + s.due().step().action().en(),
                    s.at(), "playbook", s.due().dueBy().orElse(null), forArea));
        }
        return out;
    }

    /** The place path an instruction is for; null for the whole hospital. */
    static String path(Area area) {
        return area == null || area.isHospital() ? null : area.path();
    }

    private static String key(Area area) {
        return area == null || area.isHospital() ? "*" : area.path();
    }

    /** "【B楼】" before the text of an area's instruction (EP-4.1 局部网络不通), nothing for the whole hospital. */
    private static String where(Area area, boolean zh) {
        if (area == null || area.isHospital()) {
            return "";
        }
        return zh ? "【" + area.name().zh() + "】" : "[" + area.name().en() + "] ";
    }

    private static InstructionDraft manual(String scope, Department d, Instant at, String clause, String why, ZoneId zone, Area area) {
        String time = HHMM.format(at.atZone(zone));
        return new InstructionDraft(scope + "|manual|" + why + "|" + d.code() + "|" + key(area) + "|" + at, d.code(), "DEPARTMENT",
                "SWITCH_TO_MANUAL", DepartmentMode.MANUAL, null, clause,
                "信息科通知:" + where(area, true) + d.zh() + "自" + time + "起转入手工操作;未接到新指示前不得擅自操作计算机(EP-6.1)。",
                "IT notice: " + where(area, false) + d.en() + " switches to manual operation from " + time
                        + "; do not operate the computers before a new instruction (EP-6.1).",
                at, "playbook", null, path(area));
    }

    /** EP-6.8 / EP-8.4: a department finished its back-entry; it returns to normal once acknowledged. */
    public static InstructionDraft resumeNormal(String department, Instant at, String by, ZoneId zone) {
        Department d = Department.fromCode(department).orElseThrow();
        String time = HHMM.format(at.atZone(zone));
        return new InstructionDraft("resume|" + d.code() + "|" + at, d.code(), "DEPARTMENT", "RESUME_NORMAL", DepartmentMode.NORMAL,
                null, "EP-8.4", "信息科通知:" + d.zh() + "补录已完成,自" + time + "起恢复正常运行。",
                "IT notice: " + d.en() + " has finished back-entry and returns to normal operation from " + time + ".", at, by, null);
    }
}
