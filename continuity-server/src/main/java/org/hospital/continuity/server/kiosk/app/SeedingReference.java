package org.hospital.continuity.server.kiosk.app;

import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.InstantSource;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.hospital.continuity.server.platform.config.ContinuityServerConfig;
import org.hospital.continuity.server.kiosk.domain.KioskWire;
import org.hospital.continuity.sync.text.PinyinInitials;
import org.hospital.continuity.server.kiosk.persistence.ReferenceRepository;

/**
 * Seeds the reference data kiosks receive when the database has none: the price catalogue and drug
 * dictionary from {@code reference/items.csv} and {@code reference/drugs.csv} (pinyin initials
 * derived from the names), and — only with {@code continuity.kiosk.demo-data=true} and no HIS reference feed
 * ({@code continuity.his-feed.enabled}) — demo
 * departments, doctors and fictitious patients for drills and tests (HR-21: never real data).
 */
@ApplicationScoped
public class SeedingReference {

    private final ReferenceRepository reference;
    private final InstantSource clock;
    private final boolean demoData;

    public SeedingReference(ReferenceRepository reference, InstantSource clock, ContinuityServerConfig config,
                            @org.eclipse.microprofile.config.inject.ConfigProperty(name = "continuity.his-feed.enabled", defaultValue = "false")
                            boolean hisFeed) {
        this.reference = reference;
        this.clock = clock;
        // with the HIS reference feed on, departments, doctors and the census are the HIS's: no demo people
        this.demoData = config.kiosk().demoData() && !hisFeed;
    }

    void onStart(@Observes @Priority(20) StartupEvent event) {
        seed().await().atMost(Duration.ofMinutes(1));
    }

    public Uni<Void> seed() {
        return reference.itemCount().chain(items -> items > 0 ? Uni.createFrom().voidItem()
                        : reference.pool().withTransaction(c -> reference.insertItems(c, catalogue()).chain(() -> reference.bumpVersion(c, clock.instant())))
                        .invoke(() -> Log.infof("reference catalogue seeded from reference/*.csv")))
                .chain(() -> !demoData ? Uni.createFrom().voidItem() : reference.departmentCount().chain(n -> n > 0 ? Uni.createFrom().voidItem()
                        : reference.pool().withTransaction(c -> reference.insertDepartments(c, DEMO_DEPARTMENTS)
                                .chain(() -> reference.insertDoctors(c, DEMO_DOCTORS))
                                .chain(() -> reference.insertPatients(c, DEMO_PATIENTS.stream().filter(KioskWire.Patient::census).toList(), "SK"))
                                // HR-5: kiosks get only their department's patients; the outpatient seen at the cashier office
                                .chain(() -> reference.insertPatients(c, DEMO_PATIENTS.stream().filter(p -> !p.census()).toList(), "SFC"))
                                .chain(() -> reference.bumpVersion(c, clock.instant())))
                        .invoke(() -> Log.infof("demo departments, doctors and patients seeded"))));
    }

    static final List<KioskWire.Department> DEMO_DEPARTMENTS = List.of(
            new KioskWire.Department("SFC", "门诊收费处"), new KioskWire.Department("NK", "内科"), new KioskWire.Department("WK", "外科"),
            new KioskWire.Department("SK", "肾内科"), new KioskWire.Department("JZ", "急诊科"), new KioskWire.Department("ZY", "住院处"));

    static final List<KioskWire.Doctor> DEMO_DOCTORS = List.of(
            new KioskWire.Doctor("D101", "王建国", "NK", "主任医师"), new KioskWire.Doctor("D102", "李秀英", "NK", "主治医师"),
            new KioskWire.Doctor("D201", "张伟", "WK", "副主任医师"), new KioskWire.Doctor("D301", "刘芳", "SK", "主任医师"),
            new KioskWire.Doctor("D401", "陈明", "JZ", "主治医师"));

    static final List<KioskWire.Patient> DEMO_PATIENTS = List.of(
            new KioskWire.Patient("P0001", true, "ZY2026001", null, "赵演示", "M", LocalDate.of(1958, 3, 2), null, "13800000001",
                    "EMPLOYEE", "YB00000001", "肾内一病区", "12床", 300000),
            new KioskWire.Patient("P0002", true, "ZY2026002", null, "钱演练", "F", LocalDate.of(1971, 8, 15), null, "13800000002",
                    "RESIDENT", "YB00000002", "肾内一病区", "15床", 150000),
            new KioskWire.Patient("P0003", false, null, "MZ0003", "孙测试", "F", LocalDate.of(1990, 1, 20), null, "13800000003",
                    "SELF_PAY", null, null, null, 0));

    static List<KioskWire.Item> catalogue() {
        List<KioskWire.Item> out = new ArrayList<>();
        // code,name,unit,price_yuan,insurance_class,category
        for (String[] f : csv("reference/items.csv")) {
            out.add(new KioskWire.Item(f[0], "ITEM", f[1], PinyinInitials.of(f[1]), null, f[2], fen(f[3]), f[4], f[5]));
        }
        // code,name,specification,unit,price_yuan,insurance_class
        for (String[] f : csv("reference/drugs.csv")) {
            out.add(new KioskWire.Item(f[0], "DRUG", f[1], PinyinInitials.of(f[1]), f[2], f[3], fen(f[4]), f[5], "药品"));
        }
        return out;
    }

    static long fen(String yuan) {
        return new BigDecimal(yuan.trim()).movePointRight(2).longValueExact();
    }

    private static List<String[]> csv(String path) {
        try (InputStream in = SeedingReference.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing " + path);
            }
            List<String[]> rows = new ArrayList<>();
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            r.readLine();
            String line;
            while ((line = r.readLine()) != null) {
                if (!line.isBlank()) {
                    rows.add(line.split(",", -1));
                }
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
