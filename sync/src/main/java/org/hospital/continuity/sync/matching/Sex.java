package org.hospital.continuity.sync.matching;

/** Administrative sex as the registration form records it. */
public enum Sex {
    MALE, FEMALE, UNKNOWN;

    /** Reads the kiosk's and FHIR's spellings: M/F, 男/女, male/female. */
    public static Sex parse(String raw) {
        if (raw == null) {
            return UNKNOWN;
        }
        switch (raw.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "m":
            case "male":
            case "男":
                return MALE;
            case "f":
            case "female":
            case "女":
                return FEMALE;
            default:
                return UNKNOWN;
        }
    }
}
