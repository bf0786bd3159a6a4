package org.hospital.continuity.server.notification.integration;

import io.quarkus.arc.DefaultBean;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.util.List;
import org.hospital.continuity.server.notification.app.Directory;
import org.hospital.continuity.server.notification.domain.Person;

/**
 * Used only while no adapter to the hospital directory and roster (issue 4) is present: it knows nobody,
 * so notifications reach only the group channels (robots, in-app) and say so in the log. Replaced by the
 * directory adapter as soon as one exists (it is a {@link DefaultBean}).
 */
@ApplicationScoped
public class NoDirectoryYet {

    @Produces
    @DefaultBean
    @ApplicationScoped
    Directory directory() {
        return partyCode -> Uni.createFrom().item(List.<List<Person>>of());
    }
}
