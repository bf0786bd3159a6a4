package org.hospital.continuity.kiosk.settings.api;

import jakarta.annotation.security.PermitAll;

import io.smallrye.common.annotation.Blocking;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import org.hospital.continuity.kiosk.platform.i18n.Texts;
import org.hospital.continuity.kiosk.platform.persistence.KioskSettings;

/** The kiosk's UI language: Simplified Chinese by default, English available. */
@Path("/api/settings/language")
@Produces(MediaType.APPLICATION_JSON)
@Blocking
@PermitAll
public class SettingsResource {

    private final KioskSettings settings;

    public SettingsResource(KioskSettings settings) {
        this.settings = settings;
    }

    public record Language(@NotNull @Pattern(regexp = "zh-CN|en", message = "must be zh-CN or en") String language) {
    }

    @GET
    public Language get() {
        return new Language(settings.get(Texts.LANGUAGE_SETTING).orElse(Texts.DEFAULT_LANGUAGE));
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    public Language set(@Valid @NotNull Language language) {
        settings.put(Texts.LANGUAGE_SETTING, language.language(), Instant.now());
        return language;
    }
}
