package org.hospital.continuity.playbooks.classify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hospital.continuity.playbooks.Signals.alarm;
import static org.hospital.continuity.playbooks.Signals.at;
import static org.hospital.continuity.playbooks.Signals.classifyAt;
import static org.hospital.continuity.playbooks.Signals.clear;
import static org.hospital.continuity.playbooks.Signals.diagnosis;
import static org.hospital.continuity.playbooks.Signals.down;
import static org.hospital.continuity.playbooks.Signals.report;
import static org.hospital.continuity.playbooks.Signals.reportBy;
import static org.hospital.continuity.playbooks.Signals.terminal;
import static org.hospital.continuity.playbooks.Signals.up;
import static org.hospital.continuity.playbooks.Signals.ward5a;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.hospital.continuity.playbooks.fault.Cause;
import org.hospital.continuity.playbooks.fault.FaultClass;
import org.hospital.continuity.playbooks.fault.Scope;
import org.hospital.continuity.playbooks.party.Department;
import org.hospital.continuity.playbooks.signal.Component;
import org.hospital.continuity.playbooks.signal.IntegrityKind;
import org.hospital.continuity.playbooks.signal.Signal;
import org.hospital.continuity.playbooks.signal.Symptom;
import org.hospital.continuity.playbooks.signal.Terminal;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

@DisplayName("Classifier: grading by cause and nature (EP-4, EP-5)")
class ClassifierTest {

    private static final Terminal OPD = terminal("OPD-3-07", Department.OUTPATIENT_DOCTOR, "3诊室", "A", "10.1.3.0/24");
    private static final Terminal CASHIER = terminal("CASH-01", Department.OUTPATIENT_REGISTRATION, "窗口1", "A", "10.1.1.0/24");

