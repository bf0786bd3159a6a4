package org.hospital.continuity.server.drill;

import java.time.Instant;
import java.util.UUID;

/** What kiosks and boards show: the drill running now, if any, with its banner in both languages (EP-9.4). */
public record CurrentDrill(boolean drill, UUID id, String titleZh, String titleEn, Instant since, int factor, String bannerZh,
                           String bannerEn) {

    public static final CurrentDrill NONE = new CurrentDrill(false, null, null, null, null, 1, null, null);
}
