package org.hospital.continuity.server.writeback.integration;

import java.util.Map;

/**
 * Reads an HL7 v2 acknowledgement (MSA, ERR) into what write-back does with it, and renders the ERR segment in Chinese
 * words for the workbench (a person there reads it; no codes on screens):
 * <ul>
 *   <li>AA / CA → accepted;</li>
 *   <li>AE with ERR-3 205 (duplicate key identifier) → already in the HIS (a resend of the same control id or business
 *   id: the FHIR 200 of a conditional create);</li>
 *   <li>AE / AR / CE / CR with 206 (record locked) or 207 (application internal error) → the HIS is not able now:
 *   retried, then the circuit breaker pauses the run;</li>
 *   <li>any other AE / CE → refused for its content, AR / CR → the whole message rejected: the workbench, with the ERR
 *   in words.</li>
 * </ul>
 */
public final class Hl7v2Acks {

    private Hl7v2Acks() {
    }

    /** What an acknowledgement says. */
    public enum Verdict { ACCEPTED, ALREADY_THERE, REFUSED, REJECTED, NOT_NOW }

    /** An acknowledgement read: the verdict and, for a refusal, the ERR segment in words. */
    public record Ack(Verdict verdict, String code, String words) {
    }

    /** HL7 table 0357 (message error condition codes), in words. */
    static final Map<String, String> CONDITIONS = Map.ofEntries(
            Map.entry("100", "消息段顺序错误"),
            Map.entry("101", "必填项缺失"),
            Map.entry("102", "数据格式错误"),
            Map.entry("103", "代码在 HIS 字典中不存在"),
            Map.entry("200", "HIS 不支持此类消息"),
            Map.entry("201", "HIS 不支持此事件"),
            Map.entry("202", "HIS 不接受此处理方式"),
            Map.entry("203", "HIS 不支持此版本"),
            Map.entry("204", "HIS 找不到所指的病人或记录"),
            Map.entry("205", "HIS 已有此记录"),
            Map.entry("206", "HIS 中此记录正被锁定"),
            Map.entry("207", "HIS 内部错误"));

    /** Segments in words (where the HIS says the error is). */
    static final Map<String, String> SEGMENTS = Map.ofEntries(
            Map.entry("MSH", "消息头"),
            Map.entry("EVN", "事件"),
            Map.entry("PID", "病人信息"),
            Map.entry("PV1", "就诊信息"),
            Map.entry("ORC", "医嘱"),
            Map.entry("RXE", "药品医嘱"),
            Map.entry("RXR", "给药途径"),
            Map.entry("RXD", "发药"),
            Map.entry("OBR", "检查检验申请"),
            Map.entry("FT1", "费用明细"),
            Map.entry("IAM", "过敏信息"),
            Map.entry("NTE", "备注"),
            Map.entry("ZDT", "停机记录来源"),
            Map.entry("QPD", "查询条件"));

    /** Reads an acknowledgement (ACK, or the MSA/ERR of a query response). */
    public static Ack read(String er7) {
        Er7.Read m = Er7.Read.of(er7);
        String code = m.value("MSA", 1, 1);
        String[] err = m.first("ERR");
        String condition = err == null ? "" : Er7.Read.comp(Er7.Read.field(err, 3), 1);
        switch (code) {
            case "AA", "CA" -> {
                return new Ack(Verdict.ACCEPTED, code, null);
            }
            case "AE", "AR", "CE", "CR" -> {
                if ("205".equals(condition)) {
                    return new Ack(Verdict.ALREADY_THERE, code, words(code, m));
                }
                if ("206".equals(condition) || "207".equals(condition)) {
                    return new Ack(Verdict.NOT_NOW, code, words(code, m));
                }
                return new Ack(code.endsWith("E") ? Verdict.REFUSED : Verdict.REJECTED, code, words(code, m));
            }
            default -> {
                return new Ack(Verdict.REJECTED, code, "HIS 的应答无法识别");
            }
        }
    }

    /** Every ERR segment in words: what, where, and the HIS's own text. */
    static String words(String code, Er7.Read m) {
        StringBuilder b = new StringBuilder(code.endsWith("R") ? "HIS 拒收整条消息" : "HIS 拒收此记录");
        String text = m.value("MSA", 3, 1);
        boolean any = false;
        for (String[] err : m.all("ERR")) {
            any = true;
            String condition = Er7.Read.comp(Er7.Read.field(err, 3), 1);
            String conditionText = Er7.Read.comp(Er7.Read.field(err, 3), 2);
            String what = CONDITIONS.getOrDefault(condition, conditionText.isEmpty() ? "原因未说明" : conditionText);
            b.append("：").append(what);
            String location = Er7.Read.field(err, 2);
            String segment = Er7.Read.comp(location, 1);
            if (!segment.isEmpty()) {
                b.append("（位置：").append(SEGMENTS.getOrDefault(segment, "其他段"));
                String field = Er7.Read.comp(location, 3);
                if (!field.isEmpty()) {
                    b.append("第 ").append(field).append(" 项");
                }
                b.append('）');
            }
            String user = Er7.Read.comp(Er7.Read.field(err, 8), 1);
            if (!user.isEmpty()) {
                b.append("；HIS 说明：").append(user);
            }
        }
        if (!any && !text.isEmpty()) {
            b.append("；HIS 说明：").append(text);
        } else if (!any) {
            b.append("：原因未说明");
        }
        return b.toString();
    }
}
