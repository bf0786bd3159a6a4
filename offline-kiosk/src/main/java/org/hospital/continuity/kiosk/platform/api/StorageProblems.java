package org.hospital.continuity.kiosk.platform.api;

import io.quarkus.logging.Log;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.UUID;
import org.hospital.continuity.kiosk.platform.i18n.Texts;
import org.hospital.continuity.kiosk.platform.persistence.KioskStorageException;
import org.hospital.continuity.sync.wire.Problem;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * A capture (or any write) that could not be written to the local file, as problem+json the cashier can act
 * on: the disk is full (507, "use paper, call IT", EP-5.2) or the file is otherwise unwritable (503). The
 * transaction was rolled back, so nothing half-written stays and every record confirmed before is
 * untouched; once space returns the next capture goes through.
 */
@Singleton
public class StorageProblems {

    @Inject
    Texts texts;

    @ServerExceptionMapper
    public Response unavailable(KioskStorageException e, UriInfo uri) {
        String trace = UUID.randomUUID().toString();
        boolean full = e.diskFull();
        Log.errorf("journal write failed trace=%s diskFull=%s sqlite=%s", trace, full, e.resultCodeName());
        String language = texts.language();
        Problem p = full
                ? Problem.of(507, "kiosk-storage-full", "Insufficient Storage", texts.text(language, "error.storage-full")).withRule("EP-5.2")
                : Problem.of(503, "journal-unavailable", "Service Unavailable", texts.text(language, "error.journal-unavailable"));
        String path = uri == null ? null : (uri.getPath().startsWith("/") ? uri.getPath() : "/" + uri.getPath());
        Response.ResponseBuilder b = Response.status(p.status()).type(Problem.MEDIA_TYPE).entity(p.at(path, trace));
        return full ? b.build() : b.header("Retry-After", "5").build();
    }
}
