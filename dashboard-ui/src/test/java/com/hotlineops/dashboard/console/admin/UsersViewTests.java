package com.hotlineops.dashboard.console.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The users page without a browser (decision 0032): the accounts as the backend lists them, with unit and grid by
 * name; filters and pages sent as the backend reads them; creating and editing checked before anything is sent, a grid
 * picking its township; disabling and enabling confirmed with what they do to the user's sessions, never offered for
 * one's own account; a password reset typed by the administrator and gone from the page afterwards; refusals shown as
 * they come. Who must still change their password and whose logins are throttled, with the unlock (decision 0037).
 * Each account's change history, newest first and paged as the backend pages it.
 */
class UsersViewTests extends AdminViewTest {

    private static final String USERS = "/api/v1/users";
    private static final String T01 = "0b6f3d4e-1111-4000-8000-000000000001";
    private static final String T02 = "0b6f3d4e-1111-4000-8000-000000000002";
    private static final String G01 = "0b6f3d4e-2222-4000-8000-000000000001";
    private static final String G02 = "0b6f3d4e-2222-4000-8000-000000000002";
    private static final String ADMIN_ID = "9a9a9a9a-0000-4000-8000-000000000001";
    private static final String WORKER_ID = "9a9a9a9a-0000-4000-8000-000000000002";
    private static final String HANDLER_ID = "9a9a9a9a-0000-4000-8000-000000000003";
    private static final String PASSWORD = "Grid-worker-2026!";

    private static String user(String id, String username, String name, String roles, String unit, String grid,
            boolean enabled) {
        return """
                {"id":"%s","username":"%s","displayName":"%s","roles":[%s],"unitId":%s,"gridId":%s,"enabled":%s,
                 "passwordChangeRequired":false,"throttledUntil":null,"createdAt":"2026-11-20T01:00:00Z",
                 "updatedAt":null}"""
                .formatted(id, username, name, roles, unit == null ? "null" : "\"" + unit + "\"",
                        grid == null ? "null" : "\"" + grid + "\"", enabled);
    }

    private static final String ADMIN_JSON = user(ADMIN_ID, "admin", "系统管理员", "\"ADMIN\"", null, null, true);
    private static final String WORKER_JSON = user(WORKER_ID, "worker1", "网格员张伟", "\"GRID_WORKER\"", T01, G01, true);
    private static final String HANDLER_JSON = user(HANDLER_ID, "handler-t02", "东湖镇受理员", "\"UNIT_HANDLER\"", T02,
            null, false);

    @BeforeEach
    void threeUsersAndTheirUnits() {
        BACKEND.json("GET /api/v1/org/units", """
                [{"id":"%s","parentId":null,"kind":"TOWNSHIP","code":"T01","name":"城关街道"},
                 {"id":"%s","parentId":null,"kind":"TOWNSHIP","code":"T02","name":"东湖镇"},
                 {"id":"%s","parentId":"%s","kind":"GRID","code":"T01-G01","name":"城关街道第一网格"},
                 {"id":"%s","parentId":"%s","kind":"GRID","code":"T02-G01","name":"东湖镇第一网格"}]"""
                .formatted(T01, T02, G01, T01, G02, T02));
        BACKEND.json("GET " + USERS, "{\"items\":[%s,%s,%s],\"nextCursor\":null}"
                .formatted(ADMIN_JSON, HANDLER_JSON, WORKER_JSON));
    }

    private Grid<?> grid() {
        return $(Grid.class).withId("users-grid").single();
    }

    // --- the list --------------------------------------------------------------------------------------------------

    @Test
    void openedThenAccountsWithRolesUnitGridAndStateAndOwnAccountNotDisablable() {
        navigate(UsersView.class);

        var grid = test(grid());
        assertThat(grid.size()).isEqualTo(3);
        assertThat(List.of(grid.getCellText(2, 0), grid.getCellText(2, 1), grid.getCellText(2, 2),
                grid.getCellText(2, 3), grid.getCellText(2, 4))).containsExactly("worker1", "网格员张伟", "网格员",
                "城关街道", "城关街道第一网格");
        assertThat(grid.getCellText(1, 4)).isEqualTo(AdminText.NONE);
        assertThat(grid.getCellComponent(1, 5).getElement().getText()).isEqualTo("已停用");
        assertThat(grid.getCellComponent(2, 5).getElement().getText()).isEqualTo("启用");
        assertThat(cellButton("users-grid", 1, 7).getText()).isEqualTo("启用");
        assertThat(cellButton("users-grid", 2, 7).getText()).isEqualTo("停用");
        assertThat(cellButton("users-grid", 2, 7).isEnabled()).isTrue();
        assertThat(cellButton("users-grid", 0, 7).isEnabled()).as("the administrator's own account").isFalse();
        assertThat(BACKEND.last("GET", USERS).query()).containsExactly(java.util.Map.entry("limit", "50"));
    }

