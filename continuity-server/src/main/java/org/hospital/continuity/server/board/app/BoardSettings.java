package org.hospital.continuity.server.board.app;

import io.quarkus.runtime.annotations.StaticInitSafe;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Settings of the incident board ({@code continuity.board.*}). */
@StaticInitSafe
@ConfigMapping(prefix = "continuity.board")
public interface BoardSettings {

    /** How often the incident lead reports Conditions / Actions / Needs while an incident is open. */
    @WithDefault("1h")
    Duration statusReportEvery();

    /** Who is reminded when a status report is due (a playbooks Party code). */
    @WithDefault("IT_ON_DUTY")
    String statusReportOwner();

    /** Who is reminded of the EP-8.6 fault report (a playbooks Party code). */
    @WithDefault("IT_DEPARTMENT")
    String faultReportOwner();

    /** How often reminders are checked; {@code off} disables the schedule (tests). */
    @WithDefault("1m")
    String remindEvery();

    /**
     * How often the board checks whether the kiosks' backlog or back-entry progress changed (and then refreshes
     * every open board); {@code off} disables the schedule (tests trigger it by hand).
     */
    @WithDefault("3s")
    String figuresEvery();

    /**
     * A font with Chinese glyphs embedded (as a subset) in the PDF of the fault report: a TrueType/OpenType file or
     * a collection (.ttc, the first face is used). Debian: {@code apt-get install fonts-wqy-microhei}.
     */
    @WithDefault("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc")
    String pdfFont();
}
