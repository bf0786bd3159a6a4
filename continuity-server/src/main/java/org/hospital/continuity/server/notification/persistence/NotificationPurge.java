package org.hospital.continuity.server.notification.persistence;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;
import org.hospital.continuity.server.incident.DrillIncidentPurge;
import org.hospital.continuity.server.platform.persistence.PurgeSteps;
import org.hospital.continuity.server.platform.persistence.PurgeSteps.Step;
import org.hospital.continuity.server.platform.persistence.Tx;

/** HR-21: a purged drill's notifications, their deliveries and group posts (first in the purge: nothing refers to them). */
@ApplicationScoped
public class NotificationPurge implements DrillIncidentPurge {

    private static final List<Step> STEPS = List.of(
            new Step("notification_group_post", "incident_id = $1"),
            new Step("notification_delivery_event", "delivery_id in (select d.id from notification_delivery d join notification n"
                    + " on n.id = d.notification_id where n.incident_id = $1)"),
            new Step("notification_delivery", "notification_id in (select id from notification where incident_id = $1)"),
            new Step("notification", "incident_id = $1"));

    @Override
    public int order() {
        return 10;
    }

    @Override
    public Uni<List<Removed>> purge(Tx tx, UUID incident) {
        // Notifications of the drill may still be written while it is purged: a notice raised on the drill's last events
        // (a new notification with its deliveries and events, in one transaction), an escalation adding deliveries, the
        // worker recording a send. Each such write must wait for this purge instead of slipping in between two deletes and
        // breaking a foreign key: no new notification while the purge runs (a short table lock; purges are rare), then the
        // drill's notifications and deliveries locked.
        return tx.client().query("lock table notification in share row exclusive mode").execute()
                .chain(() -> tx.client().preparedQuery("select id from notification where incident_id = $1 order by id for update")
                        .execute(Tuple.of(incident)))
                .chain(() -> tx.client().preparedQuery("select d.id from notification_delivery d join notification n on n.id = d.notification_id"
                        + " where n.incident_id = $1 order by d.id for update of d").execute(Tuple.of(incident)))
                .chain(() -> PurgeSteps.run(tx, STEPS, incident))
                .map(done -> done.stream().map(r -> new Removed(r.table(), r.deleted().rows(), r.deleted().digest())).toList());
    }
}