    @Test
    void filtersChosenThenSentAsTheBackendReadsThem() {
        navigate(UsersView.class);

        test($(TextField.class).withId("users-search").single()).setValue(" 张伟 ");
        test($(Select.class).withId("users-role").single()).selectItem("网格员");
        test($(Select.class).withId("users-unit").single()).selectItem("城关街道");
        test($(Select.class).withId("users-grid").single()).selectItem("城关街道第一网格");
        test($(Select.class).withId("users-state").single()).selectItem("已停用");

        assertThat(BACKEND.last("GET", USERS).query()).containsEntry("q", "张伟").containsEntry("role", "GRID_WORKER")
                .containsEntry("unitId", T01).containsEntry("gridId", G01).containsEntry("enabled", "false")
                .containsEntry("limit", "50").doesNotContainKey("cursor");
    }

    @Test
    void moreThenTheNextPageAskedWithTheCursorAndAppended() {
        BACKEND.json("GET " + USERS, "{\"items\":[%s,%s],\"nextCursor\":\"handler-t02\"}"
                .formatted(ADMIN_JSON, HANDLER_JSON));
        navigate(UsersView.class);
        Button more = $(Button.class).withId("users-more").single();
        assertThat(more.isVisible()).isTrue();

        BACKEND.json("GET " + USERS, "{\"items\":[%s],\"nextCursor\":null}".formatted(WORKER_JSON));
        test(more).click();

        assertThat(BACKEND.last("GET", USERS).query()).containsEntry("cursor", "handler-t02");
        assertThat(test(grid()).size()).isEqualTo(3);
        assertThat(more.isVisible()).isFalse();
    }

    // --- creating --------------------------------------------------------------------------------------------------

    @Test
    void gridWorkerCreatedThenItsTownshipTakenFromTheGridAndThePostSentOnce() {
        BACKEND.json("POST " + USERS, 201, user("9a9a9a9a-0000-4000-8000-000000000009", "worker9", "网格员九",
                "\"GRID_WORKER\"", T01, G01, true));
        navigate(UsersView.class);

        test($(Button.class).withId("users-new").single()).click();
        test($(TextField.class).withId("user-username").single()).setValue(" worker9 ");
        test($(TextField.class).withId("user-display-name").single()).setValue("网格员九");
        test($(CheckboxGroup.class).withId("user-roles").single()).selectItems("网格员");
        test($(Select.class).withId("user-grid").single()).selectItem("城关街道第一网格");
        assertThat($(Select.class).withId("user-unit").single().getValue()).extracting("name").isEqualTo("城关街道");
        test($(PasswordField.class).withId("user-password").single()).setValue(PASSWORD);
        test($(Button.class).withId("user-save").single()).click();

        assertThat(BACKEND.requests("POST", USERS)).hasSize(1);
        var sent = body(BACKEND.last("POST", USERS));
        assertThat(sent.path("username").asString()).isEqualTo("worker9");
        assertThat(sent.path("displayName").asString()).isEqualTo("网格员九");
        assertThat(sent.path("roles").values()).extracting(n -> n.asString()).containsExactly("GRID_WORKER");
        assertThat(sent.path("unitId").asString()).isEqualTo(T01);
        assertThat(sent.path("gridId").asString()).isEqualTo(G01);
        assertThat(sent.path("initialPassword").asString()).isEqualTo(PASSWORD);
        assertThat($(Dialog.class).withId("user-form").all()).as("the form closed").isEmpty();
        assertThat(notifications()).contains("用户 worker9 已创建。");
        assertThat(BACKEND.requests("GET", USERS)).hasSize(2);
        assertThat(everythingOnThePage()).noneMatch(t -> t.contains(PASSWORD));
    }

