package org.hospital.continuity.server.notification.integration;

import org.hospital.continuity.server.directory.People;
import org.hospital.continuity.server.notification.TeamMembers;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;
import org.hospital.continuity.server.directory.ContactKind;
import org.hospital.continuity.server.platform.security.StaffRole;
import org.hospital.continuity.server.notification.app.Directory;
import org.hospital.continuity.server.notification.domain.Channel;
import org.hospital.continuity.server.notification.domain.Contact;
import org.hospital.continuity.server.platform.text.Language;
import org.hospital.continuity.server.notification.domain.Person;

/**
 * The notifications' view of the directory and duty roster: who a party is, in the order to call
 * them (EP-2.1, EP-9.1, HR-15..17).
 * <ul>
 *   <li>LEADERSHIP_GROUP: every active member of the leadership group, together.</li>
 *   <li>IT_ON_DUTY: whoever is on duty now; then the IT administrators (the head of IT is one).</li>
 *   <li>IT_DEPARTMENT, SYSTEM_/NETWORK_ADMINISTRATOR: the IT administrators; then IT on duty.</li>
 *   <li>a ladder area (PHARMACY, NURSE_STATION …): the heads of the departments that follow it; then their staff.</li>
 *   <li>an office or another code: the heads of the directory department of that code; then its staff.</li>
 *   <li>ALL_DEPARTMENTS: every department head.</li>
 *   <li>an EP-8.2 team (REPAIR_TEAM, LIAISON_TEAM, COORDINATION_TEAM): the people the board lists in that team for an
 *       open incident; then IT on duty, then the IT administrators (IT forms these teams).</li>
 *   <li>RUSH_ENTRY_TEAM (EP-8.3, one per department): the people the board lists in it; then everybody with the
 *       data-entry role; then the department heads.</li>
 *   <li>an office (PRESIDENT_OFFICE, NURSING, VENDORS …) is the directory department of the same code.</li>
 * </ul>
 * Phones go to the SMS gateway, mail addresses to SMTP; personal WeCom/DingTalk ids are not used (group robots
 * are configured per party).
 */
@ApplicationScoped
public class DirectoryAdapter implements Directory {

    private final People people;
    private final TeamMembers teams;

    public DirectoryAdapter(People people, TeamMembers teams) {
        this.people = people;
        this.teams = teams;
    }

    @Override
    public Uni<List<List<Person>>> tiersFor(String partyCode) {
        switch (partyCode) {
            case "LEADERSHIP_GROUP":
                return everyone().map(all -> tiers(filter(all, p -> p.holds(StaffRole.LEADERSHIP))));
            case "IT_ON_DUTY":
                return onDuty().chain(duty -> everyone().map(all -> tiers(duty, filter(all, p -> p.holds(StaffRole.IT_ADMIN)))));
            case "IT_DEPARTMENT":
            case "SYSTEM_ADMINISTRATOR":
            case "NETWORK_ADMINISTRATOR":
                return onDuty().chain(duty -> everyone().map(all -> tiers(filter(all, p -> p.holds(StaffRole.IT_ADMIN)), duty)));
            case "ALL_DEPARTMENTS":
                return everyone().map(all -> tiers(filter(all, p -> p.holds(StaffRole.DEPARTMENT_HEAD))));
            case "REPAIR_TEAM":
            case "LIAISON_TEAM":
            case "COORDINATION_TEAM":
                return teamMembers(partyCode).chain(members -> onDuty().chain(duty -> everyone().map(all -> tiers(
                        filter(all, p -> members.contains(p.id().toString())), duty, filter(all, p -> p.holds(StaffRole.IT_ADMIN))))));
            case "RUSH_ENTRY_TEAM":
                return teamMembers(partyCode).chain(members -> everyone().map(all -> tiers(
                        filter(all, p -> members.contains(p.id().toString())), filter(all, p -> p.holds(StaffRole.DATA_ENTRY)),
                        filter(all, p -> p.holds(StaffRole.DEPARTMENT_HEAD)))));
            default:
                return people.peopleOfArea(partyCode)
                        .chain(area -> area.isEmpty() ? people.people(partyCode) : Uni.createFrom().item(area))
                        .map(people -> {
                            List<org.hospital.continuity.server.directory.Person> active = filter(people, p -> true);
                            return tiers(filter(active, p -> p.holds(StaffRole.DEPARTMENT_HEAD)),
                                    filter(active, p -> !p.holds(StaffRole.DEPARTMENT_HEAD)));
                        });
        }
    }

    private Uni<java.util.Set<String>> teamMembers(String team) {
        return teams.ofTeam(team);
    }

    private Uni<List<org.hospital.continuity.server.directory.Person>> everyone() {
        return people.people(null);
    }

    private Uni<List<org.hospital.continuity.server.directory.Person>> onDuty() {
        return people.onDutyNow();
    }

    private static List<org.hospital.continuity.server.directory.Person> filter(
            List<org.hospital.continuity.server.directory.Person> people,
            Predicate<org.hospital.continuity.server.directory.Person> which) {
        return people.stream().filter(org.hospital.continuity.server.directory.Person::active).filter(which).toList();
    }

    /** Tiers in order, each person only in the first tier that names them; empty tiers dropped. */
    @SafeVarargs
    static List<List<Person>> tiers(List<org.hospital.continuity.server.directory.Person>... tiers) {
        Map<String, Boolean> seen = new LinkedHashMap<>();
        List<List<Person>> out = new ArrayList<>();
        for (List<org.hospital.continuity.server.directory.Person> tier : tiers) {
            List<Person> mapped = new ArrayList<>();
            for (var p : tier) {
                if (seen.putIfAbsent(p.id().toString(), true) == null) {
                    mapped.add(person(p));
                }
            }
            if (!mapped.isEmpty()) {
                out.add(mapped);
            }
        }
        return out;
    }

    static Person person(org.hospital.continuity.server.directory.Person p) {
        List<Contact> contacts = new ArrayList<>();
        for (var c : p.contacts()) {
            if (c.kind() == ContactKind.MAIL) {
                contacts.add(new Contact(Channel.EMAIL, c.address()));
            } else if (c.kind() == ContactKind.PHONE) {
                contacts.add(new Contact(Channel.SMS, c.address()));
            }
        }
        // the language is the person's choice (notification_preference), applied by ResolvingRecipients
        return new Person(p.id().toString(), p.name(), Language.ZH_CN, contacts);
    }
}
