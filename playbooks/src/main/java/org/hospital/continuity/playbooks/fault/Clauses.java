package org.hospital.continuity.playbooks.fault;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The clause ids of the emergency plan (EP-…, ../shared/domain/emergency-plan.md) and of the hospital IT
 * rules (HR-…). Playbook files and scenario files may only cite ids listed here, so that a typo such as
 * {@code EP-6.2.9} is rejected when a file is loaded.
 */
public final class Clauses {

    /** The shape of a clause id: {@code EP-6.2.3} or {@code HR-9}. */
    public static final Pattern FORMAT = Pattern.compile("(EP|HR)-\\d+(\\.\\d+)*");

    private static final Set<String> KNOWN = build();

    private Clauses() {
    }

    /** True when {@code id} is a clause of the plan or of the IT rules. */
    public static boolean isKnown(String id) {
        return id != null && KNOWN.contains(id);
    }

    /** Every known clause id, in document order. */
    public static Set<String> all() {
        return KNOWN;
    }

    private static Set<String> build() {
        Set<String> ids = new LinkedHashSet<>();
        section(ids, 1, 3);       // EP-1 总则
        section(ids, 2, 3);       // EP-2 组织机构及职责
        section(ids, 3, 3);       // EP-3 故障报告程序
        section(ids, 4, 8);       // EP-4 故障分级 (4.5–4.8: who handles each class)
        section(ids, 5, 2);       // EP-5 网络整体故障
        items(ids, "EP-5.2", 3);  // EP-5.2.1–5.2.3 the ladder
        section(ids, 6, 8);       // EP-6 各部门具体协调安排
        items(ids, "EP-6.2", 5);
        items(ids, "EP-6.3", 4);
        items(ids, "EP-6.4", 5);
        items(ids, "EP-6.5", 4);
        items(ids, "EP-6.6", 5);
        items(ids, "EP-6.7", 6);
        section(ids, 7, 5);       // EP-7 应急数据恢复
        section(ids, 8, 6);       // EP-8 网络服务器故障应急处理规程
        section(ids, 9, 4);       // EP-9 应急保障
        for (int i = 1; i <= 22; i++) {
            ids.add("HR-" + i);
        }
        return Collections.unmodifiableSet(ids);
    }

    private static void section(Set<String> ids, int section, int clauses) {
        ids.add("EP-" + section);
        items(ids, "EP-" + section, clauses);
    }

    private static void items(Set<String> ids, String parent, int count) {
        for (int i = 1; i <= count; i++) {
            ids.add(parent + "." + i);
        }
    }
}