    @Test
    void formBreakingTheRulesThenTheFieldsMarkedAndNothingSent() {
        navigate(UsersView.class);
        test($(Button.class).withId("users-new").single()).click();

        TextField username = $(TextField.class).withId("user-username").single();
        test(username).setValue("Worker 9");
        test($(CheckboxGroup.class).withId("user-roles").single()).selectItems("网格员", "承办单位");
        PasswordField password = $(PasswordField.class).withId("user-password").single();
        test(password).setValue("short");
        test($(Button.class).withId("user-save").single()).click();

        assertThat(username.isInvalid()).isTrue();
        assertThat($(TextField.class).withId("user-display-name").single().isInvalid()).isTrue();
        Select<?> grid = $(Select.class).withId("user-grid").single();
        assertThat(grid.isInvalid()).isTrue();
        assertThat(grid.getErrorMessage()).isEqualTo("网格员须选择网格。");
        assertThat($(Select.class).withId("user-unit").single().getErrorMessage()).isEqualTo("承办单位账号须选择所属单位。");
        assertThat(password.getErrorMessage()).isEqualTo("密码至少 10 个字符。");

        test(username).setValue("worker9");
        test(password).setValue("my-WORKER9-pass");
        test($(Button.class).withId("user-save").single()).click();
        assertThat(password.getErrorMessage()).isEqualTo("密码不能包含用户名。");
        assertThat(BACKEND.requests("POST", USERS)).isEmpty();
    }

    @Test
    void usernameTakenThenTheBackendsDetailShownAndTheFormStaysOpen() {
        BACKEND.problem("POST " + USERS, 409, "The username worker1 is taken");
        navigate(UsersView.class);

        test($(Button.class).withId("users-new").single()).click();
        test($(TextField.class).withId("user-username").single()).setValue("worker1");
        test($(TextField.class).withId("user-display-name").single()).setValue("重名");
        test($(CheckboxGroup.class).withId("user-roles").single()).selectItems("话务员");
        test($(PasswordField.class).withId("user-password").single()).setValue(PASSWORD);
        test($(Button.class).withId("user-save").single()).click();

        assertThat(notifications()).containsExactly("The username worker1 is taken");
        assertThat($(Dialog.class).withId("user-form").single().isOpened()).isTrue();
    }

    // --- editing ---------------------------------------------------------------------------------------------------

    @Test
    void editedThenTheWholeAccountPutWithTheNewRolesAndTheListReadAgain() {
        BACKEND.json("PUT " + USERS + "/" + WORKER_ID, user(WORKER_ID, "worker1", "网格员张伟", "\"GRID_WORKER\","
                + "\"UNIT_HANDLER\"", T01, G01, true));
        navigate(UsersView.class);

        test(cellButton("users-grid", 2, 6)).click();
        assertThat($(TextField.class).withId("user-username").all()).as("a username never changes").isEmpty();
        assertThat($(PasswordField.class).withId("user-password").all()).isEmpty();
        assertThat($(Select.class).withId("user-grid").single().getValue()).extracting("name").isEqualTo("城关街道第一网格");
        test($(CheckboxGroup.class).withId("user-roles").single()).selectItems("网格员", "承办单位");
        test($(Button.class).withId("user-save").single()).click();

        var sent = body(BACKEND.last("PUT", USERS + "/" + WORKER_ID));
        assertThat(sent.path("roles").values()).extracting(n -> n.asString())
                .containsExactly("UNIT_HANDLER", "GRID_WORKER");
        assertThat(sent.path("displayName").asString()).isEqualTo("网格员张伟");
        assertThat(sent.path("unitId").asString()).isEqualTo(T01);
        assertThat(sent.path("gridId").asString()).isEqualTo(G01);
        assertThat(notifications()).contains("用户 worker1 已保存。");
        assertThat(BACKEND.requests("GET", USERS)).hasSize(2);
    }

    @Test
    void ownAdminRoleRemovedThenTheBackendsRefusalShown() {
        BACKEND.problem("PUT " + USERS + "/" + ADMIN_ID, 409,
                "You cannot remove your own ADMIN role; another administrator can");
        navigate(UsersView.class);

        test(cellButton("users-grid", 0, 6)).click();
        test($(CheckboxGroup.class).withId("user-roles").single()).selectItems("值班长");
        test($(Button.class).withId("user-save").single()).click();

        assertThat(notifications()).containsExactly("You cannot remove your own ADMIN role; another administrator can");
        assertThat($(Dialog.class).withId("user-form").single().isOpened()).isTrue();
    }

    // --- disabling and enabling ------------------------------------------------------------------------------------

