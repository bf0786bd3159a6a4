package org.hospital.continuity.server.notification.integration;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.UUID;
import org.hospital.continuity.server.incident.Instruction;
import org.hospital.continuity.server.incident.Instructions;
import org.hospital.continuity.server.notification.app.AcknowledgedElsewhere;
import org.hospital.continuity.server.platform.api.DomainRejection;

/** EP-6.1: an instruction acknowledged by its department in the app stops the calls about it. */
@ApplicationScoped
public class InstructionAcknowledgements implements AcknowledgedElsewhere {

    private final Instructions instructions;

    public InstructionAcknowledgements(Instructions instructions) {
        this.instructions = instructions;
    }

    @Override
    public Uni<Optional<String>> acknowledgedBy(String subjectRef) {
        if (subjectRef == null || !subjectRef.startsWith("instruction:")) {
            return Uni.createFrom().item(Optional.empty());
        }
        UUID id = UUID.fromString(subjectRef.substring("instruction:".length()));
        return instructions.get(id).onFailure(DomainRejection.class).recoverWithNull()
                .map(i -> i == null || i.acks().isEmpty() ? Optional.<String>empty()
                        : Optional.of(i.acks().get(0).personName() + "（确认指令）"));
    }
}
