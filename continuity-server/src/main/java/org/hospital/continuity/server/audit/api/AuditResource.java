package org.hospital.continuity.server.audit.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.hospital.continuity.server.audit.app.AuditConfig;
import org.hospital.continuity.server.audit.app.VerifyingAuditLog;
import org.hospital.continuity.server.audit.persistence.AuditStore;
import org.hospital.continuity.server.platform.api.DomainRejection;
import org.hospital.continuity.server.platform.security.Roles;
import org.hospital.continuity.sync.audit.AuditRecord;

/**
 * The audit log for IT administrators (search, verification) and the hospital's auditors (export), (HR-8). Reading the audit log is itself audited (category AUDIT_READ).
 */
@Path("/api/audit")
@Produces(MediaType.APPLICATION_JSON)
public class AuditResource {

    private final AuditStore store;
    private final VerifyingAuditLog verifying;
    private final AuditConfig config;
    private final SecurityIdentity identity;
    private final ObjectMapper json;

    public AuditResource(AuditStore store, VerifyingAuditLog verifying, AuditConfig config,
                         SecurityIdentity identity, ObjectMapper json) {
        this.store = store;
        this.verifying = verifying;
        this.config = config;
        this.identity = identity;
        this.json = json;
    }

    /** One entry as shown and exported. */
    public record Entry(long seq, UUID id, Instant at, String actor, String actorKind, String action, String category,
                        String outcome, String source, String recordType, String recordId, String detail, String origin,
                        Long originSeq, String prevHash, String hash) {
        static Entry of(AuditStore.Stored s) {
            AuditRecord r = s.record();
            return new Entry(r.seq(), r.id(), r.at(), r.actor(), r.actorKind(), r.action(), r.category(), r.outcome(), r.source(),
                    r.recordType(), r.recordId(), r.detail(), s.origin().name(), s.origin().seq(), r.prevHash(), r.hash());
        }
    }

    public record Page(int page, int size, List<Entry> entries) {
    }

    @GET
    @RolesAllowed(Roles.ADMIN)
    public Uni<Page> search(@QueryParam("from") Instant from, @QueryParam("to") Instant to,
                            @QueryParam("actor") @Size(max = 80) String actor,
                            @QueryParam("category") @Size(max = 40) @Pattern(regexp = "[A-Z_]*") String category,
                            @QueryParam("action") @Size(max = 200) String action,
                            @QueryParam("recordId") @Size(max = 200) String recordId,
                            @QueryParam("origin") @Size(max = 80) String origin,
                            @QueryParam("outcome") @Size(max = 20) String outcome,
                            @QueryParam("page") @DefaultValue("0") @PositiveOrZero @Max(100_000) int page,
                            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(1000) int size) {
        int limit = Math.min(size, config.maxPageSize());
        return store.search(new AuditStore.Query(from, to, actor, category, action, recordId, origin, outcome), page * limit, limit)
                .map(rows -> new Page(page, limit, rows.stream().map(Entry::of).toList()));
    }

    @GET
    @Path("/verification")
    @RolesAllowed(Roles.ADMIN)
    public Uni<VerifyingAuditLog.Report> verify() {
        return verifying.verify();
    }

    /** For the auditors: every entry of a period (both ends required), as CSV or JSON, in chain order. */
    @GET
    @Path("/export")
    @RolesAllowed(Roles.ADMIN)
    @Produces({"text/csv", MediaType.APPLICATION_JSON})
    public Uni<Response> export(@QueryParam("from") @NotNull Instant from, @QueryParam("to") @NotNull Instant to,
                                @QueryParam("format") @DefaultValue("csv") @Pattern(regexp = "csv|json") String format) {
        if (!to.isAfter(from) || Duration.between(from, to).toDays() > 366) {
            return Uni.createFrom().failure(new DomainRejection(422, "export-period", "HR-8",
                    "Give a period of at most one year: 'from' before 'to'."));
        }
        int max = config.maxExport();
        return store.search(new AuditStore.Query(from, to, null, null, null, null, null, null), 0, max + 1).map(rows -> {
            if (rows.size() > max) {
                throw new DomainRejection(422, "export-too-large", "HR-8",
                        "More than " + max + " entries in the period: export a shorter period.");
            }
            List<Entry> entries = new ArrayList<>(rows.stream().map(Entry::of).toList());
            java.util.Collections.reverse(entries);
            String name = "audit-" + from.toString().replace(':', '-') + "-" + to.toString().replace(':', '-');
            if (format.equals("json")) {
                try {
                    return Response.ok(json.writeValueAsString(entries), MediaType.APPLICATION_JSON_TYPE)
                            .header("Content-Disposition", "attachment; filename=\"" + name + ".json\"").build();
                } catch (JsonProcessingException e) {
                    throw new IllegalStateException(e);
                }
            }
            return Response.ok(csv(entries), "text/csv; charset=UTF-8")
                    .header("Content-Disposition", "attachment; filename=\"" + name + ".csv\"").build();
        });
    }

    static String csv(List<Entry> entries) {
        StringBuilder b = new StringBuilder("seq,id,at,actor,actor_kind,action,category,outcome,source,record_type,record_id,detail,origin,origin_seq,prev_hash,hash\r\n");
        for (Entry e : entries) {
            b.append(e.seq()).append(',').append(e.id()).append(',').append(e.at()).append(',').append(cell(e.actor())).append(',')
                    .append(cell(e.actorKind())).append(',').append(cell(e.action())).append(',').append(cell(e.category())).append(',')
                    .append(cell(e.outcome())).append(',').append(cell(e.source())).append(',').append(cell(e.recordType())).append(',')
                    .append(cell(e.recordId())).append(',').append(cell(e.detail())).append(',').append(cell(e.origin())).append(',')
                    .append(e.originSeq() == null ? "" : e.originSeq()).append(',').append(e.prevHash()).append(',').append(e.hash())
                    .append("\r\n");
        }
        return b.toString();
    }

    /** RFC 4180 quoting, and a leading quote against spreadsheet formula injection (=, +, -, @). */
    static String cell(String v) {
        if (v == null) {
            return "";
        }
        String s = !v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0 ? "'" + v : v;
        if (s.contains(",") || s.contains("\"") || s.contains("\n") || s.contains("\r")) {
            return "\"" + s.replace("\"", "\"\"") + "\"";
        }
        return s;
    }
}