    @Test
    void disableConfirmedThenPostSentAfterTheConfirmationSaysWhatHappensToTheSessions() {
        BACKEND.json("POST " + USERS + "/" + WORKER_ID + "/disable", user(WORKER_ID, "worker1", "网格员张伟",
                "\"GRID_WORKER\"", T01, G01, false));
        navigate(UsersView.class);

        test(cellButton("users-grid", 2, 7)).click();
        ConfirmDialog confirm = $(ConfirmDialog.class).withId("user-disable-confirm").single();
        assertThat(test(confirm).getText()).contains("无法登录", "15 分钟");
        assertThat(BACKEND.requests("POST", USERS + "/" + WORKER_ID + "/disable")).isEmpty();
        test(confirm).confirm();

        assertThat(BACKEND.requests("POST", USERS + "/" + WORKER_ID + "/disable")).hasSize(1);
        assertThat(notifications()).contains("worker1 已停用。");
        assertThat(BACKEND.requests("GET", USERS)).hasSize(2);
    }

    @Test
    void disabledAccountThenEnableOfferedAndSent() {
        BACKEND.json("POST " + USERS + "/" + HANDLER_ID + "/enable", user(HANDLER_ID, "handler-t02", "东湖镇受理员",
                "\"UNIT_HANDLER\"", T02, null, true));
        navigate(UsersView.class);

        test(cellButton("users-grid", 1, 7)).click();
        test($(ConfirmDialog.class).withId("user-enable-confirm").single()).confirm();

        assertThat(BACKEND.requests("POST", USERS + "/" + HANDLER_ID + "/enable")).hasSize(1);
        assertThat(notifications()).contains("handler-t02 已启用。");
    }

    // --- password reset --------------------------------------------------------------------------------------------

    @Test
    void passwordResetThenCheckedSentOnceAndGoneFromThePage() {
        BACKEND.noContent("POST " + USERS + "/" + WORKER_ID + "/password");
        navigate(UsersView.class);

        test(cellButton("users-grid", 2, 8)).click();
        PasswordField field = $(PasswordField.class).withId("user-new-password").single();
        test(field).setValue("worker1-new-pass");
        test($(Button.class).withId("user-password-save").single()).click();
        assertThat(field.getErrorMessage()).isEqualTo("密码不能包含用户名。");
        assertThat(BACKEND.requests("POST", USERS + "/" + WORKER_ID + "/password")).isEmpty();

        test(field).setValue("Brand-new-secret-42");
        test($(Button.class).withId("user-password-save").single()).click();

        assertThat(BACKEND.requests("POST", USERS + "/" + WORKER_ID + "/password")).hasSize(1);
        assertThat(body(BACKEND.last("POST", USERS + "/" + WORKER_ID + "/password")).path("newPassword").asString())
                .isEqualTo("Brand-new-secret-42");
        assertThat($(Dialog.class).withId("user-password-dialog").all()).isEmpty();
        assertThat(notifications()).contains("worker1 的密码已重置，请当面告知新密码。");
        assertThat(everythingOnThePage()).noneMatch(t -> t.contains("Brand-new-secret-42"));
    }

    // --- sign-in state (decisions 0036, 0037) ----------------------------------------------------------------------

    private static final String THROTTLED_JSON = """
            {"id":"%s","username":"worker1","displayName":"网格员张伟","roles":["GRID_WORKER"],"unitId":"%s",
             "gridId":"%s","enabled":true,"passwordChangeRequired":true,"throttledUntil":"2026-11-28T06:45:00Z",
             "createdAt":"2026-11-20T01:00:00Z","updatedAt":null}""".formatted(WORKER_ID, T01, G01);

    private Div signIn(int row) {
        return (Div) test(grid()).getCellComponent(row, 9);
    }

    /** The component of the sign-in cell with this id prefix (the grid renders cells on demand, not in the tree). */
    private <T extends Component> T inSignIn(int row, Class<T> type, String idPrefix) {
        return signIn(row).getChildren().filter(type::isInstance).map(type::cast)
                .filter(c -> c.getId().orElse("").startsWith(idPrefix)).findFirst().orElseThrow();
    }

