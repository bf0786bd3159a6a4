package org.hospital.continuity.kiosk.platform.config;

import io.quarkus.runtime.annotations.StaticInitSafe;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Application settings of an offline kiosk ({@code continuity.*}; env {@code CONTINUITY_*}). */
@StaticInitSafe
@ConfigMapping(prefix = "continuity")
public interface KioskConfig {

    /** Folder holding the kiosk's SQLite journal ({@code kiosk.db}) and its other files. */
    @WithDefault("data/kiosk")
    String dataDir();

    /** Base URL of the continuity server. The kiosk works without it; it syncs when it is reachable. */
    @WithDefault("http://localhost:8080")
    String serverUrl();

    /** How long one reachability check of the server may take, in milliseconds. */
    @WithDefault("2000")
    int serverTimeoutMillis();

    /** Readiness fails when the data folder's disk has less free space than this, in MiB. */
    @WithDefault("200")
    long minFreeDiskMib();

    /** The hospital's time zone: every time on a screen or on paper is shown in it (never the machine's zone or UTC). */
    @WithDefault("Asia/Shanghai")
    String timeZone();

    /** Number pools handed out by the server. */
    Pool pool();

    /** Reference snapshots (price catalogue, drug dictionary, departments, doctors, census). */
    Reference reference();

    /** Staff sessions on this kiosk (HR-2, HR-3). */
    Session session();

    /** The data key's wrapping (docs/security.md "Key handling", HR-12). */
    Key key();

    /** The kiosk's audit chain anchor (HR-8, HR-9). */
    Audit audit();

    interface Audit {
        /** How often the head of the kiosk's audit chain is signed into the checkpoint file ({@code off} in tests). */
        @WithDefault("5m")
        String checkpointEvery();

        /** Folder of the checkpoint file; default {@code <data-dir>/audit}. */
        java.util.Optional<String> anchorDir();
    }

    interface Key {
        /**
         * How long after a person's sign-in at this kiosk their password still opens the kiosk's data key when the
         * kiosk restarts while the server is unreachable (renewed at each sign-in).
         */
        @WithDefault("PT72H")
        java.time.Duration offlinePeriod();

        /** PBKDF2-HMAC-SHA256 iterations of a person's wrap of the data key. */
        @WithDefault("120000")
        int personIterations();

        /** How long a locked kiosk waits before asking the server for its key again. */
        @WithDefault("PT15S")
        java.time.Duration serverRetry();

        /** How often, while the server answers, the kiosk checks and renews the server wrap ({@code off} in tests). */
        @WithDefault("1m")
        String refreshInterval();
    }

    /** The ward's downtime reports (census, MAR of the next 24 hours, active orders, allergies) printed while the HIS is up. */
    WardReport wardReport();

    interface WardReport {
        /**
         * How often, while the HIS is up (not in downtime), the kiosk prints its wards' downtime reports from the latest
         * snapshot: the paper copy in the drawer for the moment the HIS and the network die together.
         */
        @WithDefault("PT4H")
        java.time.Duration printInterval();

        /** How often the kiosk looks whether a print is due ({@code off} disables the schedule; tests print on request). */
        @WithDefault("1m")
        String checkEvery();

        /** Print automatically at all (a kiosk without a ward's census prints nothing anyway). */
        @WithDefault("true")
        boolean autoPrint();

        /**
         * The command the PDF is handed to, the file's path as its last argument (for example {@code lp -d ward-printer});
         * empty: the PDF is only kept in the {@code prints} folder of the data folder.
         */
        java.util.Optional<String> printerCommand();

        /** A font with Chinese glyphs, embedded in the PDF (.ttf/.otf, or the first face of a .ttc). */
        @WithDefault("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc")
        String pdfFont();
    }

    interface Pool {
        /** The banner warns when a pool has this many numbers or fewer left. */
        @WithDefault("20")
        long warnAtOrBelow();
    }

    interface Reference {
        /** A snapshot older than this is stale: warning on screen and in the readiness data. */
        @WithDefault("PT24H")
        java.time.Duration staleAfter();

        /**
         * How often, while the server answers, the kiosk pulls a fresh snapshot and refills low
         * number pools ({@code off} disables it; tests call it on request).
         */
        @WithDefault("15m")
        String refreshInterval();
    }

    interface Session {
        /** A session ends after this long without a request (logout on leave, HR-2). */
        @WithDefault("PT15M")
        java.time.Duration idleTimeout();

        /** A session ends after this long whatever happens. */
        @WithDefault("PT12H")
        java.time.Duration maxAge();

        /** Failed logins in a row before an account is locked on this kiosk. */
        @WithDefault("5")
        int maxFailures();

        /** How long a locked account stays locked. */
        @WithDefault("PT5M")
        java.time.Duration lockout();
    }

    /** Announced instructions of the server (EP-6.1). */
    Instructions instructions();

    /** EP-3: fault reports filed here are sent, and the state of open ones asked, every {@code interval} while the server answers. */
    Faults faults();

    interface Faults {
        @WithDefault("30s")
        String interval();
    }

    interface Instructions {
        /**
         * How often, while the server answers, the kiosk pulls its department's announced
         * instructions ({@code off} disables it; tests call it on request).
         */
        @WithDefault("30s")
        String interval();
    }

    /** Limits of the kiosk's local JSON API. */
    Api api();

    interface Api {
        /** Largest request body accepted, in bytes; a larger one gets a 413 problem+json. */
        @WithDefault("262144")
        long maxBodyBytes();
    }
}
