package com.hotlineops.dashboard.console.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.hotlineops.dashboard.console.HomeView;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Who gets the admin pages: an administrator finds the four after the reports in the menu, and a home page that says
 * what they offer; any other role gets no menu entry and no page, and the backend is not even asked.
 */
class AdminAccessTests extends AdminViewTest {

    private static final List<String> ADMIN_PAGES = List.of("工作日历", "时限标准", "对接系统", "用户管理");

    private List<String> menu() {
        return $(SideNav.class).withId("console-menu").single().getItems().stream().map(SideNavItem::getLabel)
                .toList();
    }

    @Test
    void administratorThenTheFourAdminPagesInTheMenuAfterTheReports() {
        BACKEND.json("GET /api/v1/calendar/years", "[]");

        navigate(HomeView.class);

        List<String> menu = menu();
        assertThat(menu).containsSubsequence("专报", "工作日历", "时限标准", "对接系统", "用户管理");
        assertThat(menu.subList(menu.size() - 4, menu.size())).isEqualTo(ADMIN_PAGES);
    }

    @Test
    void administratorsHomeThenSaysWhatTheAdminPagesOfferUserAdministrationIncluded() {
        navigate(HomeView.class);

        assertThat($(Paragraph.class).all()).extracting(Paragraph::getText).anySatisfy(text -> assertThat(text)
                .startsWith("系统管理员 — 工作日历").contains("时限标准", "对接系统", "用户管理"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"SUPERVISOR", "DIRECTOR", "AGENT", "DISPATCHER"})
    void otherRoleThenNoAdminPageInTheMenu(String role) {
        signIn("someone", role);

        navigate(HomeView.class);

        assertThat(menu()).doesNotContainAnyElementsOf(ADMIN_PAGES);
    }

    @Test
    void supervisorThenEveryAdminPageRefusedWithoutAskingTheBackend() {
        signIn("supervisor1", "SUPERVISOR");
        navigate(HomeView.class);

        for (Class<? extends Component> page : List.of(CalendarView.class, SlaPoliciesView.class,
                PartnersView.class, UsersView.class)) {
            UI.getCurrent().navigate(page);
            assertThat($(page).all()).as(page.getSimpleName()).isEmpty();
        }

        assertThat(BACKEND.requests()).filteredOn(r -> r.path().startsWith("/api/v1/calendar")
                || r.path().startsWith("/api/v1/sla") || r.path().startsWith("/api/v1/admin")
                || r.path().startsWith("/api/v1/users")).isEmpty();
    }
}
