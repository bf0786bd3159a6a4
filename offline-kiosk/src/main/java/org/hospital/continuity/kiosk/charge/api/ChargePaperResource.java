package org.hospital.continuity.kiosk.charge.api;

import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.hospital.continuity.kiosk.charge.app.ChargingPatient;
import org.hospital.continuity.sync.contract.DowntimeRecord;
import org.hospital.continuity.kiosk.enrolment.EnrolledKiosk;
import org.hospital.continuity.kiosk.enrolment.KioskIdentity;
import org.hospital.continuity.kiosk.journal.Journal;
import org.hospital.continuity.kiosk.platform.api.KioskRejection;
import org.hospital.continuity.kiosk.platform.config.KioskConfig;
import org.hospital.continuity.kiosk.platform.i18n.Texts;
import org.hospital.continuity.kiosk.platform.print.PaperPage;
import org.hospital.continuity.kiosk.platform.security.KioskRoles;
import org.hospital.continuity.kiosk.session.Sessions;

/**
 * The cashier's paper: the manual invoice (手工收费票据, EP-6.2.3) with its number from the register, the items, prices
 * and total, and a void mark on the reprint of a voided one (HR-9); the IOU slip (白条, EP-4.4) with its short number
 * and the exchange rule. Both marked as downtime forms with a QR of the record id (HR-11).
 */
@Path("/api")
@Produces(MediaType.TEXT_HTML)
@Blocking
@RolesAllowed(KioskRoles.CASHIER) // HR-1: the cashier's desk only; other roles get 403
public class ChargePaperResource {

    private final ChargingPatient charging;
    private final Journal journal;
    private final EnrolledKiosk enrolled;
    private final Sessions sessions;
    private final Texts texts;
    private final ZoneId zone;

    public ChargePaperResource(ChargingPatient charging, Journal journal, EnrolledKiosk enrolled, Sessions sessions, Texts texts,
                               KioskConfig config) {
        this.charging = charging;
        this.journal = journal;
        this.enrolled = enrolled;
        this.sessions = sessions;
        this.texts = texts;
        this.zone = ZoneId.of(config.timeZone());
    }

    /** The invoice of a charge (A5 by default); for an IOU charge, its IOU slip. */
    @GET
    @Path("/charges/{id}/invoice")
    public String invoice(@CookieParam(Sessions.COOKIE) String token, @PathParam("id") UUID id, @QueryParam("paper") @Size(max = 10) String paper) {
        sessions.require(token);
        ChargingPatient.Charged c = charging.byId(id)
                .orElseThrow(() -> new KioskRejection(404, "not-found", "EP-6.2.3", "error.charge.unknown", List.of()));
        DowntimeRecord.ChargeRecorded d = c.details();
        if (d.invoiceNo() == null) {
            return iouSlip(c, PaperPage.Paper.of(paper, PaperPage.Paper.RECEIPT_80MM));
        }
        String lang = texts.language();
        PaperPage page = PaperPage.of(lang, PaperPage.Paper.of(paper, PaperPage.Paper.A5), texts.text(lang, "print.invoice.title"),
                k -> texts.text(lang, k), zone).record(id, c.kioskSeq(), kioskName(), sessions.nameOf(actor(id)), c.chargedAt());
        Optional<ChargingPatient.RegisterLine> line = charging.register().stream().filter(l -> d.invoiceNo().equals(l.invoiceNo())).findFirst();
        line.filter(l -> "VOIDED".equals(l.status())).ifPresent(l -> page.voided(l.voidReason(), l.voidedAt(), sessions.nameOf(l.voidedBy())));
        page.row("inv.no", d.invoiceNo(), true)
                .row("print.patient", d.patientName())
                .row("print.patient-number", d.patientNumber())
                .row("charge.paymentMethod", d.paymentMethod() == null ? null : texts.text(lang, "pay." + d.paymentMethod()))
                .row("reg.insuranceType", d.insuranceType() == null ? null : texts.text(lang, "ins." + d.insuranceType()));
        lines(page, d.lines());
        page.row("charge.total", PaperPage.yuan(d.totalFen()), true);
        if (d.insuranceDeferred()) {
            page.note(texts.text(lang, "print.invoice.deferred"));
        }
        if (journal.training(id)) {
            page.training(); // HR-21: a drill's invoice says so
        }
        return page.signature("print.cashier").html();
    }

    /** The IOU slip by the slip's own id (80 mm receipt by default). */
    @GET
    @Path("/ious/{id}/slip")
    public String iou(@CookieParam(Sessions.COOKIE) String token, @PathParam("id") UUID id, @QueryParam("paper") @Size(max = 10) String paper) {
        sessions.require(token);
        ChargingPatient.Iou iou = charging.ious(false).stream().filter(i -> i.id().equals(id)).findFirst()
                .orElseThrow(() -> new KioskRejection(404, "not-found", "EP-4.4", "error.iou.unknown", List.of()));
        ChargingPatient.Charged c = charging.byId(iou.chargeId())
                .orElseThrow(() -> new KioskRejection(404, "not-found", "EP-4.4", "error.iou.unknown", List.of()));
        return iouSlip(c, PaperPage.Paper.of(paper, PaperPage.Paper.RECEIPT_80MM));
    }

    private String iouSlip(ChargingPatient.Charged c, PaperPage.Paper paper) {
        DowntimeRecord.ChargeRecorded d = c.details();
        String lang = texts.language();
        PaperPage page = PaperPage.of(lang, paper, texts.text(lang, "print.iou.title"), k -> texts.text(lang, k), zone)
                .record(c.id(), c.kioskSeq(), kioskName(), sessions.nameOf(actor(c.id())), c.chargedAt())
                .row("print.iou.number", d.iouNumber(), true)
                .row("print.patient", d.patientName())
                .row("charge.phone", d.phone())
                .row("reg.insuranceType", d.insuranceType() == null ? null : texts.text(lang, "ins." + d.insuranceType()))
                .row("reg.insuranceCard", mask(d.insuranceCard()));
        lines(page, d.lines());
        page.row("charge.total", PaperPage.yuan(d.totalFen()), true);
        // EP-4.4: how the slip becomes a formal invoice once the insurance link is back
        page.note(texts.text(lang, "print.iou.rule"));
        if (journal.training(c.id())) {
            page.training(); // HR-21: a drill's IOU slip says so
        }
        return page.signature("print.cashier").signature("print.patient-signature").html();
    }

    private void lines(PaperPage page, List<DowntimeRecord.PricedLine> lines) {
        page.table(List.of("charge.name", "print.col.specification", "charge.quantity", "charge.price", "charge.amount"),
                lines.stream().map(l -> List.of(l.name(), l.specification() == null ? "" : l.specification(), l.quantity() + l.unit(),
                        PaperPage.yuan(l.unitPriceFen()), PaperPage.yuan(l.amountFen()))).toList());
    }

    private String kioskName() {
        return enrolled.identity().map(KioskIdentity::kioskName).orElse("");
    }

    private String actor(UUID id) {
        return journal.stream(id).stream().findFirst().map(x -> x.entry().actor()).orElse(null);
    }

    private static String mask(String card) {
        return card == null || card.length() <= 4 ? card : "*".repeat(card.length() - 4) + card.substring(card.length() - 4);
    }
}