    @Test
    void accountThatMustChangeItsPasswordAndIsThrottledThenBothShownWithTheTimeInTheCitysZoneAndAnUnlock() {
        BACKEND.json("GET " + USERS, "{\"items\":[%s,%s,%s],\"nextCursor\":null}"
                .formatted(ADMIN_JSON, HANDLER_JSON, THROTTLED_JSON));
        navigate(UsersView.class);

        assertThat(grid().getColumns().get(9).getHeaderText()).isEqualTo("登录");
        assertThat(inSignIn(2, Span.class, "user-mustchange-worker1").getText()).isEqualTo("待改密码");
        assertThat(inSignIn(2, Span.class, "user-throttled-worker1").getText()).isEqualTo("登录受限至 2026-11-28 14:45");
        assertThat(inSignIn(2, Button.class, "user-unlock-worker1").getText()).isEqualTo("解除限制");
        assertThat(signIn(0).getChildren()).as("the administrator: neither, and nothing to unlock").isEmpty();
        assertThat(signIn(1).getChildren()).isEmpty();
    }

    @Test
    void unlockConfirmedThenPostSentAfterTheConfirmationAndTheListReadAgain() {
        BACKEND.json("GET " + USERS, "{\"items\":[%s,%s,%s],\"nextCursor\":null}"
                .formatted(ADMIN_JSON, HANDLER_JSON, THROTTLED_JSON));
        BACKEND.json("POST " + USERS + "/" + WORKER_ID + "/unlock", WORKER_JSON);
        navigate(UsersView.class);

        test(inSignIn(2, Button.class, "user-unlock-worker1")).click();
        ConfirmDialog confirm = $(ConfirmDialog.class).withId("user-unlock-confirm").single();
        assertThat(test(confirm).getText()).contains("立即", "来源地址");
        assertThat(BACKEND.requests("POST", USERS + "/" + WORKER_ID + "/unlock")).isEmpty();
        test(confirm).confirm();

        assertThat(BACKEND.requests("POST", USERS + "/" + WORKER_ID + "/unlock")).hasSize(1);
        assertThat(notifications()).contains("worker1 的登录限制已解除。");
        assertThat(BACKEND.requests("GET", USERS)).hasSize(2);
    }

    @Test
    void unlockRefusedThenTheBackendsDetailShown() {
        BACKEND.json("GET " + USERS, "{\"items\":[%s],\"nextCursor\":null}".formatted(THROTTLED_JSON));
        BACKEND.problem("POST " + USERS + "/" + WORKER_ID + "/unlock", 404, "No user " + WORKER_ID);
        navigate(UsersView.class);

        test(inSignIn(0, Button.class, "user-unlock-worker1")).click();
        test($(ConfirmDialog.class).withId("user-unlock-confirm").single()).confirm();

        assertThat(notifications()).anyMatch(n -> n.contains("No user " + WORKER_ID));
    }

    // --- change history --------------------------------------------------------------------------------------------

    private static String change(long id, String type, String actor, String at, String changes) {
        return """
                {"id":%d,"userId":"%s","type":"%s","actor":"%s","occurredAt":"%s","changes":%s}"""
                .formatted(id, WORKER_ID, type, actor, at, changes);
    }

    private static final String HISTORY = """
            {"items":[%s,%s,%s,%s],"nextCursor":"21"}""".formatted(
            change(31, "UNLOCKED", "admin2", "2026-11-28T07:00:00Z",
                    "{\"throttled\":{\"before\":true,\"after\":false}}"),
            change(27, "UPDATED", "admin", "2026-11-27T06:30:00Z", """
                    {"roles":{"before":["GRID_WORKER"],"after":["GRID_WORKER","UNIT_HANDLER"]},
                     "gridId":{"before":"%s","after":"%s"}}""".formatted(G02, G01)),
            change(25, "PASSWORD_CHANGED", "worker1", "2026-11-26T02:00:00Z",
                    "{\"passwordChangeRequired\":{\"before\":true,\"after\":false}}"),
            change(22, "PASSWORD_RESET", "admin", "2026-11-26T01:00:00Z", "{}"));

    private List<String> historyRow(int row) {
        var grid = test($(Grid.class).withId("user-changes-grid").single());
        return List.of(grid.getCellText(row, 0), grid.getCellText(row, 1), grid.getCellText(row, 2),
                grid.getCellComponent(row, 3).getElement().getTextRecursively());
    }

    private void openWorkersHistory() {
        test(cellButton("users-grid", 2, 10)).click();
    }

