package org.hospital.continuity.playbooks.ladder;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.hospital.continuity.playbooks.party.Office;
import org.hospital.continuity.playbooks.party.Party;
import org.hospital.continuity.playbooks.party.Team;
import org.hospital.continuity.playbooks.text.Bilingual;

/**
 * The hospital-editable settings of the ladder: the threshold of each EP-5.2 row, who is told at each row,
 * and what each EP-5.1 context modifier does. {@link #defaults()} is the plan: its thresholds, its
 * coordinators, and circumstances that move no threshold (EP-5.1 leaves that to the leadership group's
 * decision; a hospital may configure shares explicitly).
 *
 * @param thresholds every {@link LadderStep} with its threshold; strictly increasing in step order
 * @param notified   every step with the parties told (besides the departments that switch)
 * @param modifiers  every {@link ContextModifier} with its policy
 */
public record LadderSettings(Map<LadderStep, Duration> thresholds, Map<LadderStep, Set<Party>> notified,
                             Map<ContextModifier, ModifierPolicy> modifiers) {

    /** EP-5.2.1 outpatient registration, admission, outpatient doctors and pharmacy switch after 30 minutes. */
    public static final Duration FRONT_DESK_THRESHOLD = LadderStep.FRONT_DESK.planThreshold();
    /** EP-5.2.2 inpatient doctors, nurse stations, theatres and medical technology switch after 6 hours. */
    public static final Duration WARDS_AND_THEATRES_THRESHOLD = LadderStep.WARDS_AND_THEATRES.planThreshold();
    /** EP-5.2.3 every business switches after 24 hours. */
    public static final Duration WHOLE_HOSPITAL_THRESHOLD = LadderStep.WHOLE_HOSPITAL.planThreshold();

    /**
     * EP-5.1 circumstances (holiday, patient volume, staff away, a major event) change how long recovery takes;
     * the plan leaves the decision to the leadership group and keeps the EP-5.2 times. By default no
     * circumstance moves a threshold (100 %): it is shown to the leadership group, who can move a department's
     * switch earlier with one decision. A hospital that wants fixed shares configures them explicitly
     * ({@link #withModifier}).
     */
    public static final int PLAN_PERCENT = ModifierPolicy.FULL_PERCENT;

    public LadderSettings {
        thresholds = complete(thresholds, "thresholds");
        notified = complete(notified, "notified");
        notified.replaceAll((k, v) -> Set.copyOf(v));
        modifiers = completeModifiers(modifiers);
        Duration previous = Duration.ZERO;
        for (LadderStep step : LadderStep.values()) {
            Duration d = thresholds.get(step);
            if (d.compareTo(previous) <= 0) {
                throw new IllegalArgumentException("threshold of " + step + " (" + step.clause() + ") must be positive and"
                        + " longer than the previous step's, was " + d);
            }
            previous = d;
        }
        thresholds = Map.copyOf(thresholds);
        notified = Map.copyOf(notified);
        modifiers = Map.copyOf(modifiers);
    }

    /** The plan's thresholds, its coordinators (EP-6) and the documented modifier defaults. */
    public static LadderSettings defaults() {
        Map<LadderStep, Duration> thresholds = new EnumMap<>(LadderStep.class);
        thresholds.put(LadderStep.FRONT_DESK, FRONT_DESK_THRESHOLD);
        thresholds.put(LadderStep.WARDS_AND_THEATRES, WARDS_AND_THEATRES_THRESHOLD);
        thresholds.put(LadderStep.WHOLE_HOSPITAL, WHOLE_HOSPITAL_THRESHOLD);

        Map<LadderStep, Set<Party>> notified = new EnumMap<>(LadderStep.class);
        // EP-5.1 the leadership group is kept informed; EP-6.2.1 outpatient office and finance coordinate the
        // front desk; EP-6.4.1/EP-6.7.1 medical affairs coordinates doctors and pharmacy.
        notified.put(LadderStep.FRONT_DESK, Set.of(Office.LEADERSHIP_GROUP, Office.OUTPATIENT_OFFICE, Office.FINANCE,
                Office.MEDICAL_AFFAIRS, Team.COORDINATION_TEAM));
        // EP-6.4.1/EP-6.6.1 medical affairs, EP-6.5.1 nursing.
        notified.put(LadderStep.WARDS_AND_THEATRES, Set.of(Office.LEADERSHIP_GROUP, Office.MEDICAL_AFFAIRS, Office.NURSING,
                Team.COORDINATION_TEAM));
        // EP-5.2.3 everything; EP-6.3.1 finance coordinates discharge settlement.
        notified.put(LadderStep.WHOLE_HOSPITAL, Set.of(Office.LEADERSHIP_GROUP, Office.ALL_DEPARTMENTS, Office.FINANCE,
                Office.MEDICAL_AFFAIRS, Office.NURSING, Office.OUTPATIENT_OFFICE, Office.GENERAL_SERVICES,
                Team.COORDINATION_TEAM));

        Map<ContextModifier, ModifierPolicy> modifiers = new EnumMap<>(ContextModifier.class);
        // EP-5.1: the circumstances are shown to the leadership group (and the parties below are told); the
        // thresholds stay the plan's unless the hospital configures a share.
        modifiers.put(ContextModifier.HOLIDAY, new ModifierPolicy(ContextModifier.HOLIDAY, PLAN_PERCENT,
                Set.of(Office.LEADERSHIP_GROUP, Office.HOSPITAL_DUTY_OFFICER, Office.PRESIDENT_OFFICE),
                Bilingual.of("节假日值班人员少,恢复可能更慢;由应急领导组决定是否提前转入手工,并通知总值班",
                        "holiday roster: fewer hands, recovery may be slower; the leadership group decides whether to switch earlier; the duty officer is told")));
        modifiers.put(ContextModifier.HIGH_PATIENT_VOLUME, new ModifierPolicy(ContextModifier.HIGH_PATIENT_VOLUME, PLAN_PERCENT,
                Set.of(Office.LEADERSHIP_GROUP, Office.OUTPATIENT_OFFICE, Office.NURSING, Office.MEDICAL_AFFAIRS),
                Bilingual.of("病人多,排队积压快;由应急领导组决定是否提前转入手工",
                        "many patients: queues build fast; the leadership group decides whether to switch earlier")));
        modifiers.put(ContextModifier.STAFF_AWAY, new ModifierPolicy(ContextModifier.STAFF_AWAY, PLAN_PERCENT,
                Set.of(Office.LEADERSHIP_GROUP, Office.VENDORS, Team.LIAISON_TEAM),
                Bilingual.of("关键人员外出,恢复可能更慢,请求外援(EP-2.3);由应急领导组决定是否提前转入手工",
                        "key staff away: recovery may be slower, ask for outside help (EP-2.3); the leadership group decides whether to switch earlier")));
        modifiers.put(ContextModifier.MAJOR_EVENT, new ModifierPolicy(ContextModifier.MAJOR_EVENT, PLAN_PERCENT,
                Set.of(Office.LEADERSHIP_GROUP, Office.PRESIDENT_OFFICE, Office.GENERAL_SERVICES),
                Bilingual.of("医院重大活动期间;由应急领导组决定是否提前转入手工,并通知院办",
                        "major hospital event; the leadership group decides whether to switch earlier; the president's office is told")));
        return new LadderSettings(thresholds, notified, modifiers);
    }

    /** These settings with one row's threshold changed. */
    public LadderSettings withThreshold(LadderStep step, Duration threshold) {
        Map<LadderStep, Duration> changed = new EnumMap<>(thresholds);
        changed.put(step, threshold);
        return new LadderSettings(changed, notified, modifiers);
    }

    /** These settings with one modifier's policy replaced. */
    public LadderSettings withModifier(ModifierPolicy policy) {
        Map<ContextModifier, ModifierPolicy> changed = new EnumMap<>(modifiers);
        changed.put(policy.modifier(), policy);
        return new LadderSettings(thresholds, notified, changed);
    }

    /** The parties told at a step in the given context, in {@link Party#ORDER}. */
    public List<Party> notifyAt(LadderStep step, Set<ContextModifier> inForce) {
        Set<Party> all = new LinkedHashSet<>(notified.get(step));
        step.departments().forEach(all::add);
        inForce.forEach(m -> all.addAll(modifiers.get(m).alsoNotify()));
        List<Party> sorted = new ArrayList<>(all);
        sorted.sort(Party.ORDER);
        return List.copyOf(sorted);
    }

    private static <V> Map<LadderStep, V> complete(Map<LadderStep, V> map, String name) {
        Objects.requireNonNull(map, name);
        Map<LadderStep, V> copy = new EnumMap<>(LadderStep.class);
        copy.putAll(map);
        for (LadderStep step : LadderStep.values()) {
            if (!copy.containsKey(step)) {
                throw new IllegalArgumentException(name + " has no entry for " + step + " (" + step.clause() + ")");
            }
        }
        return copy;
    }

    private static Map<ContextModifier, ModifierPolicy> completeModifiers(Map<ContextModifier, ModifierPolicy> map) {
        Objects.requireNonNull(map, "modifiers");
        for (ContextModifier m : ContextModifier.values()) {
            ModifierPolicy p = map.get(m);
            if (p == null || p.modifier() != m) {
                throw new IllegalArgumentException("modifiers has no policy for " + m);
            }
        }
        return map;
    }
}
