package org.hospital.continuity.sync.simulation;

import org.hospital.continuity.sync.matching.NationalId;
import org.hospital.continuity.sync.matching.PatientFacts;
import org.hospital.continuity.sync.matching.Sex;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * A generated, seeded data set for matching and write-back: a HIS patient population and the registrations
 * captured at several kiosks during a 24-hour outage, with the ground truth of who is who beside it.
 *
 * <p>The population is hard on purpose: a handful of full names held by about one patient in ninety each
 * (hundreds of holders in 20,000) on top of a realistic surname and given-name distribution, birth dates
 * estimated as 1 January for some of the elderly, children and elderly sharing a family member's phone, twins
 * (a tenth of them with the same name, a quarter with names that sound alike), and HIS records without an ID
 * number. The outage holds: registrations without an ID number, ID numbers with a slip, phones changed since
 * the HIS record, missing birth dates, homophones (同音字) and one-character slips in names, day and month
 * swapped, a day or a digit off, a wrong sex, the same person registered again at another kiosk, twins brought
 * in together, and new patients who are namesakes, siblings or twins of HIS patients.
 *
 * <p>Not generated, because nothing on a form can tell them apart: a new patient who is the same-name,
 * same-sex twin of a HIS patient (same birth date and family phone) and registers without an ID number, or
 * whose HIS twin has none. See docs/writeback.md.
 */
public final class OutageDataSet {

    /** What went wrong (or was left out) when a registration was written; for analysing outcomes. */
    public enum Slip {
        NO_ID, ID_SLIP, NAME_HOMOPHONE, SURNAME_HOMOPHONE, NAME_ONE_CHARACTER, WRONG_SEX, NO_BIRTH_DATE,
        DAY_MONTH_SWAPPED, DAY_OFF, DATE_DIGIT, DATE_WRONG, PHONE_CHANGED, NO_PHONE, PHONE_SLIP, REGISTERED_AGAIN,
        TWIN_ALONGSIDE
    }

    /**
     * A real person (ground truth).
     *
     * @param hisPhone the phone the HIS holds; {@code phone} is the one the person has now
     * @param twin     the id of the person's twin, or -1
     */
    public record Person(int id, String name, Sex sex, LocalDate birthDate, String phone, String nationalId, String hisPhone,
                         int twin) {
    }

    /** A HIS patient: the person it belongs to and what the HIS holds (the HIS may lack the ID number). */
    public record HisPatient(Person person, PatientFacts facts) {
    }

    /** One captured registration: what was written, who it really was, and the slips made. */
    public record Capture(String ref, String kioskId, String downtimeNumber, Instant at, PatientFacts facts, Person truth,
                          boolean personInHis, Set<Slip> slips) {
    }

