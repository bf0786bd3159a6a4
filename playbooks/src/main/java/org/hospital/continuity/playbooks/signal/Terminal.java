package org.hospital.continuity.playbooks.signal;

import java.util.Objects;
import java.util.Optional;
import org.hospital.continuity.playbooks.fault.Area;
import org.hospital.continuity.playbooks.party.Department;

/**
 * Where a fault report comes from (EP-3.1 "where").
 *
 * @param id         the terminal's id (asset tag or host name)
 * @param department the business area it serves
 * @param ward       ward, room or zone, may be null
 * @param building   building, may be null
 * @param subnet     network subnet, may be null
 * @param floor      floor of the building, may be null
 */
public record Terminal(String id, Department department, String ward, String building, String subnet, String floor) {

    public Terminal {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(department, "department");
        ward = blankToNull(ward);
        building = blankToNull(building);
        subnet = blankToNull(subnet);
        floor = blankToNull(floor);
    }

    /** A terminal whose floor is not known. */
    public Terminal(String id, Department department, String ward, String building, String subnet) {
        this(id, department, ward, building, subnet, null);
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

    /** The floor, if known. */
    public Optional<String> floorName() {
        return Optional.ofNullable(floor);
    }

    /**
     * Where the terminal stands as an {@link Area}: building, floor and ward as far as they are known
     * ({@link Area#HOSPITAL} when not even the building is).
     */
    public Area area() {
        return Area.of(part(building), part(floor), part(ward));
    }

    /** A name usable as a part of an area path ('/' separates parts). */
    private static String part(String name) {
        if (name == null) {
            return null;
        }
        String p = name.replace('/', '-');
        return p.length() > Area.MAX_PART ? p.substring(0, Area.MAX_PART) : p;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
