package org.hospital.continuity.kiosk.journal.api;

import io.quarkus.logging.Log;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.sql.SQLException;
import java.util.UUID;
import org.hospital.continuity.kiosk.journal.app.Journal;
import org.hospital.continuity.kiosk.platform.i18n.Texts;
import org.hospital.continuity.sync.wire.Problem;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/**
 * A capture that could not be written to the local journal, as problem+json the cashier can act
 * on: the disk is full (507, "use paper, call IT", EP-5.2) or the journal is otherwise unwritable
 * (503). The transaction was rolled back, so nothing half-written stays and every record confirmed
 * before is untouched; once space returns the next capture goes through.
 */
@Singleton
public class JournalProblems {

    @Inject
    Texts texts;

    @ServerExceptionMapper
    public Response unavailable(Journal.JournalUnavailableException e, UriInfo uri) {
        String trace = UUID.randomUUID().toString();
        boolean full = diskFull(e);
        Log.errorf("journal write failed trace=%s diskFull=%s sqlite=%s", trace, full, sqliteCode(e));
        String language = texts.language();
        Problem p = full
                ? Problem.of(507, "kiosk-storage-full", "Insufficient Storage", texts.text(language, "error.storage-full")).withRule("EP-5.2")
                : Problem.of(503, "journal-unavailable", "Service Unavailable", texts.text(language, "error.journal-unavailable"));
        String path = uri == null ? null : (uri.getPath().startsWith("/") ? uri.getPath() : "/" + uri.getPath());
        Response.ResponseBuilder b = Response.status(p.status()).type(Problem.MEDIA_TYPE).entity(p.at(path, trace));
        return full ? b.build() : b.header("Retry-After", "5").build();
    }

    /** SQLITE_FULL anywhere in the cause chain ("database or disk is full"). */
    static boolean diskFull(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLiteException s && s.getResultCode() == SQLiteErrorCode.SQLITE_FULL) {
                return true;
            }
            if (t instanceof SQLException s && (s.getErrorCode() == SQLiteErrorCode.SQLITE_FULL.code
                    || s.getMessage() != null && s.getMessage().contains("SQLITE_FULL"))) {
                return true;
            }
        }
        return false;
    }

    private static String sqliteCode(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLiteException s) {
                return s.getResultCode().name();
            }
        }
        return "?";
    }
}
