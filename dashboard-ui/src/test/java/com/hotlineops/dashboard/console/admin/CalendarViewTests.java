package com.hotlineops.dashboard.console.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.NativeButton;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The working-day calendar page without a browser: the years and the month it asks for, a fallback year from this one
 * on warned at the top (DESIGN.md §2.3), a day edit or undo sent only after confirmation with the number of moved
 * tickets shown, bad input stopped before any request, refusals shown as the backend gave them.
 */
class CalendarViewTests extends AdminViewTest {

    private static final int THIS_YEAR = LocalDate.now(ZoneId.of("Asia/Shanghai")).getYear();
    private static final YearMonth FAR = YearMonth.of(2099, 3);

    @BeforeEach
    void calendarOfThreeYears() {
        BACKEND.json("GET /api/v1/calendar/years", """
                [{"year":%d,"source":"FALLBACK","listedDays":0,"editedDays":0},
                 {"year":%d,"source":"OFFICIAL","listedDays":38,"editedDays":1},
                 {"year":%d,"source":"FALLBACK","listedDays":0,"editedDays":0}]"""
                .formatted(THIS_YEAR - 1, THIS_YEAR, THIS_YEAR + 1));
        BACKEND.json("GET /api/v1/calendar/days", month(FAR, Map.of()));
    }

    /** The days of a month as the backend lists them: Monday–Friday FALLBACK unless {@code special} says otherwise. */
    private static String month(YearMonth month, Map<LocalDate, String> special) {
        List<String> days = new ArrayList<>();
        for (LocalDate d = month.atDay(1); !d.isAfter(month.atEndOfMonth()); d = d.plusDays(1)) {
            days.add(special.getOrDefault(d, """
                    {"date":"%s","working":%s,"name":null,"source":"FALLBACK"}"""
                    .formatted(d, d.getDayOfWeek().getValue() <= 5)));
        }
        return "[" + String.join(",", days) + "]";
    }

    private static String dayJson(LocalDate date, boolean working, String name, String source) {
        return """
                {"date":"%s","working":%s,"name":%s,"source":"%s"}"""
                .formatted(date, working, name == null ? "null" : "\"" + name + "\"", source);
    }

    /** Picks March 2099 as an administrator would: the year typed, the month chosen. */
    private void showFarMonth() {
        test($(IntegerField.class).withId("calendar-year").single()).setValue(FAR.getYear());
        test($(Select.class).withId("calendar-month").single()).selectItem("三月");
    }

    @Test
    void openedThenYearsAndThisMonthAskedAndNextYearsFallbackWarned() {
        navigate(CalendarView.class);

        YearMonth now = YearMonth.now(ZoneId.of("Asia/Shanghai"));
        assertThat(BACKEND.last("GET", "/api/v1/calendar/days").query())
                .containsOnly(Map.entry("from", now.atDay(1).toString()), Map.entry("to",
                        now.atEndOfMonth().toString()));
        assertThat(BACKEND.requests("GET", "/api/v1/calendar/years")).hasSize(1);
        assertThat($(Div.class).withId("calendar-fallback-warning").all()).hasSize(1);
        assertThat($(Paragraph.class).withId("calendar-fallback-" + (THIS_YEAR + 1)).single().getText())
                .startsWith((THIS_YEAR + 1) + " 年尚未载入国务院节假日安排：该年按周一至周五计算工作日");
        assertThat($(Paragraph.class).withId("calendar-fallback-" + (THIS_YEAR - 1)).all())
                .as("a past year without a list moves no open deadline: no warning").isEmpty();
        var years = test($(Grid.class).withId("calendar-years").single());
        assertThat(List.of(years.getCellText(1, 0), years.getCellText(1, 1), years.getCellText(1, 2),
                years.getCellText(1, 3))).containsExactly(String.valueOf(THIS_YEAR), "官方安排", "38", "1");
        assertThat(years.getCellText(2, 1)).isEqualTo("无官方安排：按周一至周五");
    }

    @Test
    void noFallbackYearAheadThenNoWarning() {
        BACKEND.json("GET /api/v1/calendar/years", """
                [{"year":%d,"source":"OFFICIAL","listedDays":38,"editedDays":0},
                 {"year":%d,"source":"OFFICIAL","listedDays":40,"editedDays":0}]"""
                .formatted(THIS_YEAR, THIS_YEAR + 1));

        navigate(CalendarView.class);

        assertThat($(Div.class).withId("calendar-fallback-warning").all()).as("hidden").isEmpty();
    }

