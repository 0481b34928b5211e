package com.hotlineops.dashboard.console.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.hotlineops.dashboard.console.FakeBackend;
import com.hotlineops.dashboard.console.HomeView;
import com.hotlineops.dashboard.console.SignedIn;
import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.server.streams.DownloadResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The report pages without a browser, against a stand-in backend that records what they ask: the pickers become the
 * backend's query (whole days sent half-open), the figures and rates are shown as the backend computed them, refusals
 * are shown as they come and leave nothing to download, and a download fetches the report on screen.
 */
@SpringBootTest(properties = "hotline.backend.rsocket-port=1")
@ViewPackages(classes = {HomeView.class, WeeklyReportView.class})
class ReportViewsTests extends SpringBrowserlessTest {

    private static final FakeBackend BACKEND = new FakeBackend();
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final String CHENGGUAN = "6f1c6e8e-0000-3000-8000-000000000001";
    private static final String TICKET = "11111111-1111-4111-8111-111111111111";

    @Autowired
    private ReportsBackend reports;

    @DynamicPropertySource
    static void backend(DynamicPropertyRegistry registry) {
        registry.add("hotline.backend.port", BACKEND::port);
    }

    @AfterAll
    static void stopBackend() {
        BACKEND.close();
    }

    @BeforeEach
    void backendWithReports() {
        BACKEND.reset();
        BACKEND.json("GET /api/v1/categories", """
                [{"code":"01","parentCode":null,"name":"城乡建设","nameEn":"Urban and rural construction"},
                 {"code":"0104","parentCode":"01","name":"供水","nameEn":"Water supply"}]""");
        BACKEND.json("GET /api/v1/reports/weekly", WEEKLY);
        BACKEND.json("GET /api/v1/reports/bulletin", BULLETIN);
        BACKEND.json("GET /api/v1/reports/special", SPECIAL);
        signIn("director1", "DIRECTOR");
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    static void signIn(String username, String... roles) {
        SignedIn.as(username, roles);
    }

    private static LocalDate today() {
        return LocalDate.now(SHANGHAI);
    }

    // --- weekly report ---------------------------------------------------------------------------------------------

    @Test
    void weeklyOpenedThenTheWeekBeforeAskedAndItsFiguresAndRatesShown() {
        navigate(WeeklyReportView.class);

        LocalDate mondayBefore = today().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).minusWeeks(1);
        assertThat(BACKEND.last("GET", "/api/v1/reports/weekly").query())
                .containsExactlyEntriesOf(java.util.Map.of("week", WeeklyReportView.isoWeek(mondayBefore)));
        assertThat(text("report-received")).isEqualTo("1,234");
        assertThat(text("report-closed")).isEqualTo("1,100");
        assertThat(text("report-finish-overdue")).isEqualTo("7");
        assertThat(text("report-issued")).isEqualTo("周一定时生成于 2026-11-23 08:00；统计时段 2026-11-16 00:00 至 "
                + "2026-11-23 00:00（不含）");

        var rates = test(grid("report-rates"));
        assertThat(rates.size()).isEqualTo(2);
        assertThat(List.of(rates.getCellText(0, 0), rates.getCellText(0, 1), rates.getCellText(0, 2),
                rates.getCellText(0, 3), rates.getCellText(0, 6), rates.getCellText(0, 9)))
                .containsExactly("城关街道", "20", "19", "95.0%", "66.7%", "87.5%");
        assertThat(rates.getCellText(1, 3)).as("no ticket dispatched: no rate, not 0 %").isEqualTo("—");

        var categories = test(grid("report-by-category"));
        assertThat(List.of(categories.getCellText(0, 0), categories.getCellText(0, 1), categories.getCellText(0, 2)))
                .containsExactly("供水", "900", "75.0%");
        var spikes = test(grid("report-spikes"));
        assertThat(spikes.getCellText(0, 1)).isEqualTo("城乡建设 / 供水");
        assertThat(spikes.getCellText(0, 3)).isEqualTo("37");
        assertThat($(com.vaadin.flow.component.html.Paragraph.class).withId("report-method").single().getText())
                .isEqualTo("判定方法：某类诉求在某属地某一小时的件数 n 不少于 5 件，且按前 4 周同一时段的平均件数（至少取 0.25）"
                        + "作泊松分布，出现不少于 n 件的概率不超过 0.001 时，判为热点异常。");
        assertThat($(Anchor.class).withId("report-pdf").single().isEnabled()).isTrue();
    }

    @Test
    void anotherWeekPickedThenThatWeekAsked() {
        navigate(WeeklyReportView.class);
        @SuppressWarnings("unchecked")
        Select<LocalDate> week = $(Select.class).withId("report-week").single();
        LocalDate threeWeeksAgo = week.getListDataView().getItems().toList().get(3);

        test(week).selectItem(week.getItemLabelGenerator().apply(threeWeeksAgo));

        assertThat(BACKEND.last("GET", "/api/v1/reports/weekly").query())
                .containsEntry("week", WeeklyReportView.isoWeek(threeWeeksAgo));
        assertThat(week.getListDataView().getItems()).hasSize(WeeklyReportView.WEEKS);
    }