    private static final String[] SURNAMES = {"王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱",
            "胡", "郭", "何", "高", "林", "罗", "郑", "梁", "谢", "宋", "唐", "许", "韩", "冯", "邓", "曹", "彭", "曾", "肖", "田",
            "董", "袁", "潘", "于", "蒋", "蔡", "余", "杜", "叶", "程", "苏", "魏", "吕", "丁", "任", "沈", "姚", "卢", "姜", "崔",
            "钟", "谭", "陆", "汪", "范", "金", "石", "廖", "贾", "夏", "韦", "付", "方", "白", "邹", "孟", "熊", "秦", "邱", "江",
            "尹", "薛", "闫", "段", "雷", "侯", "龙", "史", "陶", "黎", "贺", "顾", "毛", "郝", "龚", "邵", "万", "钱", "严", "武",
            "戴", "莫", "孔", "向", "汤", "章", "柳", "欧阳", "司马"};
    private static final double[] SURNAME_SHARE = {7.1, 7.0, 6.7, 5.4, 4.5, 3.1, 2.2, 2.2, 2.0, 1.9, 1.5, 1.5, 1.3, 1.3, 1.3,
            1.2, 1.2, 1.1, 1.1, 0.9, 0.9, 0.9, 0.8, 0.8, 0.8, 0.7, 0.7, 0.7, 0.7, 0.6, 0.6, 0.6, 0.6, 0.6, 0.5, 0.5, 0.5, 0.5,
            0.5, 0.5, 0.5, 0.5, 0.5, 0.4, 0.4, 0.4, 0.4, 0.4, 0.4, 0.4, 0.4, 0.4, 0.4, 0.3, 0.3, 0.3, 0.3, 0.3, 0.3, 0.3, 0.3,
            0.3, 0.3, 0.3, 0.3, 0.3, 0.3, 0.3, 0.3, 0.3, 0.3, 0.3, 0.3, 0.3, 0.3, 0.2, 0.2, 0.2, 0.2, 0.2, 0.2, 0.2, 0.2, 0.2,
            0.2, 0.2, 0.2, 0.2, 0.2, 0.2, 0.2, 0.2, 0.2, 0.2, 0.2, 0.2, 0.2, 0.2, 0.2, 0.1, 0.1, 0.05, 0.02};
    /** Surnames a hurried operator writes for the one said. */
    private static final Map<String, String[]> SURNAME_SOUNDALIKES = Map.ofEntries(Map.entry("王", new String[]{"汪"}),
            Map.entry("汪", new String[]{"王"}), Map.entry("张", new String[]{"章"}), Map.entry("章", new String[]{"张"}),
            Map.entry("刘", new String[]{"柳"}), Map.entry("柳", new String[]{"刘"}), Map.entry("徐", new String[]{"许"}),
            Map.entry("许", new String[]{"徐"}), Map.entry("李", new String[]{"黎"}), Map.entry("黎", new String[]{"李"}),
            Map.entry("何", new String[]{"贺"}), Map.entry("贺", new String[]{"何"}), Map.entry("吴", new String[]{"武"}),
            Map.entry("武", new String[]{"吴"}), Map.entry("杨", new String[]{"阳"}), Map.entry("陈", new String[]{"晨"}));

