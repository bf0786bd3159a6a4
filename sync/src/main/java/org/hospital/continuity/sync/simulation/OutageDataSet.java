package org.hospital.continuity.sync.simulation;

import org.hospital.continuity.sync.matching.NationalId;
import org.hospital.continuity.sync.matching.PatientFacts;
import org.hospital.continuity.sync.matching.Sex;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * A generated, seeded data set for matching and write-back: a HIS patient population and the
 * registrations captured at several kiosks during a 24-hour outage, with the ground truth of who is
 * who. It deliberately holds the hard cases: namesakes (same name, another person), twins (same
 * surname, birth date and parents' phone), typos in ID numbers, names and phones, forms without an
 * ID number or phone, new patients who are namesakes or twins of HIS patients, and the same person
 * registered at two kiosks in the same outage.
 */
public final class OutageDataSet {

    private static final String[] SURNAMES = {"王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱",
            "胡", "郭", "何", "高", "林", "罗"};
    private static final String[] GIVEN = {"伟", "芳", "娜", "秀", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰",
            "娟", "涛", "明", "超", "兰", "霞", "平", "刚", "桂", "英", "华", "玉", "文", "辉", "建", "国", "红", "梅", "林", "海",
            "波", "宇", "浩", "晨", "欣", "怡"};
    private static final String[] REGIONS = {"110101", "110105", "120101", "310104", "320102", "330106", "440103", "510104"};

    /** A real person (ground truth). */
    public record Person(int id, String name, Sex sex, LocalDate birthDate, String phone, String nationalId) {
    }

    /** A HIS patient: the person it belongs to and what the HIS holds (the HIS may lack the ID number). */
    public record HisPatient(Person person, PatientFacts facts) {
    }

    /** One captured registration: what was written and who it really was. */
    public record Capture(String ref, String kioskId, String downtimeNumber, Instant at, PatientFacts facts, Person truth,
                          boolean personInHis) {
    }

    private final List<HisPatient> his;
    private final List<Capture> captures;

    private OutageDataSet(List<HisPatient> his, List<Capture> captures) {
        this.his = List.copyOf(his);
        this.captures = List.copyOf(captures);
    }

    public List<HisPatient> his() {
        return his;
    }

    public List<Capture> captures() {
        return captures;
    }

    /**
     * Generates {@code hisSize} HIS patients and {@code visits} registrations over 24 hours at {@code kiosks}
     * kiosks, starting at {@code start}.
     */
    public static OutageDataSet generate(long seed, int hisSize, int visits, int kiosks, Instant start) {
        Random rnd = new Random(seed);
        List<Person> people = new ArrayList<>();
        Map<String, Integer> idSeq = new HashMap<>();
        while (people.size() < hisSize) {
            Person p = person(rnd, people.size(), idSeq);
            people.add(p);
            double r = rnd.nextDouble();
            if (r < 0.03 && people.size() < hisSize) {
                people.add(twinOf(rnd, p, people.size(), idSeq)); // twins
            } else if (r < 0.07 && people.size() < hisSize) {
                people.add(namesakeOf(rnd, p, people.size(), idSeq)); // namesake
            }
        }
        List<HisPatient> his = new ArrayList<>();
        for (Person p : people) {
            // 10 % of HIS records lack the ID number (children, old records)
            String id = rnd.nextDouble() < 0.10 ? null : p.nationalId();
            his.add(new HisPatient(p, new PatientFacts("Patient/his-" + p.id(), p.name(), p.sex(), p.birthDate(), p.phone(), id)));
        }

        List<Capture> captures = new ArrayList<>();
        List<Person> newcomers = new ArrayList<>();
        int next = people.size();
        int[] kioskSeq = new int[kiosks];
        for (int v = 0; v < visits; v++) {
            Person who;
            boolean inHis;
            double r = rnd.nextDouble();
            if (r < 0.03 && !captures.isEmpty()) {
                // the same person registered again, at any kiosk, during the same outage
                Capture earlier = captures.get(rnd.nextInt(captures.size()));
                who = earlier.truth();
                inHis = earlier.personInHis();
            } else if (r < 0.11) {
                // a new patient; a third of them are twins or namesakes of HIS patients
                Person near = people.get(rnd.nextInt(people.size()));
                double k = rnd.nextDouble();
                who = k < 0.15 ? twinOf(rnd, near, next++, idSeq) : k < 0.33 ? namesakeOf(rnd, near, next++, idSeq)
                        : person(rnd, next++, idSeq);
                newcomers.add(who);
                inHis = false;
            } else {
                who = people.get(rnd.nextInt(people.size()));
                inHis = true;
            }
            int kiosk = rnd.nextInt(kiosks);
            kioskSeq[kiosk]++;
            String kioskId = "kiosk-" + (kiosk + 1);
            String number = String.format(Locale.ROOT, "DT%02d%05d", kiosk + 1, kioskSeq[kiosk]);
            Instant at = start.plus(Duration.ofSeconds((long) (86_400L * v / (double) visits)));
            captures.add(new Capture("visit-" + v, kioskId, number, at, asWritten(rnd, who, "visit-" + v), who, inHis));
        }
        return new OutageDataSet(his, captures);
    }

    private static PatientFacts asWritten(Random rnd, Person p, String ref) {
        String id = p.nationalId();
        if (rnd.nextDouble() < 0.20) {
            id = null; // no card at hand
        } else if (rnd.nextDouble() < 0.015) {
            id = typo(rnd, id);
        }
        String name = p.name();
        if (rnd.nextDouble() < 0.007) {
            char[] c = name.toCharArray();
            c[c.length - 1] = GIVEN[rnd.nextInt(GIVEN.length)].charAt(0); // homophone in a hurry
            name = new String(c);
        }
        String phone = p.phone();
        double ph = rnd.nextDouble();
        if (ph < 0.015) {
            phone = null; // the kiosk asks for a phone (EP-6.1); a few forms still lack one
        } else if (ph < 0.025) {
            phone = typo(rnd, phone);
        }
        LocalDate birth = rnd.nextDouble() < 0.02 ? null : p.birthDate(); // an age only
        return new PatientFacts(ref, name, p.sex(), birth, phone, id);
    }

    /** One digit changed: the check character no longer fits (MOD 11-2 catches every single-digit error). */
    private static String typo(Random rnd, String s) {
        char[] c = s.toCharArray();
        int i = rnd.nextInt(Math.min(c.length, 17));
        char d;
        do {
            d = (char) ('0' + rnd.nextInt(10));
        } while (d == c[i]);
        c[i] = d;
        return new String(c);
    }

    private static Person person(Random rnd, int id, Map<String, Integer> idSeq) {
        Sex sex = rnd.nextBoolean() ? Sex.MALE : Sex.FEMALE;
        String name = SURNAMES[rnd.nextInt(SURNAMES.length)] + given(rnd);
        LocalDate birth = LocalDate.of(1935, 1, 1).plusDays(rnd.nextInt(365 * 88));
        String phone = "1" + (3 + rnd.nextInt(6)) + String.format(Locale.ROOT, "%09d", rnd.nextInt(1_000_000_000));
        return new Person(id, name, sex, birth, phone, nationalId(rnd, birth, sex, idSeq));
    }

    private static Person twinOf(Random rnd, Person p, int id, Map<String, Integer> idSeq) {
        Sex sex = rnd.nextBoolean() ? Sex.MALE : Sex.FEMALE;
        String name;
        do {
            name = p.name().charAt(0) + given(rnd);
        } while (name.equals(p.name()));
        return new Person(id, name, sex, p.birthDate(), p.phone(), nationalId(rnd, p.birthDate(), sex, idSeq));
    }

    private static Person namesakeOf(Random rnd, Person p, int id, Map<String, Integer> idSeq) {
        Person other = person(rnd, id, idSeq);
        Sex sex = rnd.nextDouble() < 0.7 ? p.sex() : other.sex();
        return new Person(id, p.name(), sex, other.birthDate(), other.phone(), nationalId(rnd, other.birthDate(), sex, idSeq));
    }

    private static String given(Random rnd) {
        String g = GIVEN[rnd.nextInt(GIVEN.length)];
        return rnd.nextBoolean() ? g + GIVEN[rnd.nextInt(GIVEN.length)] : g;
    }

    private static String nationalId(Random rnd, LocalDate birth, Sex sex, Map<String, Integer> idSeq) {
        String region = REGIONS[rnd.nextInt(REGIONS.length)];
        while (true) {
            // odd sequence = male, even = female; every number used once
            int seq = 2 * rnd.nextInt(499) + (sex == Sex.MALE ? 1 : 2);
            String id = NationalId.of(region, birth, seq);
            if (idSeq.putIfAbsent(id, 1) == null) {
                return id;
            }
        }
    }
}