    @Test
    void backendRefusesThenItsDetailShownAndNothingToDownload() {
        BACKEND.problem("GET /api/v1/reports/weekly", 503, "报表字体未安装");

        navigate(WeeklyReportView.class);

        assertThat($(Notification.class).all()).extracting(n -> test(n).getText()).containsExactly("报表字体未安装");
        assertThat($(Anchor.class).withId("report-pdf").single().isEnabled()).isFalse();
        assertThat($(Anchor.class).withId("report-csv-rates").single().isEnabled()).isFalse();
    }

    @Test
    void downloadThenTheFileOfTheReportOnScreenUnderAChineseName() throws IOException {
        navigate(WeeklyReportView.class);
        String week = BACKEND.last("GET", "/api/v1/reports/weekly").query().get("week");
        BACKEND.file("GET /api/v1/reports/weekly.csv", "text/csv;charset=UTF-8", "承办单位,派遣\r\n城关街道,20\r\n");
        ReportDownloads downloads = new ReportDownloads(reports, () -> new ReportQuery.Weekly(week));

        DownloadResponse file = downloads.download(ReportFile.csv("rates"));

        assertThat(file.hasError()).isFalse();
        assertThat(file.getFileName()).isEqualTo("12345热线周报-" + week + "-rates.csv");
        assertThat(new String(file.getInputStream().readAllBytes(), StandardCharsets.UTF_8))
                .isEqualTo("承办单位,派遣\r\n城关街道,20\r\n");
        assertThat(BACKEND.last("GET", "/api/v1/reports/weekly.csv").query()).containsEntry("week", week)
                .containsEntry("table", "rates");

        BACKEND.problem("GET /api/v1/reports/weekly.pdf", 503, "报表字体未安装");
        DownloadResponse refused = downloads.download(ReportFile.PDF);
        assertThat(refused.getError()).isEqualTo(503);
        assertThat(refused.getErrorMessage()).isEqualTo("报表字体未安装");
    }

    // --- bulletin --------------------------------------------------------------------------------------------------

    @Test
    void bulletinOpenedThenThisMonthSoFarAskedHalfOpenAndUnitsShown() {
        navigate(BulletinView.class);

        assertThat(BACKEND.last("GET", "/api/v1/reports/bulletin").query())
                .containsEntry("from", today().withDayOfMonth(1).toString())
                .containsEntry("to", today().plusDays(1).toString());
        assertThat(text("report-sign-for-overdue")).isEqualTo("3");
        var units = test(grid("report-bulletin-units"));
        assertThat(List.of(units.getCellText(0, 0), units.getCellText(0, 1), units.getCellText(0, 2),
                units.getCellText(0, 3))).containsExactly("城关街道", "3", "2", "1");
        var items = test(grid("report-bulletin-items"));
        assertThat(items.getCellText(0, 3)).isEqualTo("办理超期");
        assertThat(items.getCellText(0, 5)).isEqualTo("仍超期");
    }

    @Test
    void lastDayBeforeFirstThenNothingAskedAndThePickerSaysWhy() {
        navigate(BulletinView.class);
        DatePicker from = $(DatePicker.class).withId("report-range-from").single();
        DatePicker to = $(DatePicker.class).withId("report-range-to").single();
        from.setValue(today().minusDays(40));
        int asked = BACKEND.requests("GET", "/api/v1/reports/bulletin").size();

        to.setValue(today().minusDays(50));

        assertThat(BACKEND.requests("GET", "/api/v1/reports/bulletin")).hasSize(asked);
        assertThat(to.isInvalid()).isTrue();
        assertThat(to.getErrorMessage()).isEqualTo("截止日期不能早于起始日期。");
    }

    // --- special report --------------------------------------------------------------------------------------------

    @Test
    void specialWithoutKeywordThenNothingAskedAndTheFieldSaysSo() {
        navigate(SpecialReportView.class);
        test($(Button.class).withId("report-generate").single()).click();

        assertThat(BACKEND.requests("GET", "/api/v1/reports/special")).isEmpty();
        assertThat($(TextField.class).withId("report-keyword").single().isInvalid()).isTrue();
        assertThat($(Anchor.class).withId("report-pdf").single().isEnabled()).isFalse();
    }

    @Test
    void keywordGivenThenTheLastThirtyDaysAskedAndTicketsLinked() {
        navigate(SpecialReportView.class);
        test($(TextField.class).withId("report-keyword").single()).setValue(" 停水 ");
        test($(Button.class).withId("report-generate").single()).click();

        assertThat(BACKEND.last("GET", "/api/v1/reports/special").query()).containsEntry("keyword", "停水")
                .containsEntry("from", today().minusDays(SpecialReportView.DEFAULT_DAYS - 1L).toString())
                .containsEntry("to", today().plusDays(1).toString());
        assertThat(text("report-matched")).isEqualTo("2");
        assertThat(text("report-summary"))
                .isEqualTo("专题“停水”：2026-10-28 00:00 至 2026-11-27 00:00（不含），列出 1 件，共 2 件");
        var tickets = test(grid("report-tickets"));
        RouterLink link = (RouterLink) tickets.getCellComponent(0, 0);
        assertThat(link.getHref()).isEqualTo("tickets/" + TICKET);
        assertThat(tickets.getCellText(0, 3)).isEqualTo("城乡建设 / 供水");
        assertThat(tickets.getCellText(0, 5)).isEqualTo("已办结");
        assertThat($(Anchor.class).withId("report-pdf").single().isEnabled()).isTrue();
    }

