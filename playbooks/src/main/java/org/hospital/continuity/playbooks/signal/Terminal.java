package org.hospital.continuity.playbooks.signal;

import java.util.Objects;
import java.util.Optional;
import org.hospital.continuity.playbooks.party.Department;

/**
 * Where a fault report comes from (EP-3.1 "where").
 *
 * @param id         the terminal's id (asset tag or host name)
 * @param department the business area it serves
 * @param ward       ward or room, may be null
 * @param building   building, may be null
 * @param subnet     network subnet, may be null
 */
public record Terminal(String id, Department department, String ward, String building, String subnet) {

    public Terminal {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(department, "department");
    }

    /** The ward, if known. */
    public Optional<String> wardName() {
        return Optional.ofNullable(ward);
    }

    /** The building, if known. */
    public Optional<String> buildingName() {
        return Optional.ofNullable(building);
    }

    /** The subnet, if known. */
    public Optional<String> subnetName() {
        return Optional.ofNullable(subnet);
    }
}
