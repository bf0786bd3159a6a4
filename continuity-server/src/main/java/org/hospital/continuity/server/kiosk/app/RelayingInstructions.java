package org.hospital.continuity.server.kiosk.app;

import org.hospital.continuity.server.incident.Instructions;
import org.hospital.continuity.server.platform.security.Sessions;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;
import org.hospital.continuity.server.platform.security.StaffRole;
import org.hospital.continuity.server.directory.People;
import org.hospital.continuity.server.kiosk.KioskIdentity;
import org.hospital.continuity.server.kiosk.domain.KioskWire;
import org.hospital.continuity.server.platform.api.DomainRejection;
import org.hospital.continuity.server.platform.security.Staff;
import org.hospital.continuity.server.incident.Instruction;

/**
 * EP-6.1 for kiosks: the announced instructions of the kiosk's department (its downtime-ladder area,
 * from the directory), which the kiosk pulls while online, and their acknowledgement by the named
 * person signed in at the kiosk — the kiosk itself is not a person and never acknowledges alone.
 */
@ApplicationScoped
public class RelayingInstructions {

    private final Instructions announcing;
    private final People directory;
    private final Sessions accounts;

    public RelayingInstructions(Instructions announcing, People directory, Sessions accounts) {
        this.announcing = announcing;
        this.directory = directory;
        this.accounts = accounts;
    }

    /**
     * The newest instructions for the kiosk's department (empty when its department follows no area of the ladder):
     * the hospital-wide ones and those of an area cut off where the department is (EP-4.1 局部网络不通).
     */
    public Uni<KioskWire.Instructions> forKiosk(KioskIdentity kiosk, int limit) {
        return directory.department(kiosk.departmentCode()).chain(d -> {
            if (d == null || d.area() == null) {
                return Uni.createFrom().item(new KioskWire.Instructions(null, List.of()));
            }
            return announcing.forPartyAt(d.area(), d.place(), false, limit)
                    .map(list -> new KioskWire.Instructions(d.area(), list.stream().map(RelayingInstructions::wire).toList()));
        });
    }

    /**
     * EP-6.1: the staff member signed in at the kiosk acknowledges. Only an active account of the
     * kiosk's own department may; the acknowledgement is theirs (named), made through the kiosk.
     * {@code at} is when it was given at the kiosk (null: now): one given while the server was
     * unreachable arrives later and keeps its time.
     */
    public Uni<KioskWire.Instruction> acknowledge(KioskIdentity kiosk, UUID instructionId, String username, java.time.Instant at) {
        return accounts.activeAccount(username).chain(staff -> {
            if (staff == null) {
                return Uni.createFrom().failure(new DomainRejection(403, "not-a-server-account", "EP-6.1",
                        "Only staff with an active hospital account acknowledge instructions; acknowledge by phone to the IT duty."));
            }
            if (!kiosk.departmentCode().equals(staff.departmentCode())) {
                return Uni.createFrom().failure(new DomainRejection(403, "not-your-department", "EP-6.1",
                        "Only staff of the kiosk's department acknowledge its instructions at this kiosk."));
            }
            return announcing.acknowledge(instructionId, staff, at).map(RelayingInstructions::wire)
                    .invoke(i -> Log.infof("instruction acknowledged at kiosk=%s instruction=%s account=%s", kiosk.kioskId(), i.id(), staff.accountId()));
        });
    }

    static KioskWire.Instruction wire(Instruction i) {
        return new KioskWire.Instruction(i.id(), i.number(), i.party(), i.kind(), i.modeAfter() == null ? null : i.modeAfter().name(), i.clause(), i.zh(),
                i.en(), i.issuedAt(), i.issuedBy(), i.acknowledged(), i.acks().isEmpty() ? null : i.acks().get(0).personName(),
                i.acks().isEmpty() ? null : i.acks().get(0).at());
    }
}