    static Stream<Arguments> everyLineOfTheEp4Table() {
        return Stream.of(
                // EP-4.1 一类故障
                Arguments.of("EP-4.1 服务器不能正常工作: the database server is down", List.of(down("p1", 0, Component.DATABASE_SERVER, "db-1")),
                        FaultClass.CLASS_I, Scope.WHOLE_NETWORK, ClassificationRule.COMPONENT_DOWN),
                Arguments.of("EP-4.1 光纤损坏: IT finds a cut fibre", List.of(report("r1", 0, OPD, Symptom.CANNOT_CONNECT), diagnosis("d1", 5, Cause.FIBRE_DAMAGED, "r1")),
                        FaultClass.CLASS_I, Scope.PARTIAL, ClassificationRule.DIAGNOSED_CAUSE),
                Arguments.of("EP-4.1 服务器数据丢失: data loss is detected on the server", List.of(alarm("a1", 0, IntegrityKind.SERVER_DATA_LOSS)),
                        FaultClass.CLASS_I, Scope.PARTIAL, ClassificationRule.INTEGRITY_ALARM),
                Arguments.of("EP-4.1 备份硬盘损坏: the backup storage is down", List.of(down("p1", 0, Component.BACKUP_STORAGE, "nas-1")),
                        FaultClass.CLASS_I, Scope.LOCAL, ClassificationRule.COMPONENT_DOWN),
                Arguments.of("EP-4.1 服务器工作不稳定: the application server fails twice within the hour",
                        List.of(down("p1", 0, Component.APPLICATION_SERVER, "app-1"), up("p2", 5, Component.APPLICATION_SERVER, "app-1"),
                                down("p3", 20, Component.APPLICATION_SERVER, "app-1"), up("p4", 25, Component.APPLICATION_SERVER, "app-1")),
                        // partial, as the plan's cause SERVER_UNSTABLE says: the first version graded it whole-network
                        // (the component's down scope), which ran the EP-5.2 ladder for a server that was up
                        FaultClass.CLASS_I, Scope.PARTIAL, ClassificationRule.COMPONENT_UNSTABLE),
                Arguments.of("EP-4.1 局部网络不通: a network segment is down", List.of(down("p1", 0, Component.NETWORK_SEGMENT, "fibre-B")),
                        FaultClass.CLASS_I, Scope.PARTIAL, ClassificationRule.COMPONENT_DOWN),
                Arguments.of("EP-4.1 价表目录被删除或修改: the price catalogue is altered", List.of(alarm("a1", 0, IntegrityKind.PRICE_CATALOGUE_ALTERED)),
                        FaultClass.CLASS_I, Scope.PARTIAL, ClassificationRule.INTEGRITY_ALARM),
                Arguments.of("EP-4.1 价表目录被删除或修改: the drug dictionary is deleted", List.of(alarm("a1", 0, IntegrityKind.DRUG_DICTIONARY_DELETED)),
                        FaultClass.CLASS_I, Scope.PARTIAL, ClassificationRule.INTEGRITY_ALARM),
                Arguments.of("EP-4.1 重点终端故障: a key terminal's probe fails", List.of(down("p1", 0, Component.KEY_TERMINAL, "CASH-01")),
                        FaultClass.CLASS_I, Scope.LOCAL, ClassificationRule.COMPONENT_DOWN),
                Arguments.of("EP-4.1 有规律性的局部故障: three terminals of one ward within ten minutes",
                        List.of(report("r1", 0, ward5a(1), Symptom.CANNOT_CONNECT), report("r2", 4, ward5a(2), Symptom.CANNOT_CONNECT),
                                report("r3", 10, ward5a(3), Symptom.DATABASE_SLOW)),
                        FaultClass.CLASS_I, Scope.PARTIAL, ClassificationRule.TERMINAL_PATTERN),
                Arguments.of("EP-4.1 造成网络瘫痪: the core network is down", List.of(down("p1", 0, Component.CORE_NETWORK, "core-1")),
                        FaultClass.CLASS_I, Scope.WHOLE_NETWORK, ClassificationRule.COMPONENT_DOWN),
                // EP-4.2 二类故障
                Arguments.of("EP-4.2 单个终端软硬件故障: one terminal reports a broken printer", List.of(report("r1", 0, OPD, Symptom.TERMINAL_BROKEN)),
                        FaultClass.CLASS_II, Scope.LOCAL, ClassificationRule.SINGLE_REPORT),
                Arguments.of("EP-4.2 单个病人信息丢失: one patient's data is lost", List.of(alarm("a1", 0, IntegrityKind.PATIENT_DATA_LOSS)),
                        FaultClass.CLASS_II, Scope.LOCAL, ClassificationRule.INTEGRITY_ALARM),
                Arguments.of("EP-4.2 偶然性数据处理错误: one terminal sees wrong data", List.of(report("r1", 0, OPD, Symptom.WRONG_DATA)),
                        FaultClass.CLASS_II, Scope.LOCAL, ClassificationRule.SINGLE_REPORT),
                Arguments.of("EP-4.2 某科室违反工作流程: IT finds a workflow breach",
                        List.of(report("r1", 0, OPD, Symptom.WRONG_DATA), diagnosis("d1", 5, Cause.WORKFLOW_BREACH, "r1")),
                        FaultClass.CLASS_II, Scope.LOCAL, ClassificationRule.DIAGNOSED_CAUSE),
                // EP-4.3 三类故障
                Arguments.of("EP-4.3 终端操作不熟练造成的错误: IT finds an operating error",
                        List.of(report("r1", 0, CASHIER, Symptom.PROGRAM_WONT_OPEN), diagnosis("d1", 5, Cause.OPERATOR_ERROR, "r1")),
                        FaultClass.CLASS_III, Scope.LOCAL, ClassificationRule.DIAGNOSED_CAUSE),
                // EP-4.4 医保故障
                Arguments.of("EP-4.4 医保线路: the insurance link is down", List.of(down("p1", 0, Component.INSURANCE_LINK, "yibao-1")),
                        FaultClass.INSURANCE, Scope.PARTIAL, ClassificationRule.COMPONENT_DOWN),
                Arguments.of("EP-4.4 医保端: IT finds the insurer's side failing",
                        List.of(report("r1", 0, CASHIER, Symptom.INSURANCE_SETTLEMENT_FAILS), diagnosis("d1", 5, Cause.INSURER_SIDE_FAULT, "r1")),
                        FaultClass.INSURANCE, Scope.PARTIAL, ClassificationRule.DIAGNOSED_CAUSE),
                Arguments.of("EP-4.4 医保故障: a cashier reports failing insurance settlements", List.of(report("r1", 0, CASHIER, Symptom.INSURANCE_SETTLEMENT_FAILS)),
                        FaultClass.INSURANCE, Scope.PARTIAL, ClassificationRule.SINGLE_REPORT));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyLineOfTheEp4Table")
    @DisplayName("EP-4 table: each line is graded to its class, with evidence naming the rule")
    void gradesEachLineOfTheTable(String line, List<Signal> signals, FaultClass expected, Scope scope, ClassificationRule rule) {
        Classification c = classifyAt(30, signals.toArray(Signal[]::new)).orElseThrow();

        assertThat(c.faultClass()).as(line).isEqualTo(expected);
        assertThat(c.scope()).as(line).isEqualTo(scope);
        assertThat(c.decisive()).extracting(Evidence::rule).as(line).contains(rule);
        assertThat(c.decisive()).allSatisfy(e -> assertThat(e.signalIds()).isNotEmpty());
    }

    @Test
    @DisplayName("EP-4 a fault is graded by cause and nature, not by who reports it")
    void gradesByCauseNotByReporter() {
        var fromPresident = classifyAt(1, reportBy("r1", 0, "院长 president", OPD, Symptom.CANNOT_CONNECT, "全院瘫痪了!立即处理!"));
        var fromTrainee = classifyAt(1, reportBy("r1", 0, "实习护士 trainee nurse", OPD, Symptom.CANNOT_CONNECT, ""));

        assertThat(fromPresident).isEqualTo(fromTrainee);
        assertThat(fromPresident.orElseThrow().faultClass()).isEqualTo(FaultClass.CLASS_II);
    }

    @Test
    @DisplayName("EP-4.1 a price-catalogue change is Class I even while the network is up")
    void priceCatalogueIsClassIWhileTheNetworkIsUp() {
        Classification c = classifyAt(10,
                up("p1", 0, Component.CORE_NETWORK, "core-1"), up("p2", 0, Component.DATABASE_SERVER, "db-1"),
                alarm("a1", 5, IntegrityKind.PRICE_CATALOGUE_DELETED)).orElseThrow();

        assertThat(c.faultClass()).isEqualTo(FaultClass.CLASS_I);
        assertThat(c.isWholeNetwork()).isFalse();
        assertThat(c.decisive()).singleElement().satisfies(e -> {
            assertThat(e.cause()).contains(Cause.PRICE_CATALOGUE_ALTERED);
            assertThat(e.explanation().en()).contains("even while the network is up");
        });
    }

    @Test
    @DisplayName("EP-4.2 a report that only claims the price is wrong stays Class II until IT verifies it")
    void aPriceComplaintIsNotAnAlarm() {
        assertThat(classifyAt(1, report("r1", 0, CASHIER, Symptom.PRICE_LOOKS_WRONG)).orElseThrow().faultClass())
                .isEqualTo(FaultClass.CLASS_II);
        assertThat(classifyAt(6, report("r1", 0, CASHIER, Symptom.PRICE_LOOKS_WRONG),
                diagnosis("d1", 5, Cause.PRICE_CATALOGUE_ALTERED, "r1")).orElseThrow().faultClass())
                .isEqualTo(FaultClass.CLASS_I);
    }

    @Nested
    @DisplayName("EP-4.1 有规律性: a pattern of Class II symptoms becomes Class I")
    class Pattern {

        @Test
        @DisplayName("EP-4.1 three terminals in one ward within 10 minutes are Class I; the evidence names all three")
        void threeTerminalsWithinTheWindow() {
            Classification c = classifyAt(9, report("r1", 0, ward5a(1), Symptom.CANNOT_CONNECT),
                    report("r2", 4, ward5a(2), Symptom.CANNOT_CONNECT), report("r3", 9, ward5a(3), Symptom.CANNOT_CONNECT)).orElseThrow();

            assertThat(c.faultClass()).isEqualTo(FaultClass.CLASS_I);
            Evidence pattern = c.decisive().get(0);
            assertThat(pattern.rule()).isEqualTo(ClassificationRule.TERMINAL_PATTERN);
            assertThat(pattern.signalIds()).containsExactly("r1", "r2", "r3");
            assertThat(pattern.explanation().zh()).contains("5A").contains("3台终端");
        }

        @Test
        @DisplayName("EP-4.1 three terminals spread over more than the window stay Class II")
        void spreadOverMoreThanTheWindow() {
            assertThat(classifyAt(11, report("r1", 0, ward5a(1), Symptom.CANNOT_CONNECT),
                    report("r2", 5, ward5a(2), Symptom.CANNOT_CONNECT), report("r3", 11, ward5a(3), Symptom.CANNOT_CONNECT))
                    .orElseThrow().faultClass()).isEqualTo(FaultClass.CLASS_II);
        }

        @Test
        @DisplayName("EP-4.1 one terminal reporting three times is not a pattern of several terminals")
        void oneTerminalThreeTimes() {
            assertThat(classifyAt(5, report("r1", 0, ward5a(1), Symptom.CANNOT_CONNECT),
                    report("r2", 2, ward5a(1), Symptom.CANNOT_CONNECT), report("r3", 4, ward5a(1), Symptom.CANNOT_CONNECT))
                    .orElseThrow().faultClass()).isEqualTo(FaultClass.CLASS_II);
        }

        @Test
        @DisplayName("EP-4.1 the same subnet counts even across wards; different subnets and buildings do not")
        void sameSubnetAcrossWards() {
            Terminal a = terminal("T1", Department.NURSE_STATION, "5A", "B", "10.2.5.0/24");
            Terminal b = terminal("T2", Department.INPATIENT_DOCTOR, "5B", "B", "10.2.5.0/24");
            Terminal c = terminal("T3", Department.NURSE_STATION, "5C", "B", "10.2.5.0/24");
            Terminal elsewhere = terminal("T4", Department.PHARMACY, "药库", "D", "10.4.1.0/24");

            assertThat(classifyAt(5, report("r1", 0, a, Symptom.CANNOT_CONNECT), report("r2", 1, b, Symptom.CANNOT_CONNECT),
                    report("r3", 2, c, Symptom.CANNOT_CONNECT)).orElseThrow().decisive().get(0).explanation().en())
                    .contains("subnet 10.2.5.0/24");
            assertThat(classifyAt(5, report("r1", 0, a, Symptom.CANNOT_CONNECT), report("r2", 1, b, Symptom.CANNOT_CONNECT),
                    report("r3", 2, elsewhere, Symptom.CANNOT_CONNECT)).orElseThrow().faultClass()).isEqualTo(FaultClass.CLASS_II);
        }

        @Test
        @DisplayName("EP-4.1 how many terminals and which window are configuration, not magic numbers")
        void thresholdsAreConfiguration() {
            List<Signal> three = List.of(report("r1", 0, ward5a(1), Symptom.CANNOT_CONNECT),
                    report("r2", 4, ward5a(2), Symptom.CANNOT_CONNECT), report("r3", 9, ward5a(3), Symptom.CANNOT_CONNECT));
            ClassifierSettings four = ClassifierSettings.defaults().withPattern(4, Duration.ofMinutes(10));
            ClassifierSettings fiveMinutes = ClassifierSettings.defaults().withPattern(3, Duration.ofMinutes(5));

            assertThat(Classifier.classify(three, at(10), four).orElseThrow().faultClass()).isEqualTo(FaultClass.CLASS_II);
            assertThat(Classifier.classify(three, at(10), fiveMinutes).orElseThrow().faultClass()).isEqualTo(FaultClass.CLASS_II);
            assertThat(Classifier.classify(three, at(10), ClassifierSettings.defaults()).orElseThrow().faultClass())
                    .isEqualTo(FaultClass.CLASS_I);
        }

        @Test
        @DisplayName("EP-4.3 reports IT attributes to operating errors do not make a pattern")
        void operatorErrorsAreNoPattern() {
            assertThat(classifyAt(10, report("r1", 0, ward5a(1), Symptom.PROGRAM_WONT_OPEN),
                    report("r2", 1, ward5a(2), Symptom.PROGRAM_WONT_OPEN), report("r3", 2, ward5a(3), Symptom.PROGRAM_WONT_OPEN),
                    diagnosis("d1", 8, Cause.OPERATOR_ERROR, "r1", "r2", "r3")).orElseThrow().faultClass())
                    .isEqualTo(FaultClass.CLASS_III);
        }
    }

    @Nested
    @DisplayName("EP-5 a whole-network failure is told apart from a partial one")
    class WholeNetwork {

        @Test
        @DisplayName("EP-5 the core network, database or application server down is a whole-network failure")
        void coreComponentsAreWholeNetwork() {
            for (Component c : List.of(Component.CORE_NETWORK, Component.DATABASE_SERVER, Component.APPLICATION_SERVER)) {
                Classification result = classifyAt(1, down("p1", 0, c, "x")).orElseThrow();
                assertThat(result.isWholeNetwork()).as(c.name()).isTrue();
                assertThat(result.wholeNetworkSince()).contains(at(0));
            }
        }

        @Test
        @DisplayName("EP-4.1 局部网络不通, PACS or LIS down is partial, not whole-network")
        void segmentsAndSubsystemsArePartial() {
            for (Component c : List.of(Component.NETWORK_SEGMENT, Component.PACS, Component.LIS)) {
                Classification result = classifyAt(1, down("p1", 0, c, "x")).orElseThrow();
                assertThat(result.faultClass()).isEqualTo(FaultClass.CLASS_I);
                assertThat(result.scope()).as(c.name()).isEqualTo(Scope.PARTIAL);
            }
        }

        @Test
        @DisplayName("EP-5 lost access reported from three buildings within 10 minutes is a whole-network failure; two are not")
        void reportsFromManyBuildings() {
            Signal a = report("r1", 0, terminal("A1", Department.OUTPATIENT_REGISTRATION, null, "A", null), Symptom.CANNOT_CONNECT);
            Signal b = report("r2", 2, terminal("B1", Department.NURSE_STATION, null, "B", null), Symptom.PROGRAM_WONT_OPEN);
            Signal c = report("r3", 6, terminal("C1", Department.PHARMACY, null, "C", null), Symptom.DATABASE_SLOW);

            assertThat(classifyAt(3, a, b).orElseThrow().scope()).isEqualTo(Scope.LOCAL);
            Classification three = classifyAt(7, a, b, c).orElseThrow();
            assertThat(three.faultClass()).isEqualTo(FaultClass.CLASS_I);
            assertThat(three.isWholeNetwork()).isTrue();
            assertThat(three.wholeNetworkSince()).contains(at(0));
        }
    }

    @Nested
    @DisplayName("EP-4 re-grading as evidence arrives or clears")
    class EvidenceComesAndGoes {

        @Test
        @DisplayName("EP-4 a probe that sees the component up clears its finding")
        void probeUpClears() {
            assertThat(classifyAt(10, down("p1", 0, Component.DATABASE_SERVER, "db-1"), up("p2", 8, Component.DATABASE_SERVER, "db-1")))
                    .isEmpty();
        }

        @Test
        @DisplayName("EP-4 IT's clearance closes reports and alarms")
        void clearanceCloses() {
            assertThat(classifyAt(10, alarm("a1", 0, IntegrityKind.PRICE_CATALOGUE_ALTERED), clear("c1", 9, "a1"))).isEmpty();
        }

        @Test
        @DisplayName("EP-4.1 a flapping component stays Class I for the unstable window, then clears")
        void unstableWindowElapses() {
            Signal[] flaps = {down("p1", 0, Component.NETWORK_SEGMENT, "f"), up("p2", 5, Component.NETWORK_SEGMENT, "f"),
                    down("p3", 10, Component.NETWORK_SEGMENT, "f"), up("p4", 15, Component.NETWORK_SEGMENT, "f")};

            assertThat(classifyAt(20, flaps).orElseThrow().faultClass()).isEqualTo(FaultClass.CLASS_I);
            assertThat(classifyAt(64, flaps)).isPresent();
            assertThat(classifyAt(65, flaps)).as("the first failure ended at minute 5: out of the 60-minute window at 65").isEmpty();
            assertThat(Classifier.nextReviewAt(List.of(flaps), at(20), ClassifierSettings.defaults())).contains(at(65));
        }

        @Test
        @DisplayName("EP-4 signals after the time of grading are not seen")
        void futureSignalsAreIgnored() {
            assertThat(classifyAt(5, down("p1", 10, Component.DATABASE_SERVER, "db-1"))).isEmpty();
        }

        @Test
        @DisplayName("EP-4 the evidence lists every finding that holds, most severe first")
        void evidenceIsOrdered() {
            Classification c = classifyAt(10, report("r1", 0, OPD, Symptom.TERMINAL_BROKEN),
                    down("p1", 1, Component.INSURANCE_LINK, "yb"), down("p2", 2, Component.DATABASE_SERVER, "db")).orElseThrow();

            assertThat(c.evidence()).extracting(Evidence::faultClass)
                    .containsExactly(FaultClass.CLASS_I, FaultClass.INSURANCE, FaultClass.CLASS_II);
            assertThat(c.evidence()).extracting(Evidence::clause).containsExactly("EP-4.1", "EP-4.4", "EP-4.2");
        }

        @Test
        @DisplayName("EP-4.1 重点终端: a report from a configured key terminal is Class I")
        void keyTerminalFromSettings() {
            ClassifierSettings keys = ClassifierSettings.defaults().withKeyTerminals(Set.of("CASH-01"));
            var c = Classifier.classify(List.of(report("r1", 0, CASHIER, Symptom.TERMINAL_BROKEN)), at(1), keys).orElseThrow();

            assertThat(c.faultClass()).isEqualTo(FaultClass.CLASS_I);
            assertThat(c.decisive().get(0).rule()).isEqualTo(ClassificationRule.KEY_TERMINAL_REPORT);
        }
    }
}
