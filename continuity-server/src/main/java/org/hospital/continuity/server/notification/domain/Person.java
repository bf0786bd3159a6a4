package org.hospital.continuity.server.notification.domain;

import org.hospital.continuity.server.platform.text.Language;
import java.util.List;
import java.util.Objects;

/**
 * Someone who receives notifications, as the directory knows them (EP-9.1: contact details kept current).
 *
 * @param id       the directory's stable id of the person
 * @param name     the name shown in delivery records and the board (staff, never patients)
 * @param language the language they read
 * @param contacts their channels in the order to use them
 */
public record Person(String id, String name, Language language, List<Contact> contacts) {

    public Person {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        language = language == null ? Language.ZH_CN : language;
        contacts = List.copyOf(contacts);
    }
}
