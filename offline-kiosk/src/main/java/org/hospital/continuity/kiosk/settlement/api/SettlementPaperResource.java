package org.hospital.continuity.kiosk.settlement.api;

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
import java.util.UUID;
import org.hospital.continuity.kiosk.charge.InvoiceRegister;
import org.hospital.continuity.kiosk.enrolment.EnrolledKiosk;
import org.hospital.continuity.kiosk.enrolment.KioskIdentity;
import org.hospital.continuity.kiosk.journal.Journal;
import org.hospital.continuity.kiosk.platform.api.KioskRejection;
import org.hospital.continuity.kiosk.platform.config.KioskConfig;
import org.hospital.continuity.kiosk.platform.i18n.Texts;
import org.hospital.continuity.kiosk.platform.print.PaperPage;
import org.hospital.continuity.kiosk.platform.security.KioskRoles;
import org.hospital.continuity.kiosk.session.Sessions;
import org.hospital.continuity.kiosk.settlement.app.SettlingDischarge;
import org.hospital.continuity.sync.contract.DowntimeRecord;

/**
 * The discharge settlement (出院结算单, EP-6.3.3) settled by hand: patient, ward and bed, the charges from the
 * nurse station's list, deposit and balance, the handwritten-invoice number; A5, marked as a downtime form (HR-11).
 */
@Path("/api/discharge-settlements/{id}/paper")
@Produces(MediaType.TEXT_HTML)
@Blocking
@RolesAllowed(KioskRoles.CASHIER) // HR-1: the cashier's desk only; other roles get 403
public class SettlementPaperResource {

    private final SettlingDischarge settling;
    private final InvoiceRegister invoices;
    private final Journal journal;
    private final EnrolledKiosk enrolled;
    private final Sessions sessions;
    private final Texts texts;
    private final ZoneId zone;

    public SettlementPaperResource(SettlingDischarge settling, InvoiceRegister invoices, Journal journal, EnrolledKiosk enrolled,
                                   Sessions sessions, Texts texts, KioskConfig config) {
        this.settling = settling;
        this.invoices = invoices;
        this.journal = journal;
        this.enrolled = enrolled;
        this.sessions = sessions;
        this.texts = texts;
        this.zone = ZoneId.of(config.timeZone());
    }

    @GET
    public String paper(@CookieParam(Sessions.COOKIE) String token, @PathParam("id") UUID id, @QueryParam("paper") @Size(max = 10) String paper) {
        sessions.require(token);
        SettlingDischarge.Settled s = settling.byId(id)
                .orElseThrow(() -> new KioskRejection(404, "not-found", "EP-6.3.3", "error.settlement.unknown", List.of()));
        DowntimeRecord.DischargeSettled d = s.details();
        String lang = texts.language();
        String actor = journal.stream(id).stream().findFirst().map(x -> x.entry().actor()).orElse(null);
        PaperPage page = PaperPage.of(lang, PaperPage.Paper.of(paper, PaperPage.Paper.A5), texts.text(lang, "print.settlement.title"),
                k -> texts.text(lang, k), zone)
                .record(id, s.kioskSeq(), enrolled.identity().map(KioskIdentity::kioskName).orElse(""), sessions.nameOf(actor), s.settledAt());
        invoices.voided(d.invoiceNo()).ifPresent(v -> page.voided(v.reason(), v.at(), sessions.nameOf(v.by())));
        page.row("inv.no", d.invoiceNo(), true)
                .row("print.patient", d.patientName())
                .row("report.col.inpatientNumber", d.inpatientNumber())
                .row("report.col.ward", d.ward())
                .row("report.col.bed", d.bed())
                .table(List.of("charge.name", "print.col.specification", "charge.quantity", "charge.price", "charge.amount"),
                        d.lines().stream().map(l -> List.of(l.name(), l.specification() == null ? "" : l.specification(),
                                l.quantity() + l.unit(), PaperPage.yuan(l.unitPriceFen()), PaperPage.yuan(l.amountFen()))).toList())
                .row("charge.total", PaperPage.yuan(d.totalFen()), true)
                .row("settle.deposit", PaperPage.yuan(d.depositFen()))
                .row(d.balanceFen() >= 0 ? "settle.balance.due" : "settle.balance.refund", PaperPage.yuan(Math.abs(d.balanceFen())), true)
                .note(texts.text(lang, "print.settlement.note"));
        if (journal.training(id)) {
            page.training(); // HR-21: a drill's slip says so
        }
        return page.signature("print.cashier").signature("print.patient-signature").html();
    }
}