    @Test
    void historyOpenedThenTheAccountsChangesNewestFirstWithEachFieldBeforeAndAfterAndUnitsByName() {
        BACKEND.json("GET " + USERS + "/" + WORKER_ID + "/changes", HISTORY);
        navigate(UsersView.class);
        assertThat(cellButton("users-grid", 2, 10).getText()).isEqualTo("变更记录");
        assertThat(BACKEND.requests("GET", USERS + "/" + WORKER_ID + "/changes")).as("read when asked").isEmpty();

        openWorkersHistory();

        assertThat(BACKEND.last("GET", USERS + "/" + WORKER_ID + "/changes").query())
                .containsExactlyEntriesOf(java.util.Map.of("limit", "50"));
        Dialog dialog = $(Dialog.class).withId("user-changes-dialog").single();
        assertThat(dialog.isOpened()).isTrue();
        assertThat(dialog.getHeaderTitle()).isEqualTo("worker1 的变更记录");
        assertThat(test($(Grid.class).withId("user-changes-grid").single()).size()).isEqualTo(4);
        assertThat(historyRow(0)).containsExactly("2026-11-28 15:00", "admin2", "解除登录限制", "登录受限：是 → 否");
        assertThat(historyRow(1)).containsExactly("2026-11-27 14:30", "admin", "修改",
                "角色：网格员 → 网格员、承办单位网格：东湖镇第一网格 → 城关街道第一网格");
        assertThat(historyRow(2).subList(1, 4)).containsExactly("worker1", "本人修改密码", "须修改密码：是 → 否");
        assertThat(historyRow(3).subList(2, 4)).containsExactly("重置密码", "");
        assertThat($(Button.class).withId("user-changes-more").single().isVisible()).isTrue();
    }

    @Test
    void moreHistoryAskedThenTheNextPageAppendedFromTheCursorAndCreationShowsEachValue() {
        BACKEND.json("GET " + USERS + "/" + WORKER_ID + "/changes", HISTORY);
        navigate(UsersView.class);
        openWorkersHistory();
        BACKEND.json("GET " + USERS + "/" + WORKER_ID + "/changes", """
                {"items":[%s],"nextCursor":null}""".formatted(change(21, "CREATED", "admin", "2026-11-20T01:00:00Z",
                """
                        {"username":{"before":null,"after":"worker1"},"displayName":{"before":null,"after":"网格员张伟"},
                         "roles":{"before":null,"after":["GRID_WORKER"]},"unitId":{"before":null,"after":"%s"},
                         "gridId":{"before":null,"after":"%s"},"enabled":{"before":null,"after":true}}"""
                        .formatted(T02, G02))));

        test($(Button.class).withId("user-changes-more").single()).click();

        assertThat(BACKEND.last("GET", USERS + "/" + WORKER_ID + "/changes").query())
                .containsEntry("cursor", "21").containsEntry("limit", "50");
        assertThat(test($(Grid.class).withId("user-changes-grid").single()).size()).isEqualTo(5);
        assertThat(historyRow(4)).containsExactly("2026-11-20 09:00", "admin", "创建",
                "用户名：worker1姓名：网格员张伟角色：网格员所属单位：东湖镇网格：东湖镇第一网格状态：启用");
        assertThat($(Button.class).withId("user-changes-more").all()).as("no further page").isEmpty();
    }

    @Test
    void englishThenTheHistoryInEnglish() {
        UI.getCurrent().setLocale(Locale.ENGLISH);
        BACKEND.json("GET " + USERS + "/" + WORKER_ID + "/changes", HISTORY);
        navigate(UsersView.class);

        openWorkersHistory();

        assertThat($(Dialog.class).withId("user-changes-dialog").single().getHeaderTitle())
                .isEqualTo("Change history of worker1");
        assertThat(historyRow(0).subList(2, 4)).containsExactly("Sign-in unlocked", "Sign-in blocked: Yes → No");
        assertThat(historyRow(3).get(2)).isEqualTo("Password reset");
    }

    @Test
    void historyRefusedThenTheBackendsDetailShownAndNothingListed() {
        BACKEND.problem("GET " + USERS + "/" + WORKER_ID + "/changes", 404, "No user " + WORKER_ID);
        navigate(UsersView.class);

        openWorkersHistory();

        assertThat(notifications()).anyMatch(n -> n.contains("No user " + WORKER_ID));
        assertThat(test($(Grid.class).withId("user-changes-grid").single()).size()).isZero();
        assertThat($(Button.class).withId("user-changes-more").all()).isEmpty();
    }
}
