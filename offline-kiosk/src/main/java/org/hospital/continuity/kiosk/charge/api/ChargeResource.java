package org.hospital.continuity.kiosk.charge.api;

import jakarta.annotation.security.RolesAllowed;
import org.hospital.continuity.kiosk.platform.security.KioskRoles;

import io.smallrye.common.annotation.Blocking;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.hospital.continuity.kiosk.charge.app.ChargingPatient;
import org.hospital.continuity.kiosk.charge.domain.ChargeForm;
import org.hospital.continuity.kiosk.charge.Pricing;
import org.hospital.continuity.kiosk.session.Sessions;

/** EP-6.2.2/6.2.3, EP-4.4: charges, the manual invoice register, IOU slips. */
@Path("/api")
@Produces(MediaType.APPLICATION_JSON)
@Blocking
@RolesAllowed(KioskRoles.CASHIER) // HR-1: the cashier's desk only; other roles get 403
public class ChargeResource {

    /** HR-5: how many IOUs a listing that includes settled ones shows (the newest). */
    static final int SETTLED_IOUS_SHOWN = 20;

    private final ChargingPatient charging;
    private final Sessions sessions;

    public ChargeResource(ChargingPatient charging, Sessions sessions) {
        this.charging = charging;
        this.sessions = sessions;
    }

    /** The charge as typed; the insurance (IOU: insured with a card only, EP-4.4) defaults to the registration's or the snapshot's. */
    public record Request(String registrationId, String knownPatientId, String patientName, List<Pricing.Line> lines,
                          String settlement, String paymentMethod, boolean insuranceDeferred, String phone, String insuranceType,
                          String insuranceCard) {
        ChargeForm form() {
            return new ChargeForm(registrationId, knownPatientId, patientName, lines, settlement, paymentMethod, insuranceDeferred, phone,
                    insuranceType, insuranceCard);
        }
    }

    /** HR-9: a void with its reason and the second person (a cashier lead) who approves it with their password. */
    /** HR-9: a blank invoice spoiled with the reason, approved by a cashier lead with their password (the second person). */
    public record SpoilRequest(@Size(max = 1000) String reason, @Size(max = 100) String approverAccountId,
                               @Size(max = 200) String approverPassword) {
        @Override
        public String toString() {
            return "SpoilRequest[reason, approver " + approverAccountId + ", password hidden]";
        }
    }

    public record VoidRequest(@Size(max = 1000) String reason, @Size(max = 100) String approverAccountId, @Size(max = 200) String approverPassword) {
        @Override
        public String toString() {
            return "VoidRequest[reason, approver " + approverAccountId + ", password hidden]";
        }
    }

    public record Exchange(@Size(max = 100) String formalInvoiceNo) {
    }

    @POST
    @Path("/charges")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response charge(@CookieParam(Sessions.COOKIE) String token, @Valid @NotNull Request request) {
        var staff = sessions.require(token);
        ChargingPatient.Charged c = charging.charge(request.form(), staff);
        return Response.created(URI.create("/api/charges/" + c.id())).entity(c).build();
    }

    @GET
    @Path("/charges")
    public List<ChargingPatient.Charged> charges(@CookieParam(Sessions.COOKIE) String token,
                                                 @QueryParam("limit") @DefaultValue("20") @Min(1) @Max(20) int limit) {
        sessions.require(token);
        return charging.recent(limit);
    }

    @GET
    @Path("/invoices")
    public List<ChargingPatient.RegisterLine> register(@CookieParam(Sessions.COOKIE) String token) {
        sessions.require(token);
        return charging.register();
    }

    @POST
    @Path("/invoices/{invoiceNo}/void")
    @Consumes(MediaType.APPLICATION_JSON)
    public ChargingPatient.RegisterLine voidInvoice(@CookieParam(Sessions.COOKIE) String token,
                                                    @PathParam("invoiceNo") @Size(max = 40) String invoiceNo, @Valid @NotNull VoidRequest request) {
        return charging.voidInvoice(invoiceNo, request.reason(), request.approverAccountId(), request.approverPassword(),
                sessions.require(token));
    }

    @POST
    @Path("/invoices/spoiled")
    @Consumes(MediaType.APPLICATION_JSON)
    public ChargingPatient.RegisterLine spoil(@CookieParam(Sessions.COOKIE) String token, @Valid @NotNull SpoilRequest request) {
        return charging.spoilNextInvoice(request.reason(), request.approverAccountId(), request.approverPassword(),
                sessions.require(token));
    }

    @GET
    @Path("/ious")
    public List<ChargingPatient.Iou> ious(@CookieParam(Sessions.COOKIE) String token,
                                          @QueryParam("open") @DefaultValue("true") boolean openOnly) {
        sessions.require(token);
        // HR-5: the open IOUs are the desk's working list (each must be exchanged, EP-4.4); settled ones only the newest few
        List<ChargingPatient.Iou> all = charging.ious(openOnly);
        return openOnly ? all : all.subList(Math.max(0, all.size() - SETTLED_IOUS_SHOWN), all.size());
    }

    @POST
    @Path("/ious/{id}/exchange")
    @Consumes(MediaType.APPLICATION_JSON)
    public ChargingPatient.Iou exchange(@CookieParam(Sessions.COOKIE) String token, @PathParam("id") UUID id,
                                        @Valid @NotNull Exchange exchange) {
        return charging.exchangeIou(id, exchange.formalInvoiceNo(), sessions.require(token));
    }
}
