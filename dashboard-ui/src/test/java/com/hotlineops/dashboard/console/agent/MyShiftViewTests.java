package com.hotlineops.dashboard.console.agent;

import static org.assertj.core.api.Assertions.assertThat;

import com.hotlineops.contract.call.CallQueue;
import com.hotlineops.contract.shift.DirectorCall;
import com.hotlineops.contract.shift.DirectorTicket;
import com.hotlineops.contract.shift.MyShift;
import com.hotlineops.contract.shift.Shift;
import com.hotlineops.contract.sla.SlaState;
import com.hotlineops.contract.ticket.TicketStatus;
import com.hotlineops.dashboard.console.DeskViewTest;
import com.hotlineops.dashboard.console.TicketFixtures;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridTester;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@ViewPackages(packages = "com.hotlineops.dashboard.console")
class MyShiftViewTests extends DeskViewTest {

    @Test
    void directorThenShiftNowAndTakenTicketsWithTheirClockAndLink() {
        signIn("director1", "DIRECTOR", "AGENT");
        UUID ticket = UUID.randomUUID();
        Instant start = Instant.parse("2026-11-26T01:00:00Z");
        backend.on("GET", "/api/v1/shifts/mine", new MyShift(
                List.of(new Shift(UUID.randomUUID(), UUID.randomUUID(), "值班领导", TicketFixtures.CHENGGUAN, start,
                        start.plusSeconds(4 * 3600), "A01")),
                List.of(),
                List.of(new DirectorTicket(ticket, "20261126000007", "路灯不亮", TicketStatus.ACCEPTED, start,
                        start.plusSeconds(86400), SlaState.AT_RISK)),
                List.of(new DirectorCall("call-1", UUID.randomUUID(), "D-01", CallQueue.ENTERPRISE,
                                start.plusSeconds(600), start.plusSeconds(612), start.plusSeconds(900), 12.4,
                                "139****5678"),
                        new DirectorCall("call-2", UUID.randomUUID(), "D-01", CallQueue.GENERAL,
                                start.plusSeconds(1200), start.plusSeconds(1203), null, 3.0, null))));
        backend.on("GET", "/api/v1/org/units", TicketFixtures.unitList());

        navigate(MyShiftView.class);

        assertThat($(Paragraph.class).withClassName("shift-line").single().getText())
                .isEqualTo("2026-11-26 09:00 至 2026-11-26 13:00，城关街道，席位 A01");
        GridTester<Grid<DirectorTicket>, DirectorTicket> rows = test($(Grid.class).withId("shift-tickets").single());
        assertThat(rows.size()).isEqualTo(1);
        assertThat(((Anchor) rows.getCellComponent(0, 0)).getHref()).isEqualTo("tickets/" + ticket);
        assertThat(rows.getCellText(0, 2)).isEqualTo("办理中");
        assertThat(rows.getCellText(0, 5)).isEqualTo("即将超期");
        GridTester<Grid<DirectorCall>, DirectorCall> calls = test($(Grid.class).withId("shift-calls").single());
        assertThat(calls.size()).isEqualTo(2);
        assertThat(List.of(calls.getCellText(0, 0), calls.getCellText(0, 1), calls.getCellText(0, 2),
                calls.getCellText(0, 3), calls.getCellText(0, 4)))
                .containsExactly("2026-11-26 09:10", "政企通", "139****5678", "12 秒", "2026-11-26 09:15");
        assertThat(List.of(calls.getCellText(1, 2), calls.getCellText(1, 4))).containsExactly("—", "通话中");
        assertThat($(SideNav.class).withId("console-menu").single().getItems()).extracting(SideNavItem::getLabel)
                .contains("话务台", "我的班次");
    }

    @Test
    void agentWithoutDirectorRoleThenNoShiftInTheMenu() {
        signIn("agent1", "AGENT");

        navigate(TakeCallView.class);

        assertThat($(SideNav.class).withId("console-menu").single().getItems()).extracting(SideNavItem::getLabel)
                .doesNotContain("我的班次");
    }
}
