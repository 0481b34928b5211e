package com.hotlineops.dashboard.console.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The SLA policies page without a browser: the limits as the backend has them, an edit checked before anything is sent
 * (the backend's bounds and "sign-for no longer than finish", decision 0022), sent only after confirmation, and its
 * answer — changed or not, how many open tickets moved — shown; refusals shown as they come.
 */
class SlaPoliciesViewTests extends AdminViewTest {

    @BeforeEach
    void theShippedPoliciesOneChanged() {
        BACKEND.json("GET /api/v1/sla/policies", """
                [{"grade":"IMMEDIATE","signFor":{"amount":2,"unit":"WORKING_HOURS"},
                  "finish":{"amount":1,"unit":"WORKING_DAYS"},"updatedAt":null,"updatedBy":null},
                 {"grade":"STANDARD","signFor":{"amount":2,"unit":"WORKING_HOURS"},
                  "finish":{"amount":3,"unit":"WORKING_DAYS"},"updatedAt":"2026-11-20T02:30:00Z","updatedBy":"admin"},
                 {"grade":"REVISIT","signFor":null,"finish":{"amount":1,"unit":"WORKING_DAYS"},
                  "updatedAt":null,"updatedBy":null}]""");
    }

    private static String answer(boolean changed, int moved, int finishDays) {
        return """
                {"policy":{"grade":"STANDARD","signFor":{"amount":2,"unit":"WORKING_HOURS"},
                  "finish":{"amount":%d,"unit":"WORKING_DAYS"},"updatedAt":"2026-11-27T01:00:00Z","updatedBy":"admin"},
                 "changed":%s,"ticketsMoved":%d}""".formatted(finishDays, changed, moved);
    }

    @Test
    void openedThenEveryGradesLimitsAndWhoChangedThemShown() {
        navigate(SlaPoliciesView.class);

        assertThat(cellButton("sla-policies", 1, 4).getId()).hasValue("sla-edit-STANDARD");
        var grid = test($(Grid.class).withId("sla-policies").single());
        assertThat(grid.size()).isEqualTo(3);
        assertThat(List.of(grid.getCellText(1, 0), grid.getCellText(1, 1), grid.getCellText(1, 2),
                grid.getCellText(1, 3))).containsExactly("普通件", "2 工作小时", "3 个工作日", "2026-11-20 10:30 · admin");
        assertThat(grid.getCellText(0, 3)).isEqualTo("默认标准（未修改）");
        assertThat(List.of(grid.getCellText(2, 0), grid.getCellText(2, 1)))
                .containsExactly("回访", "—（回访无签收时限）");
    }

    @Test
    void editConfirmedThenPutOfTheWholePolicyAndMovedTicketsShown() {
        BACKEND.json("PUT /api/v1/sla/policies/STANDARD", answer(true, 4, 5));
        navigate(SlaPoliciesView.class);

        test(cellButton("sla-policies", 1, 4)).click();
        test($(IntegerField.class).withId("sla-finish-amount").single()).setValue(5);
        test($(Button.class).withId("sla-save").single()).click();
        assertThat(BACKEND.requests("PUT", "/api/v1/sla/policies/STANDARD")).as("not before confirmation").isEmpty();
        ConfirmDialog confirm = $(ConfirmDialog.class).withId("sla-confirm").single();
        assertThat(test(confirm).getText()).isEqualTo("普通件：签收时限 2 工作小时，办结时限 5 个工作日。在办工单的时限将按新标准重新计算。");
        test(confirm).confirm();

        var put = body(BACKEND.last("PUT", "/api/v1/sla/policies/STANDARD"));
        assertThat(put.path("signFor").path("amount").asInt()).isEqualTo(2);
        assertThat(put.path("signFor").path("unit").asString()).isEqualTo("WORKING_HOURS");
        assertThat(put.path("finish").path("amount").asInt()).isEqualTo(5);
        assertThat(put.path("finish").path("unit").asString()).isEqualTo("WORKING_DAYS");
        assertThat($(Paragraph.class).withId("sla-result").single().getText())
                .isEqualTo("已修改普通件的时限标准，4 件在办工单的时限随之调整。");
        assertThat($(Dialog.class).withId("sla-form").all()).isEmpty();
        assertThat(BACKEND.requests("GET", "/api/v1/sla/policies")).as("read again").hasSize(2);
    }

    @Test
    void englishThenLimitsAndTheAnswerInEnglishSingularWhereOne() {
        BACKEND.json("PUT /api/v1/sla/policies/STANDARD", answer(true, 1, 5));
        UI.getCurrent().setLocale(Locale.ENGLISH);
        navigate(SlaPoliciesView.class);

        var grid = test($(Grid.class).withId("sla-policies").single());
        assertThat(List.of(grid.getCellText(0, 1), grid.getCellText(0, 2), grid.getCellText(1, 2)))
                .containsExactly("2 working hours", "1 working day", "3 working days");
        test(cellButton("sla-policies", 1, 4)).click();
        test($(IntegerField.class).withId("sla-finish-amount").single()).setValue(5);
        test($(Button.class).withId("sla-save").single()).click();
        test($(ConfirmDialog.class).withId("sla-confirm").single()).confirm();

        assertThat($(Paragraph.class).withId("sla-result").single().getText())
                .isEqualTo("Changed the SLA policy of Standard. 1 open ticket had its deadline moved.");
    }

    @Test
    void sameLimitsAgainThenTheAnswerSaysNothingChanged() {
        BACKEND.json("PUT /api/v1/sla/policies/STANDARD", answer(false, 0, 3));
        navigate(SlaPoliciesView.class);

        test(cellButton("sla-policies", 1, 4)).click();
        test($(Button.class).withId("sla-save").single()).click();
        test($(ConfirmDialog.class).withId("sla-confirm").single()).confirm();

        assertThat($(Paragraph.class).withId("sla-result").single().getText())
                .isEqualTo("普通件的时限标准与原来相同，未作改动，没有工单受影响。");
    }

    @Test
    void amountOutOfBoundsThenNothingSentAndTheFieldSaysWhy() {
        navigate(SlaPoliciesView.class);
        test(cellButton("sla-policies", 1, 4)).click();
        IntegerField finish = $(IntegerField.class).withId("sla-finish-amount").single();

        test(finish).setValue(SlaPolicyForm.MAX_WORKING_DAYS + 1);
        test($(Button.class).withId("sla-save").single()).click();
        assertThat(finish.isInvalid()).isTrue();
        assertThat(finish.getErrorMessage()).isEqualTo("请输入 1 至 60 之间的整数（单位：工作日）。");

        finish.setValue(0); // below the field's minimum: typed in the browser, it still arrives
        test($(Button.class).withId("sla-save").single()).click();
        assertThat(finish.isInvalid()).isTrue();

        finish.clear();
        test($(Button.class).withId("sla-save").single()).click();
        assertThat(finish.isInvalid()).isTrue();

        assertThat($(ConfirmDialog.class).all()).isEmpty();
        assertThat(BACKEND.requests()).filteredOn(r -> r.method().equals("PUT")).isEmpty();
    }

    @Test
    void hoursAllowMoreThanDaysThenUpTo1440Accepted() {
        navigate(SlaPoliciesView.class);
        test(cellButton("sla-policies", 1, 4)).click();
        @SuppressWarnings("unchecked")
        Select<Object> unit = $(Select.class).withId("sla-finish-unit").single();
        test(unit).selectItem("小时（自然时间）");
        test($(IntegerField.class).withId("sla-finish-amount").single()).setValue(SlaPolicyForm.MAX_HOURS);

        test($(Button.class).withId("sla-save").single()).click();

        assertThat($(ConfirmDialog.class).withId("sla-confirm").all()).hasSize(1);
    }

    @Test
    void signForLongerThanFinishThenNothingSent() {
        navigate(SlaPoliciesView.class);
        test(cellButton("sla-policies", 1, 4)).click();
        IntegerField signFor = $(IntegerField.class).withId("sla-sign-for-amount").single();
        @SuppressWarnings("unchecked")
        Select<Object> signForUnit = $(Select.class).withId("sla-sign-for-unit").single();
        test(signForUnit).selectItem("工作日");
        test(signFor).setValue(4);

        test($(Button.class).withId("sla-save").single()).click();

        assertThat(signFor.isInvalid()).isTrue();
        assertThat(signFor.getErrorMessage()).isEqualTo("签收时限不能长于办结时限。");
        assertThat($(ConfirmDialog.class).all()).isEmpty();
        assertThat(BACKEND.requests()).filteredOn(r -> r.method().equals("PUT")).isEmpty();
    }

    @Test
    void revisitThenNoSignForAskedOrSent() {
        BACKEND.json("PUT /api/v1/sla/policies/REVISIT", """
                {"policy":{"grade":"REVISIT","signFor":null,"finish":{"amount":2,"unit":"WORKING_DAYS"},
                  "updatedAt":"2026-11-27T01:00:00Z","updatedBy":"admin"},"changed":true,"ticketsMoved":0}""");
        navigate(SlaPoliciesView.class);

        test(cellButton("sla-policies", 2, 4)).click();
        assertThat($(IntegerField.class).withId("sla-sign-for-amount").all()).isEmpty();
        test($(IntegerField.class).withId("sla-finish-amount").single()).setValue(2);
        test($(Button.class).withId("sla-save").single()).click();
        test($(ConfirmDialog.class).withId("sla-confirm").single()).confirm();

        var put = body(BACKEND.last("PUT", "/api/v1/sla/policies/REVISIT"));
        assertThat(put.path("signFor").isNull() || put.path("signFor").isMissingNode()).isTrue();
        assertThat(put.path("finish").path("amount").asInt()).isEqualTo(2);
    }

    @Test
    void editRefusedThenTheBackendsDetailShownAndTheFormStays() {
        BACKEND.problem("PUT /api/v1/sla/policies/STANDARD", 400,
                "the sign-for limit may not be longer than the finish limit");
        navigate(SlaPoliciesView.class);

        test(cellButton("sla-policies", 1, 4)).click();
        test($(Button.class).withId("sla-save").single()).click();
        test($(ConfirmDialog.class).withId("sla-confirm").single()).confirm();

        assertThat(notifications()).containsExactly("the sign-for limit may not be longer than the finish limit");
        assertThat($(Dialog.class).withId("sla-form").single().isOpened()).isTrue();
    }

    @Test
    void readRefusedThenTheBackendsDetailShown() {
        BACKEND.problem("GET /api/v1/sla/policies", 403, "Only an administrator may read or edit SLA policies");

        navigate(SlaPoliciesView.class);

        assertThat(notifications()).containsExactly("Only an administrator may read or edit SLA policies");
    }
}
