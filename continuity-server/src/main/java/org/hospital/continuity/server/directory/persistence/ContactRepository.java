package org.hospital.continuity.server.directory.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.hospital.continuity.server.directory.ContactKind;
import org.hospital.continuity.server.platform.persistence.Sql;

/** Contact channels (EP-9.1): one per person, kind and address, each with the day it was last confirmed. */
@ApplicationScoped
@WithSession
public class ContactRepository implements PanacheRepositoryBase<ContactChannelEntity, UUID> {

    /** Adds the channel, or keeps the known one with the later of the two confirmation days. */
    Uni<Void> add(UUID personId, ContactKind kind, String address, LocalDate confirmed, Instant now) {
        return find("personId = ?1 and kind = ?2 and address = ?3", personId, kind, address).firstResult().chain(known -> {
            if (known != null) {
                if (confirmed.isAfter(known.lastConfirmedOn)) {
                    known.lastConfirmedOn = confirmed;
                }
                return Uni.createFrom().voidItem();
            }
            ContactChannelEntity c = new ContactChannelEntity();
            c.id = UUID.randomUUID();
            c.personId = personId;
            c.kind = kind;
            c.address = address;
            c.lastConfirmedOn = confirmed;
            c.createdAt = Sql.stored(now);
            return persistAndFlush(c).replaceWithVoid();
        });
    }

    /** False when the person has no such channel. */
    Uni<Boolean> confirm(UUID personId, UUID contactId, LocalDate today) {
        return findById(contactId).map(c -> {
            if (c == null || !c.personId.equals(personId)) {
                return false;
            }
            c.lastConfirmedOn = today;
            return true;
        });
    }
}