    @Test
    void monthShownThenEachDayWithItsStateNameAndSource() {
        LocalDate holiday = FAR.atDay(2);
        LocalDate edited = FAR.atDay(3);
        BACKEND.json("GET /api/v1/calendar/days", month(FAR, Map.of(
                holiday, dayJson(holiday, false, "春节", "OFFICIAL"),
                edited, dayJson(edited, true, "调休上班", "EDITED"))));
        navigate(CalendarView.class);

        showFarMonth();

        assertThat(BACKEND.last("GET", "/api/v1/calendar/days").query()).containsEntry("from", "2099-03-01")
                .containsEntry("to", "2099-03-31");
        NativeButton off = $(NativeButton.class).withId("calendar-day-2099-03-02").single();
        assertThat(off.getClassNames()).contains("admin-day-off");
        assertThat(off.getElement().getTextRecursively()).contains("2", "休", "春节");
        NativeButton byHand = $(NativeButton.class).withId("calendar-day-2099-03-03").single();
        assertThat(byHand.getClassNames()).contains("admin-day-working", "admin-day-edited");
        assertThat(byHand.getElement().getTextRecursively()).contains("已修改");
        NativeButton fallback = $(NativeButton.class).withId("calendar-day-2099-03-04").single();
        assertThat(fallback.getClassNames()).contains("admin-day-fallback");
        assertThat(fallback.getElement().getTextRecursively()).as("the month says it once, above").isEqualTo("4");
        assertThat($(NativeButton.class).all()).filteredOn(b -> b.getId().orElse("").startsWith("calendar-day-"))
                .hasSize(31);
    }

    @Test
    void dayEditedAndConfirmedThenPutSentAndMovedTicketsShown() {
        LocalDate day = FAR.atDay(2);
        BACKEND.json("PUT /api/v1/calendar/days/2099-03-02", """
                {"day":%s,"ticketsMoved":3}""".formatted(dayJson(day, false, "测试休息日", "EDITED")));
        navigate(CalendarView.class);
        showFarMonth();

        test($(NativeButton.class).withId("calendar-day-2099-03-02").single()).click();
        test($(RadioButtonGroup.class).withId("calendar-day-working").single()).selectItem("休息日（不计入办理时限）");
        test($(TextField.class).withId("calendar-day-name").single()).setValue(" 测试休息日 ");
        test($(Button.class).withId("calendar-day-save").single()).click();

        assertThat(BACKEND.requests("PUT", "/api/v1/calendar/days/2099-03-02")).as("not before it is confirmed")
                .isEmpty();
        ConfirmDialog confirm = $(ConfirmDialog.class).withId("calendar-day-confirm").single();
        assertThat(test(confirm).getText()).contains("2099-03-02", "休息日（测试休息日）",
                "在办工单");
        test(confirm).confirm();

        var put = BACKEND.last("PUT", "/api/v1/calendar/days/2099-03-02");
        assertThat(body(put).path("working").asBoolean(true)).isFalse();
        assertThat(body(put).path("name").asString()).isEqualTo("测试休息日");
        assertThat($(Paragraph.class).withId("calendar-result").single().getText())
                .isEqualTo("已修改 2099-03-02，现为：休息日 · 测试休息日 · 管理员修改。3 件在办工单的时限随之调整。");
        assertThat($(Dialog.class).withId("calendar-day-dialog").all()).isEmpty();
        assertThat(BACKEND.requests("GET", "/api/v1/calendar/years")).as("edited counts read again").hasSize(2);
    }

    @Test
    void editCancelledAtConfirmationThenNothingSent() {
        navigate(CalendarView.class);
        showFarMonth();

        test($(NativeButton.class).withId("calendar-day-2099-03-02").single()).click();
        test($(RadioButtonGroup.class).withId("calendar-day-working").single()).selectItem("休息日（不计入办理时限）");
        test($(Button.class).withId("calendar-day-save").single()).click();
        test($(ConfirmDialog.class).withId("calendar-day-confirm").single()).cancel();

        assertThat(BACKEND.requests()).filteredOn(r -> r.method().equals("PUT")).isEmpty();
    }

    @Test
    void nameTooLongThenNothingSentAndTheFieldSaysWhy() {
        navigate(CalendarView.class);
        showFarMonth();

        test($(NativeButton.class).withId("calendar-day-2099-03-02").single()).click();
        TextField name = $(TextField.class).withId("calendar-day-name").single();
        name.setValue("节".repeat(DayEditDialog.NAME_MAX + 1));
        test($(Button.class).withId("calendar-day-save").single()).click();

        assertThat($(ConfirmDialog.class).all()).isEmpty();
        assertThat(BACKEND.requests()).filteredOn(r -> r.method().equals("PUT")).isEmpty();
        assertThat(name.isInvalid()).isTrue();
        assertThat(name.getErrorMessage()).isEqualTo("名称最多 50 个字。");
    }

