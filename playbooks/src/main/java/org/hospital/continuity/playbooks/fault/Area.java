package org.hospital.continuity.playbooks.fault;

import java.util.Objects;
import java.util.Optional;
import org.hospital.continuity.playbooks.text.Bilingual;

/**
 * A place in the hospital that can lose the network on its own (EP-4.1 局部网络不通, 光纤损坏): a building, a
 * floor of a building, or an area (ward, zone) on a floor. Written as a path {@code building[/floor[/area]]},
 * e.g. {@code B}, {@code B/3}, {@code B/3/5A}. {@link #HOSPITAL} (the empty path) is the whole hospital: the
 * reach of an EP-5 whole-network failure.
 *
 * <p>An area {@linkplain #covers covers} itself and every area below it: a building covers its floors.
 *
 * @param building the building's name or code; null only for {@link #HOSPITAL}
 * @param floor    the floor, or null for the whole building
 * @param zone     the area on the floor (ward, zone), or null for the whole floor
 */
public record Area(String building, String floor, String zone) {

    /** The whole hospital: what an EP-5 whole-network failure reaches. */
    public static final Area HOSPITAL = new Area(null, null, null);

    /** The longest part a path may have (a name, not a sentence). */
    public static final int MAX_PART = 60;

    public Area {
        building = blankToNull(building);
        floor = blankToNull(floor);
        zone = blankToNull(zone);
        if (building == null && (floor != null || zone != null)) {
            throw new IllegalArgumentException("an area names its building first");
        }
        if (floor == null && zone != null) {
            throw new IllegalArgumentException("an area on a floor names its floor");
        }
        for (String part : new String[] {building, floor, zone}) {
            if (part != null && (part.length() > MAX_PART || part.contains("/"))) {
                throw new IllegalArgumentException("an area's part is a name of at most " + MAX_PART + " characters without '/'");
            }
        }
    }

    /** A whole building. */
    public static Area building(String building) {
        return new Area(Objects.requireNonNull(building, "building"), null, null);
    }

    /**
     * Reads {@code building[/floor[/area]]}; empty for a blank or malformed path (more than three parts, an
     * empty part, a part longer than {@link #MAX_PART}).
     */
    public static Optional<Area> parse(String path) {
        if (path == null || path.isBlank()) {
            return Optional.empty();
        }
        String[] parts = path.trim().split("/", -1);
        if (parts.length > 3) {
            return Optional.empty();
        }
        for (String p : parts) {
            if (p.isBlank() || p.trim().length() > MAX_PART) {
                return Optional.empty();
            }
        }
        return Optional.of(new Area(parts[0].trim(), parts.length > 1 ? parts[1].trim() : null, parts.length > 2 ? parts[2].trim() : null));
    }

    /** The area where a place is, from what is known of it: building, then floor, then zone (missing parts end the path). */
    public static Area of(String building, String floor, String zone) {
        if (blankToNull(building) == null) {
            return HOSPITAL;
        }
        if (blankToNull(floor) == null) {
            return building(building);
        }
        return new Area(building, floor, zone);
    }

    /** True for {@link #HOSPITAL}. */
    public boolean isHospital() {
        return building == null;
    }

    /** {@code B/3/5A}; empty for the whole hospital. */
    public String path() {
        if (building == null) {
            return "";
        }
        if (floor == null) {
            return building;
        }
        return zone == null ? building + "/" + floor : building + "/" + floor + "/" + zone;
    }

    /** True when {@code other} is this area or lies within it. */
    public boolean covers(Area other) {
        return (building == null || building.equals(other.building))
                && (floor == null || floor.equals(other.floor))
                && (zone == null || zone.equals(other.zone));
    }

    /** The area above this one (a floor's building); the hospital has none. */
    public Optional<Area> parent() {
        if (zone != null) {
            return Optional.of(new Area(building, floor, null));
        }
        if (floor != null) {
            return Optional.of(building(building));
        }
        return building != null ? Optional.of(HOSPITAL) : Optional.empty();
    }

    /** {@code B楼 3层 5A} / {@code building B, floor 3, 5A}; {@code 全院} / {@code whole hospital}. */
    public Bilingual name() {
        if (isHospital()) {
            return Bilingual.of("全院", "whole hospital");
        }
        String b = building.chars().allMatch(c -> c < 128) ? building + "楼" : building;
        StringBuilder zh = new StringBuilder(b);
        StringBuilder en = new StringBuilder("building ").append(building);
        if (floor != null) {
            zh.append(' ').append(floor).append('层');
            en.append(", floor ").append(floor);
        }
        if (zone != null) {
            zh.append(' ').append(zone);
            en.append(", ").append(zone);
        }
        return Bilingual.of(zh.toString(), en.toString());
    }

    @Override
    public String toString() {
        return isHospital() ? "(hospital)" : path();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
