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
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import org.hospital.continuity.kiosk.platform.persistence.KioskDatabase;

/** The kiosk's UI language: Simplified Chinese by default, English available. */
@Path("/api/settings/language")
@Produces(MediaType.APPLICATION_JSON)
@Blocking
@PermitAll
public class SettingsResource {

    static final String DEFAULT_LANGUAGE = "zh-CN";

    private final KioskDatabase database;

    public SettingsResource(KioskDatabase database) {
        this.database = database;
    }

    public record Language(@NotNull @Pattern(regexp = "zh-CN|en", message = "must be zh-CN or en") String language) {
    }

    @GET
    public Language get() throws SQLException {
        return database.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("select value from kiosk_setting where key = 'language'")) {
                try (ResultSet rs = ps.executeQuery()) {
                    return new Language(rs.next() ? rs.getString(1) : DEFAULT_LANGUAGE);
                }
            }
        });
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    public Language set(@Valid @NotNull Language language) throws SQLException {
        database.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("insert into kiosk_setting(key, value, changed_at) values ('language', ?, ?) "
                    + "on conflict(key) do update set value = excluded.value, changed_at = excluded.changed_at")) {
                ps.setString(1, language.language());
                ps.setString(2, Instant.now().toString());
                return ps.executeUpdate();
            }
        });
        return language;
    }
}
