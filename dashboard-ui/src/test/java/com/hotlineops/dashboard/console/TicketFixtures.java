package com.hotlineops.dashboard.console;

import com.hotlineops.contract.category.Category;
import com.hotlineops.contract.sla.SlaState;
import com.hotlineops.contract.ticket.Channel;
import com.hotlineops.contract.ticket.TicketEventView;
import com.hotlineops.contract.ticket.TicketGrade;
import com.hotlineops.contract.ticket.TicketListItem;
import com.hotlineops.contract.ticket.TicketOverlays;
import com.hotlineops.contract.ticket.TicketStatus;
import com.hotlineops.contract.ticket.TicketView;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Tickets as the backend would answer them, for the view tests. */
public final class TicketFixtures {

    public static final Instant CREATED = Instant.parse("2026-11-26T01:30:00Z");
    public static final UUID CHENGGUAN = UUID.fromString("00000000-0000-0000-0000-0000000000c1");

    private TicketFixtures() {
    }

    public static TicketView ticket(UUID id, String number, TicketStatus status) {
        return ticket(id, number, status, TicketOverlays.NONE);
    }

    public static TicketView ticket(UUID id, String number, TicketStatus status, TicketOverlays overlays) {
        boolean dispatched = status != TicketStatus.RECEIVED && status != TicketStatus.PENDING_DISPATCH;
        return new TicketView(id, number, Channel.HOTLINE, status, TicketGrade.STANDARD, "小区停水两天",
                "小区已经停水两天了，请尽快处理。", "0104", "城关街道幸福小区", "139****5678",
                dispatched ? CHENGGUAN : null, null, null, CREATED, dispatched ? CREATED.plusSeconds(600) : null,
                dispatched ? CREATED.plusSeconds(600 + 7200) : null,
                dispatched ? CREATED.plusSeconds(600 + 3 * 86400) : null, 3, overlays, null);
    }

    public static TicketListItem item(TicketView ticket) {
        return new TicketListItem(ticket, ticket.unitId() == null ? null : "城关街道",
                ticket.unitId() == null ? null : SlaState.ON_TRACK, ticket.finishDue());
    }

    public static TicketEventView event(long version, String type, TicketStatus from, TicketStatus to, String reason) {
        return new TicketEventView(version, type, "agent1", CREATED.plusSeconds(version * 60), from, to, reason,
                Map.of());
    }

    /** Two domains of the shipped tree with some of their categories. */
    public static List<Category> categories() {
        return List.of(new Category("01", null, "城乡建设", "Urban and rural construction"),
                new Category("0104", "01", "供水", "Water supply"),
                new Category("0105", "01", "供电", "Power supply"),
                new Category("02", null, "生态环境", "Environment"),
                new Category("0201", "02", "噪声扰民", "Noise"));
    }

    public static List<Map<String, Object>> unitList() {
        return List.of(
                Map.of("id", "00000000-0000-0000-0000-0000000000d1", "kind", "DISTRICT", "code", "D01", "name", "示范区"),
                Map.of("id", CHENGGUAN.toString(), "parentId", "00000000-0000-0000-0000-0000000000d1",
                        "kind", "TOWNSHIP", "code", "T01", "name", "城关街道"),
                Map.of("id", "00000000-0000-0000-0000-0000000000c2", "parentId", "00000000-0000-0000-0000-0000000000d1",
                        "kind", "TOWNSHIP", "code", "T02", "name", "东湖镇"),
                Map.of("id", "00000000-0000-0000-0000-0000000000a1", "parentId", CHENGGUAN.toString(),
                        "kind", "GRID", "code", "T01-G01", "name", "城关街道第一网格"),
                Map.of("id", "00000000-0000-0000-0000-0000000000e1", "parentId", "00000000-0000-0000-0000-0000000000d1",
                        "kind", "DEPARTMENT", "code", "DEP-HOUSING", "name", "住房和城乡建设局"));
    }
}