    // --- access ----------------------------------------------------------------------------------------------------

    @Test
    void directorThenTheThreeReportsInTheMenu() {
        navigate(HomeView.class);

        assertThat($(SideNav.class).withId("console-menu").single().getItems()).extracting(SideNavItem::getLabel)
                .contains("周报", "通报", "专报");
    }

    @Test
    void agentThenNoReportInTheMenuAndThePageRefusedWithoutAskingTheBackend() {
        signIn("agent1", "AGENT");

        navigate(HomeView.class);
        assertThat($(SideNav.class).withId("console-menu").single().getItems()).extracting(SideNavItem::getLabel)
                .doesNotContain("周报", "通报", "专报");
        UI.getCurrent().navigate(WeeklyReportView.class);

        assertThat($(WeeklyReportView.class).all()).isEmpty();
        assertThat(BACKEND.requests()).filteredOn(r -> r.path().startsWith("/api/v1/reports")).isEmpty();
    }

    private String text(String id) {
        return $(Span.class).withId(id).single().getText();
    }

    @SuppressWarnings("unchecked")
    private <T> Grid<T> grid(String id) {
        return $(Grid.class).withId(id).single();
    }

    private static final String WEEKLY = """
            {"week":"2026-W47","from":"2026-11-15T16:00:00Z","to":"2026-11-22T16:00:00Z",
             "issuedAt":"2026-11-23T00:00:00Z","received":1234,"closed":1100,
             "byChannel":[{"key":"HOTLINE","label":"12345热线","count":1000},
                          {"key":"WEB_MESSAGE","label":"网络留言","count":234}],
             "byCategory":[{"key":"0104","label":"供水","count":900},{"key":null,"label":"—","count":300}],
             "byUnit":[{"key":"%1$s","label":"城关街道","count":1234}],
             "units":[{"unitId":"%1$s","unitName":"城关街道","dispatched":20,"signedForOnTime":19,"responseRate":0.95,
                       "revisited":9,"resolved":6,"resolutionRate":0.6666666,"revisitedReached":8,"satisfied":7,
                       "satisfactionRate":0.875},
                      {"unitId":"6f1c6e8e-0000-3000-8000-000000000002","unitName":"西关街道","dispatched":0,
                       "signedForOnTime":0,"responseRate":null,"revisited":0,"resolved":0,"resolutionRate":null,
                       "revisitedReached":0,"satisfied":0,"satisfactionRate":null}],
             "signForOverdue":3,"finishOverdue":7,"unsatisfied":2,
             "method":{"name":"POISSON_SAME_HOUR","description":"同一时段前四周均值的泊松检验","weeks":4,"alpha":0.001,
                       "minCount":5,"minBaselineMean":0.25},
             "spikes":[{"categoryCode":"0104","unitId":"%1$s","unitName":"城关街道",
                        "bucketStart":"2026-11-18T01:00:00Z","count":37,"baseline":[5,6,7,6],"baselineMean":6.0,
                        "pValue":1.0E-12,"spike":true}]}""".formatted(CHENGGUAN);

    private static final String BULLETIN = """
            {"from":"2026-10-31T16:00:00Z","to":"2026-11-26T16:00:00Z","asOf":"2026-11-26T08:00:00Z",
             "signForOverdue":3,"finishOverdue":2,"unsatisfied":1,
             "units":[{"unitId":"%1$s","unitName":"城关街道","signForOverdue":3,"finishOverdue":2,"unsatisfied":1}],
             "items":[{"number":"20261102000001","title":"井盖缺失","unitName":"城关街道","kind":"FINISH_OVERDUE",
                       "due":"2026-11-10T10:00:00Z","at":null}]}""".formatted(CHENGGUAN);

    private static final String SPECIAL = """
            {"keyword":"停水","from":"2026-10-27T16:00:00Z","to":"2026-11-26T16:00:00Z","matched":2,"closed":1,
             "byCategory":[{"key":"0104","label":"供水","count":2}],
             "byUnit":[{"key":"%1$s","label":"城关街道","count":2}],
             "byDay":[{"key":"2026-11-20","label":"2026-11-20","count":2}],"listed":200,
             "tickets":[{"id":"%2$s","number":"20261120000007","createdAt":"2026-11-20T02:00:00Z",
                         "title":"小区已经停水两天了","categoryCode":"0104","unitName":"城关街道","status":"CLOSED"}]}"""
            .formatted(CHENGGUAN, TICKET);
}
