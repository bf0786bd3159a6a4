package org.hospital.continuity.server.notification.app;

import org.hospital.continuity.server.notification.NotificationSettings;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hospital.continuity.server.notification.domain.Channel;
import org.hospital.continuity.server.notification.domain.Contact;
import org.hospital.continuity.server.notification.domain.EscalationChain;
import org.hospital.continuity.server.notification.domain.Person;
import org.hospital.continuity.server.notification.persistence.NotificationPreferenceStore;

/**
 * Who a party's notification goes to: the people of the directory/roster by tier, the group robots
 * configured for the party (or for {@code ALL}), and the party's in-app channel (board, kiosk banner).
 */
@ApplicationScoped
public class ResolvingRecipients {

    /** Robots listed for this party receive every party's notifications. */
    public static final String ALL = "ALL";

    private final Directory directory;
    private final NotificationSettings settings;
    private final NotificationPreferenceStore store;

    public ResolvingRecipients(Directory directory, NotificationSettings settings, NotificationPreferenceStore store) {
        this.directory = directory;
        this.settings = settings;
        this.store = store;
    }

    /** The party's chain, each person in the language they chose (Chinese unless they chose English). */
    public Uni<EscalationChain> chainFor(String partyCode) {
        return directory.tiersFor(partyCode).chain(tiers -> store.languages(tiers.stream().flatMap(List::stream).map(Person::id)
                        .collect(java.util.stream.Collectors.toSet()))
                .map(chosen -> tiers.stream().map(tier -> tier.stream().map(p -> chosen.containsKey(p.id())
                        ? new Person(p.id(), p.name(), chosen.get(p.id()), p.contacts()) : p).toList()).toList())
                .map(withLanguages -> new EscalationChain(partyCode, withLanguages, groupsOf(partyCode))));
    }

    List<Contact> groupsOf(String partyCode) {
        List<Contact> groups = new ArrayList<>();
        for (Map.Entry<String, NotificationSettings.Robot> e : new java.util.TreeMap<>(settings.robot()).entrySet()) {
            List<String> parties = e.getValue().parties();
            if (parties.contains(partyCode) || parties.contains(ALL)) {
                groups.add(new Contact(e.getValue().kind(), e.getKey()));
            }
        }
        groups.add(new Contact(Channel.IN_APP, partyCode));
        return groups;
    }
}
