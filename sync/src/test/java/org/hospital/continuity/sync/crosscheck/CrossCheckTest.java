package org.hospital.continuity.sync.crosscheck;

import org.hospital.continuity.sync.his.CodeMapping;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class CrossCheckTest {

    @Test
    @DisplayName("Issue 9: a charge whose catalogue price differs from the HIS's current price is flagged with the difference, not repriced")
    void priceDifferenceIsFlagged() {
        PriceCheck.Finding f = PriceCheck.compare("LAB-CBC", 2500, 2, Optional.of(2800L));

        assertThat(f).isEqualTo(new PriceCheck.Differs("LAB-CBC", 2500, 2800, 300, 2));
        assertThat(((PriceCheck.Differs) f).lineDifferenceFen()).isEqualTo(600);
        assertThat(PriceCheck.compare("LAB-CBC", 2800, 1, Optional.of(2800L))).isInstanceOf(PriceCheck.Same.class);
        assertThat(PriceCheck.compare("X", 100, 1, Optional.empty())).isInstanceOf(PriceCheck.NoHisPrice.class);
    }

    static DispenseCrossCheck.Line line(String drug, int qty) {
        return new DispenseCrossCheck.Line(drug, qty);
    }

    @Test
    @DisplayName("EP-6.7.5 every dispense is checked against its order; drug, quantity, patient and missing orders become trace items")
    void dispenseMismatchesBecomeTraceItems() {
        List<DispenseCrossCheck.Order> orders = List.of(
                new DispenseCrossCheck.Order("rx-1", "p-1", List.of(line("AMOX", 2))),
                new DispenseCrossCheck.Order("rx-2", "p-2", List.of(line("IBU", 1))),
                new DispenseCrossCheck.Order("rq-3", "ward-5", List.of(line("NS500", 10))));
        List<DispenseCrossCheck.Dispense> dispenses = List.of(
                new DispenseCrossCheck.Dispense("d-1", "rx-1", "p-1", List.of(line("AMOX", 2))),
                new DispenseCrossCheck.Dispense("d-2", "rx-2", "p-9", List.of(line("IBU", 3))),
                new DispenseCrossCheck.Dispense("d-3", "rq-3", "ward-5", List.of(line("GS500", 10))),
                new DispenseCrossCheck.Dispense("d-4", null, "p-4", List.of(line("AMOX", 1))));

        List<DispenseCrossCheck.TraceItem> items = DispenseCrossCheck.check(dispenses, orders, Set.of()).traces();

        assertThat(items).extracting(DispenseCrossCheck.TraceItem::dispenseId, DispenseCrossCheck.TraceItem::mismatch)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("d-2", DispenseCrossCheck.Mismatch.PATIENT),
                        org.assertj.core.groups.Tuple.tuple("d-2", DispenseCrossCheck.Mismatch.QUANTITY),
                        org.assertj.core.groups.Tuple.tuple("d-3", DispenseCrossCheck.Mismatch.DRUG),
                        org.assertj.core.groups.Tuple.tuple("d-4", DispenseCrossCheck.Mismatch.NO_ORDER));
    }

    @Test
    @DisplayName("EP-6.7.5 lines pair by drug, not position: another line order, a partial and a split dispense raise nothing")
    void linesPairByDrugAndQuantity() {
        DispenseCrossCheck.Order rq = new DispenseCrossCheck.Order("rq-1", "P1",
                List.of(line("AMOX", 2), line("NS", 4), line("IBU", 1)));
        List<DispenseCrossCheck.Dispense> dispenses = List.of(
                // another order of lines, and NS only in part
                new DispenseCrossCheck.Dispense("d-1", "rq-1", "P1", List.of(line("NS", 3), line("IBU", 1), line("AMOX", 1))),
                // the rest of the amoxicillin later (split), still one NS short (partial)
                new DispenseCrossCheck.Dispense("d-2", "rq-1", "P1", List.of(line("AMOX", 1))));

        DispenseCrossCheck.Result r = DispenseCrossCheck.check(dispenses, List.of(rq), Set.of());

        assertThat(r.traces()).isEmpty();
        assertThat(r.outstanding()).containsExactly(new DispenseCrossCheck.Outstanding("rq-1", "NS", 4, 3));
    }

    @Test
    @DisplayName("EP-6.7.5 split dispenses that together exceed the order: the one that goes over is traced, with the totals")
    void overDispensingAcrossSplitDispensesIsTraced() {
        DispenseCrossCheck.Order rx = new DispenseCrossCheck.Order("rx-1", "P1", List.of(line("AMOX", 2)));
        List<DispenseCrossCheck.Dispense> dispenses = List.of(
                new DispenseCrossCheck.Dispense("d-1", "rx-1", "P1", List.of(line("AMOX", 2))),
                new DispenseCrossCheck.Dispense("d-2", "rx-1", "P1", List.of(line("AMOX", 1))));

        List<DispenseCrossCheck.TraceItem> traces = DispenseCrossCheck.check(dispenses, List.of(rx), Set.of("rx-1")).traces();

        assertThat(traces).extracting(DispenseCrossCheck.TraceItem::key).containsExactly(
                "d-1:ORDER_VOIDED", "d-2:ORDER_VOIDED", "d-2:QUANTITY:AMOX");
        assertThat(traces.get(2).expected()).isEqualTo("2");
        assertThat(traces.get(2).found()).isEqualTo("3");
    }

    @Test
    @DisplayName("EP-4.4 open IOU slips and deferred insurance settlements make the cashiers' to-do list, oldest first")
    void iousAndDeferredSettlementsBecomeTodos() {
        Instant t0 = Instant.parse("2026-11-21T01:00:00Z");
        List<CashierTodo.Todo> todo = CashierTodo.list(
                List.of(new CashierTodo.Iou("iou-1", "c-1", "王芳", "139", 5000, t0.plusSeconds(60)),
                        new CashierTodo.Iou("iou-2", "c-2", "李娜", "138", 7000, t0)),
                Set.of("iou-2"),
                List.of(new CashierTodo.DeferredSettlement("c-3", "赵磊", "137", 12000, t0)),
                Set.of());

        assertThat(todo).extracting(CashierTodo.Todo::ref).containsExactly("c-3", "iou-1");
        assertThat(todo.get(0).kind()).isEqualTo(CashierTodo.Kind.SETTLE_INSURANCE);
    }

    @Test
    @DisplayName("Issue 9: an unmapped code is reported, never guessed")
    void unmappedCodesAreReported() {
        CodeMapping m = new CodeMapping(Map.of(CodeMapping.Kind.DRUG, Map.of("K-AMOX", "H-0042")));

        assertThat(m.his(CodeMapping.Kind.DRUG, "K-AMOX")).contains("H-0042");
        assertThat(m.missing(CodeMapping.Kind.DRUG, List.of("K-AMOX", "K-NEW")))
                .containsExactly(new CodeMapping.Unmapped(CodeMapping.Kind.DRUG, "K-NEW"));
        assertThat(m.his(CodeMapping.Kind.ITEM, "LAB-CBC")).contains("LAB-CBC");
    }
}