    @Test
    void editedDayUndoneThenDeleteSentAndResultShown() {
        LocalDate day = FAR.atDay(2);
        BACKEND.json("GET /api/v1/calendar/days", month(FAR, Map.of(day, dayJson(day, false, "测试", "EDITED"))));
        BACKEND.json("DELETE /api/v1/calendar/days/2099-03-02", """
                {"day":%s,"ticketsMoved":0}""".formatted(dayJson(day, true, null, "FALLBACK")));
        navigate(CalendarView.class);
        showFarMonth();

        test($(NativeButton.class).withId("calendar-day-2099-03-02").single()).click();
        assertThat($(Paragraph.class).withId("calendar-day-now").single().getText())
                .isEqualTo("当前：休息日 · 来源：管理员修改 · 名称：测试");
        test($(Button.class).withId("calendar-day-revert").single()).click();
        assertThat(BACKEND.requests("DELETE", "/api/v1/calendar/days/2099-03-02")).isEmpty();
        test($(ConfirmDialog.class).withId("calendar-day-revert-confirm").single()).confirm();

        assertThat(BACKEND.requests("DELETE", "/api/v1/calendar/days/2099-03-02")).hasSize(1);
        assertThat($(Paragraph.class).withId("calendar-result").single().getText()).isEqualTo(
                "已撤销对 2099-03-02 的修改，现为：工作日 · 按周一至周五（无官方安排）。0 件在办工单的时限随之调整。");
    }

    @Test
    void officialDayThenNoUndoOffered() {
        navigate(CalendarView.class);
        showFarMonth();

        test($(NativeButton.class).withId("calendar-day-2099-03-02").single()).click();

        assertThat($(Button.class).withId("calendar-day-revert").all()).isEmpty();
    }

    @Test
    void editRefusedThenTheBackendsDetailShownAndTheDialogStays() {
        BACKEND.problem("PUT /api/v1/calendar/days/2099-03-02", 403, "Only an administrator may edit the calendar");
        navigate(CalendarView.class);
        showFarMonth();

        test($(NativeButton.class).withId("calendar-day-2099-03-02").single()).click();
        test($(Button.class).withId("calendar-day-save").single()).click();
        test($(ConfirmDialog.class).withId("calendar-day-confirm").single()).confirm();

        assertThat(notifications()).containsExactly("Only an administrator may edit the calendar");
        assertThat($(Dialog.class).withId("calendar-day-dialog").single().isOpened()).isTrue();
        assertThat($(Paragraph.class).withId("calendar-result").all()).as("hidden").isEmpty();
    }

    @Test
    void yearOutsideTheCalendarThenNotAskedAndTheFieldSaysWhy() {
        navigate(CalendarView.class);
        int asked = BACKEND.requests("GET", "/api/v1/calendar/days").size();

        IntegerField year = $(IntegerField.class).withId("calendar-year").single();
        year.setValue(1999); // below the field's minimum: typed in the browser, it still arrives

        assertThat(BACKEND.requests("GET", "/api/v1/calendar/days")).hasSize(asked);
        assertThat(year.isInvalid()).isTrue();
        assertThat(year.getErrorMessage()).isEqualTo("年份须在 2000 至 2100 之间。");
    }

    @Test
    void yearTypedThenThatYearsMonthAsked() {
        navigate(CalendarView.class);

        test($(IntegerField.class).withId("calendar-year").single()).setValue(2099);

        assertThat(BACKEND.last("GET", "/api/v1/calendar/days").query().get("from")).startsWith("2099-");
    }

    @Test
    void yearClickedThenItsJanuaryShown() {
        navigate(CalendarView.class);

        test($(Grid.class).withId("calendar-years").single()).clickRow(2);

        assertThat(BACKEND.last("GET", "/api/v1/calendar/days").query())
                .containsEntry("from", (THIS_YEAR + 1) + "-01-01").containsEntry("to", (THIS_YEAR + 1) + "-01-31");
    }

    @Test
    void daysRefusedThenTheBackendsDetailShown() {
        BACKEND.problem("GET /api/v1/calendar/days", 503, "The service is temporarily unavailable");

        navigate(CalendarView.class);

        assertThat(notifications()).contains("The service is temporarily unavailable");
    }
}