    /**
     * Given-name characters: groups of characters with the same toneless reading (the homophones a spoken name is
     * written with), each with the sex it is mostly given to (M, F or N) and a popularity.
     */
    private static final String[][] GIVEN_GROUPS = {
            {"M", "9", "伟", "玮", "炜"}, {"F", "2", "薇"}, {"M", "6", "强"}, {"M", "5", "磊"}, {"M", "6", "军", "君", "钧"},
            {"M", "4", "俊", "骏"}, {"M", "5", "勇", "永"}, {"M", "5", "杰"}, {"F", "3", "洁", "婕"}, {"M", "4", "涛", "韬"},
            {"M", "5", "明", "鸣", "铭"}, {"M", "4", "超"}, {"M", "4", "刚", "钢"}, {"M", "4", "辉", "晖"}, {"F", "4", "慧", "惠"},
            {"M", "4", "建", "健", "剑"}, {"M", "3", "国"}, {"M", "3", "峰", "锋"}, {"F", "2", "凤"}, {"M", "3", "斌", "彬"},
            {"M", "3", "浩", "昊", "皓"}, {"M", "3", "宇", "禹"}, {"F", "3", "玉", "钰"}, {"M", "3", "鹏"}, {"M", "3", "飞"},
            {"M", "2", "龙"}, {"M", "3", "波", "博"}, {"M", "3", "海"}, {"M", "2", "亮"}, {"N", "4", "华", "桦"},
            {"N", "3", "平"}, {"F", "3", "萍"}, {"M", "2", "东", "冬"}, {"M", "2", "成", "诚"}, {"M", "3", "志", "智"},
            {"N", "3", "文"}, {"F", "3", "雯"}, {"N", "3", "新", "鑫"}, {"F", "4", "欣", "馨"}, {"N", "3", "林", "琳", "霖"},
            {"N", "2", "晨", "辰"}, {"M", "2", "帆", "凡"}, {"N", "4", "洋", "阳"}, {"N", "3", "一"}, {"F", "2", "怡"},
            {"N", "2", "子"}, {"N", "2", "天"}, {"N", "2", "思"}, {"N", "3", "家", "嘉", "佳"},
            {"F", "8", "芳", "方"}, {"F", "8", "娜"}, {"F", "6", "秀"}, {"F", "7", "敏"}, {"F", "7", "静", "晶", "婧"},
            {"F", "7", "丽", "莉", "俐"}, {"F", "6", "艳", "燕"}, {"F", "5", "娟", "鹃"}, {"F", "5", "霞"}, {"F", "5", "玲"},
            {"F", "5", "婷"}, {"F", "4", "雪"}, {"F", "5", "红", "虹"}, {"F", "4", "梅"}, {"F", "4", "兰", "岚"},
            {"F", "4", "英", "瑛", "颖"}, {"F", "3", "琴", "芹"}, {"F", "3", "倩"}, {"F", "3", "桂"}};
    /** Full names held by about one patient in ninety each: the namesakes of a real HIS. */
    private static final String[][] POPULAR = {{"王伟", "M"}, {"王刚", "M"}, {"李娜", "F"}, {"张伟", "M"}, {"王芳", "F"},
            {"李伟", "M"}, {"张敏", "F"}, {"王静", "F"}};
    private static final double POPULAR_SHARE = 0.011;
    private static final String[] REGIONS = {"110101", "110105", "110108", "120101", "310104", "310115", "320102", "320506",
            "330106", "330302", "370102", "410105", "420106", "440103", "440305", "500103", "510104", "610113"};

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
        return new Generator(seed, start).run(hisSize, visits, kiosks);
    }

    private static final class Generator {
        final Random rnd;
        final LocalDate today;
        final Set<String> ids = new HashSet<>();
        final Set<String> phones = new HashSet<>();
        final Map<String, List<Person>> adultsBySurname = new HashMap<>();
        final List<Person> people = new ArrayList<>();
        final double[] surnameCdf;
        final List<String[]> male = new ArrayList<>();
        final List<String[]> female = new ArrayList<>();
        final double[] maleCdf;
        final double[] femaleCdf;
        final Map<Character, String[]> groupOf = new HashMap<>();
        final Instant start;
        int nextId;

        Generator(long seed, Instant start) {
            this.rnd = new Random(seed);
            this.start = start;
            this.today = start.atZone(ZoneOffset.ofHours(8)).toLocalDate();
            this.surnameCdf = cdf(SURNAME_SHARE);
            for (String[] g : GIVEN_GROUPS) {
                if (!"F".equals(g[0])) {
                    male.add(g);
                }
                if (!"M".equals(g[0])) {
                    female.add(g);
                }
                for (int i = 2; i < g.length; i++) {
                    groupOf.put(g[i].charAt(0), g);
                }
            }
            this.maleCdf = cdf(male.stream().mapToDouble(g -> Double.parseDouble(g[1])).toArray());
            this.femaleCdf = cdf(female.stream().mapToDouble(g -> Double.parseDouble(g[1])).toArray());
        }

        OutageDataSet run(int hisSize, int visits, int kiosks) {
            while (people.size() < hisSize) {
                Person p = person(null, null, null);
                people.add(p);
                if (rnd.nextDouble() < 0.015 && people.size() < hisSize) {
                    Person t = twinOf(p, true);
                    people.set(people.size() - 1, withTwin(p, t.id()));
                    people.add(t);
                }
            }
            List<HisPatient> hisPatients = new ArrayList<>();
            Map<Integer, Person> byId = new HashMap<>();
            for (Person p : people) {
                byId.put(p.id(), p);
                boolean child = age(p) < 16;
                String id = rnd.nextDouble() < (child ? 0.30 : 0.05) ? null : p.nationalId();
                hisPatients.add(new HisPatient(p, new PatientFacts("Patient/his-" + p.id(), p.name(), p.sex(), p.birthDate(),
                        p.hisPhone(), id)));
            }

            List<Capture> out = new ArrayList<>();
            int[] kioskSeq = new int[kiosks];
            Person twinNext = null;
            for (int v = 0; v < visits; v++) {
                Person who;
                boolean inHis;
                Set<Slip> slips = EnumSet.noneOf(Slip.class);
                double r = rnd.nextDouble();
                if (twinNext != null) {
                    who = twinNext;
                    inHis = true;
                    twinNext = null;
                    slips.add(Slip.TWIN_ALONGSIDE);
                } else if (r < 0.03 && !out.isEmpty()) {
                    Capture earlier = out.get(rnd.nextInt(out.size()));
                    who = earlier.truth();
                    inHis = earlier.personInHis();
                    slips.add(Slip.REGISTERED_AGAIN);
                } else if (r < 0.11) {
                    who = newcomer();
                    inHis = false;
                } else {
                    who = people.get(rnd.nextInt(people.size()));
                    inHis = true;
                    if (who.twin() >= 0 && rnd.nextDouble() < 0.3) {
                        twinNext = byId.get(who.twin());
                    }
                }
                int kiosk = rnd.nextInt(kiosks);
                kioskSeq[kiosk]++;
                String number = String.format(Locale.ROOT, "DT%02d%05d", kiosk + 1, kioskSeq[kiosk]);
                Instant at = start.plus(Duration.ofSeconds((long) (86_400L * v / (double) visits)));
                PatientFacts written = asWritten(who, "visit-" + v, slips);
                out.add(new Capture("visit-" + v, "kiosk-" + (kiosk + 1), number, at, written, who, inHis,
                        Collections.unmodifiableSet(slips)));
            }
            return new OutageDataSet(hisPatients, out);
        }

        /** A new patient: a namesake, sibling or twin of a HIS patient, or someone unrelated. */
        Person newcomer() {
            Person near = people.get(rnd.nextInt(people.size()));
            double k = rnd.nextDouble();
            if (k < 0.35) {
                Sex sex = rnd.nextDouble() < 0.8 ? near.sex() : other(near.sex());
                return person(near.name(), sex, null);
            }
            if (k < 0.43) {
                Person sib = person(surname(near), null, null);
                return new Person(sib.id(), sib.name(), sib.sex(), sib.birthDate(), near.phone(), sib.nationalId(), near.phone(), -1);
            }
            if (k < 0.48) {
                return twinOf(near, false);
            }
            return person(null, null, null);
        }

        Person person(String nameOrSurname, Sex sexOrNull, LocalDate birthOrNull) {
            Sex sex = sexOrNull != null ? sexOrNull : rnd.nextBoolean() ? Sex.MALE : Sex.FEMALE;
            String name;
            boolean fullName = nameOrSurname != null && nameOrSurname.length() >= 2 && !isCompoundSurname(nameOrSurname);
            if (fullName) {
                name = nameOrSurname;
            } else if (nameOrSurname == null && rnd.nextDouble() < POPULAR_SHARE * POPULAR.length) {
                String[] pop = POPULAR[rnd.nextInt(POPULAR.length)];
                name = pop[0];
                if (sexOrNull == null) {
                    sex = rnd.nextDouble() < 0.95 ? ("M".equals(pop[1]) ? Sex.MALE : Sex.FEMALE) : (rnd.nextBoolean() ? Sex.MALE : Sex.FEMALE);
                }
            } else {
                String surname = nameOrSurname != null ? nameOrSurname : SURNAMES[pick(surnameCdf)];
                name = surname + given(sex);
            }
            LocalDate birth = birthOrNull != null ? birthOrNull : birthDate();
            String phone = newPhone();
            Person p = new Person(nextId++, name, sex, birth, phone, nationalId(birth, sex), phone, -1);
            // children share a parent's phone, some of the elderly a son's or daughter's
            int age = age(p);
            List<Person> family = adultsBySurname.getOrDefault(surname(p), List.of());
            if (!family.isEmpty() && (age < 16 && rnd.nextDouble() < 0.6 || age >= 75 && rnd.nextDouble() < 0.3)) {
                String shared = family.get(rnd.nextInt(family.size())).phone();
                p = new Person(p.id(), p.name(), p.sex(), p.birthDate(), shared, p.nationalId(), shared, -1);
            }
            // some changed their phone since the HIS record
            if (rnd.nextDouble() < 0.12) {
                p = new Person(p.id(), p.name(), p.sex(), p.birthDate(), newPhone(), p.nationalId(), p.hisPhone(), -1);
            }
            if (age >= 25 && age < 70) {
                adultsBySurname.computeIfAbsent(surname(p), x -> new ArrayList<>()).add(p);
            }
            return p;
        }

        Person twinOf(Person p, boolean linked) {
            Sex sex = rnd.nextBoolean() ? p.sex() : other(p.sex());
            String surname = surname(p);
            String given = p.name().substring(surname.length());
            String name;
            double k = rnd.nextDouble();
            if (linked && k < 0.10) {
                name = p.name(); // same-name twins
            } else if (k < 0.35 && given.length() == 2 && groupOf.get(given.charAt(1)) != null
                    && groupOf.get(given.charAt(1)).length > 3) {
                name = surname + given.charAt(0) + soundAlike(given.charAt(1)); // 张一帆 / 张一凡
            } else {
                do {
                    name = surname + (given.length() == 2 && rnd.nextBoolean() ? given.charAt(0) + oneChar(sex) : given(sex));
                } while (name.equals(p.name()));
            }
            int id = nextId++;
            Person t = new Person(id, name, sex, p.birthDate(), p.phone(), nationalId(p.birthDate(), sex), p.hisPhone(),
                    linked ? p.id() : -1);
            return t;
        }

        static Person withTwin(Person p, int twin) {
            return new Person(p.id(), p.name(), p.sex(), p.birthDate(), p.phone(), p.nationalId(), p.hisPhone(), twin);
        }

        PatientFacts asWritten(Person p, String ref, Set<Slip> slips) {
            String id = p.nationalId();
            boolean child = age(p) < 16;
            if (rnd.nextDouble() < (child ? 0.35 : 0.12)) {
                id = null; // no card at hand
                slips.add(Slip.NO_ID);
            } else if (rnd.nextDouble() < 0.015) {
                id = slip(id, 17);
                slips.add(Slip.ID_SLIP);
            }
            String name = p.name();
            double n = rnd.nextDouble();
            String surname = surname(p);
            if (n < 0.015) {
                if (rnd.nextDouble() < 0.2 && SURNAME_SOUNDALIKES.containsKey(surname)) {
                    String[] alikes = SURNAME_SOUNDALIKES.get(surname);
                    name = alikes[rnd.nextInt(alikes.length)] + name.substring(surname.length());
                    slips.add(Slip.SURNAME_HOMOPHONE);
                } else {
                    String given = name.substring(surname.length());
                    int i = rnd.nextInt(given.length());
                    char c = soundAlike(given.charAt(i));
                    if (c != given.charAt(i)) {
                        name = surname + given.substring(0, i) + c + given.substring(i + 1);
                        slips.add(Slip.NAME_HOMOPHONE);
                    }
                }
            } else if (n < 0.018) {
                String given = name.substring(surname.length());
                int i = rnd.nextInt(given.length());
                String c;
                do {
                    c = oneChar(p.sex());
                } while (groupOf.get(c.charAt(0)) == groupOf.get(given.charAt(i)));
                name = surname + given.substring(0, i) + c + given.substring(i + 1);
                slips.add(Slip.NAME_ONE_CHARACTER);
            }
            Sex sex = p.sex();
            if (rnd.nextDouble() < 0.001) {
                sex = other(sex);
                slips.add(Slip.WRONG_SEX);
            }
            LocalDate birth = p.birthDate();
            double b = rnd.nextDouble();
            boolean validIdWritten = id != null && NationalId.isValid(id);
            if (b < 0.03 && !validIdWritten) {
                birth = null; // an age only
                slips.add(Slip.NO_BIRTH_DATE);
            } else if (b < 0.034 && birth.getDayOfMonth() <= 12 && birth.getDayOfMonth() != birth.getMonthValue()) {
                birth = LocalDate.of(birth.getYear(), birth.getDayOfMonth(), birth.getMonthValue());
                slips.add(Slip.DAY_MONTH_SWAPPED);
            } else if (b < 0.038) {
                birth = birth.plusDays(rnd.nextBoolean() ? 1 : -1);
                slips.add(Slip.DAY_OFF);
            } else if (b < 0.041) {
                LocalDate d = dateDigitSlip(birth);
                if (d != null) {
                    birth = d;
                    slips.add(Slip.DATE_DIGIT);
                }
            } else if (b < 0.042) {
                birth = LocalDate.of(birth.getYear() + (rnd.nextBoolean() ? 1 : -1) * (2 + rnd.nextInt(4)), 1, 1);
                slips.add(Slip.DATE_WRONG);
            }
            String phone = p.phone();
            if (!phone.equals(p.hisPhone())) {
                slips.add(Slip.PHONE_CHANGED);
            }
            double ph = rnd.nextDouble();
            if (ph < 0.015) {
                phone = null;
                slips.add(Slip.NO_PHONE);
            } else if (ph < 0.025) {
                phone = slip(phone, phone.length());
                slips.add(Slip.PHONE_SLIP);
            }
            return new PatientFacts(ref, name, sex, birth, phone, id);
        }

        LocalDate dateDigitSlip(LocalDate d) {
            String s = d.format(java.time.format.DateTimeFormatter.BASIC_ISO_DATE);
            for (int attempt = 0; attempt < 20; attempt++) {
                String t = slip(s, 8);
                try {
                    LocalDate x = LocalDate.parse(t, java.time.format.DateTimeFormatter.BASIC_ISO_DATE);
                    if (x.getYear() > 1900 && !x.isAfter(today)) {
                        return x;
                    }
                } catch (java.time.format.DateTimeParseException e) {
                    // try another digit
                }
            }
            return null;
        }

        /** One digit replaced (80 %) or two neighbours swapped, within the first {@code upTo} characters. */
        String slip(String s, int upTo) {
            char[] c = s.toCharArray();
            if (rnd.nextDouble() < 0.2) {
                for (int attempt = 0; attempt < 20; attempt++) {
                    int i = rnd.nextInt(upTo - 1);
                    if (c[i] != c[i + 1]) {
                        char t = c[i];
                        c[i] = c[i + 1];
                        c[i + 1] = t;
                        return new String(c);
                    }
                }
            }
            int i = rnd.nextInt(upTo);
            char d;
            do {
                d = (char) ('0' + rnd.nextInt(10));
            } while (d == c[i]);
            c[i] = d;
            return new String(c);
        }

        char soundAlike(char c) {
            String[] g = groupOf.get(c);
            if (g == null || g.length <= 3) {
                return c;
            }
            char x;
            do {
                x = g[2 + rnd.nextInt(g.length - 2)].charAt(0);
            } while (x == c);
            return x;
        }

        String given(Sex sex) {
            return rnd.nextDouble() < 0.35 ? oneChar(sex) : oneChar(sex) + oneChar(sex);
        }

        String oneChar(Sex sex) {
            boolean m = sex == Sex.MALE;
            String[] g = m ? male.get(pick(maleCdf)) : female.get(pick(femaleCdf));
            return g[2 + rnd.nextInt(g.length - 2)];
        }

        LocalDate birthDate() {
            double a = rnd.nextDouble();
            int age = a < 0.15 ? rnd.nextInt(15) : a < 0.70 ? 15 + rnd.nextInt(45) : 60 + rnd.nextInt(36);
            LocalDate d = today.minusYears(age).minusDays(rnd.nextInt(365));
            if (age >= 70 && rnd.nextDouble() < 0.06) {
                d = LocalDate.of(d.getYear(), 1, 1); // estimated when first registered
            }
            return d;
        }

        String newPhone() {
            while (true) {
                String p = "1" + (3 + rnd.nextInt(7)) + String.format(Locale.ROOT, "%09d", rnd.nextInt(1_000_000_000));
                if (phones.add(p)) {
                    return p;
                }
            }
        }

        String nationalId(LocalDate birth, Sex sex) {
            String region = REGIONS[rnd.nextInt(REGIONS.length)];
            while (true) {
                // odd sequence = male, even = female; every number used once
                int seq = 2 * rnd.nextInt(499) + (sex == Sex.MALE ? 1 : 2);
                String id = NationalId.of(region, birth, seq);
                if (ids.add(id)) {
                    return id;
                }
            }
        }

        int age(Person p) {
            return p.birthDate().until(today).getYears();
        }

        int pick(double[] cdf) {
            double x = rnd.nextDouble() * cdf[cdf.length - 1];
            int i = java.util.Arrays.binarySearch(cdf, x);
            return i >= 0 ? i : Math.min(cdf.length - 1, -i - 1);
        }

        static double[] cdf(double[] w) {
            double[] c = new double[w.length];
            double s = 0;
            for (int i = 0; i < w.length; i++) {
                s += w[i];
                c[i] = s;
            }
            return c;
        }
    }

    private static Sex other(Sex s) {
        return s == Sex.MALE ? Sex.FEMALE : Sex.MALE;
    }

    private static boolean isCompoundSurname(String s) {
        return "欧阳".equals(s) || "司马".equals(s);
    }

    /** The person's surname (two characters for 欧阳 and 司马). */
    public static String surname(Person p) {
        return p.name().length() > 2 && isCompoundSurname(p.name().substring(0, 2)) ? p.name().substring(0, 2)
                : p.name().substring(0, 1);
    }
}
