package org.hospital.continuity.server.board.app;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hospital.continuity.playbooks.party.Party;
import org.hospital.continuity.server.notification.NoticeKind;

/**
 * Notices as the board says them: what kind of notice in words, to whom by the party's name, never the codes
 * the notifications store ({@code PHARMACY · MANUAL_SWITCH} reads 药房 · 转入手工操作通知).
 */
public final class NoticeWords {

    /** An acknowledger written as {@code CODE (CHANNEL)} by earlier versions. */
    private static final Pattern CODED = Pattern.compile("([A-Z][A-Z0-9_]+) \\(([A-Z_]+)\\)");

    private NoticeWords() {
    }

    public static String zh(NoticeKind kind) {
        return switch (kind) {
            case CLASS_I_DECLARED -> "一类故障通知";
            case CLASS_II_DECLARED -> "二类故障通知";
            case CLASS_III_DECLARED -> "三类故障通知";
            case INSURANCE_FAULT -> "医保故障通知";
            case MANUAL_SWITCH -> "转入手工操作通知";
            case LADDER_STEP -> "停机时限通知";
            case INSTRUCTION -> "工作指令";
            case PLAYBOOK_STEP -> "预案步骤通知";
            case RECOVERY -> "系统恢复通知";
            case STATUS_REPORT_DUE -> "情况通报到期提醒";
            case FAULT_REPORT_DUE -> "故障排除报告到期提醒";
            case CHANNEL_TEST -> "通道测试消息";
            case KIOSK_NOT_READY -> "终端未就绪提醒";
            case RESTORE_TEST_DUE -> "备份恢复测试到期提醒";
        };
    }

    public static String en(NoticeKind kind) {
        return switch (kind) {
            case CLASS_I_DECLARED -> "Class I fault notice";
            case CLASS_II_DECLARED -> "Class II fault notice";
            case CLASS_III_DECLARED -> "Class III fault notice";
            case INSURANCE_FAULT -> "insurance fault notice";
            case MANUAL_SWITCH -> "switch-to-manual notice";
            case LADDER_STEP -> "downtime threshold notice";
            case INSTRUCTION -> "instruction";
            case PLAYBOOK_STEP -> "playbook step notice";
            case RECOVERY -> "recovery notice";
            case STATUS_REPORT_DUE -> "status report reminder";
            case FAULT_REPORT_DUE -> "fault report reminder";
            case CHANNEL_TEST -> "channel test";
            case KIOSK_NOT_READY -> "kiosk not ready";
            case RESTORE_TEST_DUE -> "restore test reminder";
        };
    }

    /** A party code as its Chinese name; anything else (a person's name) as it is. */
    public static String audienceZh(String audience) {
        return audience == null ? "" : Party.fromCode(audience).map(Party::zh).orElse(audience);
    }

    public static String audienceEn(String audience) {
        return audience == null ? "" : Party.fromCode(audience).map(Party::en).orElse(audience);
    }

    /** Who acknowledged, in words: a stored {@code OUTPATIENT_REGISTRATION (WECOM)} reads 门诊挂号（企业微信）. */
    public static String person(String acknowledgedBy) {
        if (acknowledgedBy == null) {
            return "";
        }
        Matcher m = CODED.matcher(acknowledgedBy.trim());
        if (!m.matches()) {
            return acknowledgedBy;
        }
        String via = switch (m.group(2)) {
            case "EMAIL" -> "邮件";
            case "WECOM" -> "企业微信";
            case "DINGTALK" -> "钉钉";
            case "SMS" -> "短信";
            case "IN_APP" -> "看板";
            default -> "通知";
        };
        return audienceZh(m.group(1)) + "（" + via + "）";
    }
}
