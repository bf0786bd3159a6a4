package org.hospital.continuity.server.platform.security;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * The roles people hold in the hospital (EP-2, HR-1: access per role and department). The security
 * role names an account is granted are derived from these ({@link #securityRoles(Set)}).
 */
public enum StaffRole {
    CASHIER("收款员", "cashier"),
    NURSE("护士", "nurse"),
    DOCTOR("医生", "doctor"),
    PHARMACIST("药剂师", "pharmacist"),
    MED_TECH("医技人员", "medical technologist"),
    DATA_ENTRY("数据录入员", "data entry"),
    IT_DUTY("信息科值班人员", "IT on duty"),
    IT_ADMIN("信息科系统管理员", "IT administrator"),
    LEADERSHIP("应急领导组成员", "leadership group member"),
    DEPARTMENT_HEAD("科室主任", "department head");

    private final String zh;
    private final String en;

    StaffRole(String zh, String en) {
        this.zh = zh;
        this.en = en;
    }

    public String zh() {
        return zh;
    }

    public String en() {
        return en;
    }

    /** {@code IT_DUTY} → {@code it-duty}. */
    public String securityName() {
        return name().toLowerCase().replace('_', '-');
    }

    public static Optional<StaffRole> parse(String code) {
        return Arrays.stream(values()).filter(r -> r.name().equals(code)).findFirst();
    }

    /**
     * The security roles of an account holding these staff roles (see platform.security.Roles):
     * every account reads; everyone but a leadership-only member is staff (the board is read-only);
     * IT on duty and administrators are "it"; administrators are "it-admin".
     */
    public static Set<String> securityRoles(Set<StaffRole> roles) {
        java.util.Set<String> out = new java.util.TreeSet<>();
        out.add("reader");
        EnumSet<StaffRole> nonLeadership = roles.isEmpty() ? EnumSet.noneOf(StaffRole.class) : EnumSet.copyOf(roles);
        nonLeadership.remove(LEADERSHIP);
        if (!nonLeadership.isEmpty()) {
            out.add("staff");
        }
        if (roles.contains(IT_DUTY) || roles.contains(IT_ADMIN)) {
            out.add("it");
        }
        roles.forEach(r -> out.add(r.securityName()));
        return Set.copyOf(out);
    }

    /** Roles as stored: names, sorted, comma-separated. */
    public static String csv(java.util.Collection<StaffRole> roles) {
        return roles.stream().map(Enum::name).sorted().collect(java.util.stream.Collectors.joining(","));
    }

    /** Roles from their stored form; unknown names are skipped. */
    public static Set<StaffRole> fromCsv(String csv) {
        EnumSet<StaffRole> set = EnumSet.noneOf(StaffRole.class);
        if (csv != null && !csv.isBlank()) {
            Arrays.stream(csv.split(",")).map(String::trim).map(StaffRole::parse).forEach(o -> o.ifPresent(set::add));
        }
        return set;
    }
}
