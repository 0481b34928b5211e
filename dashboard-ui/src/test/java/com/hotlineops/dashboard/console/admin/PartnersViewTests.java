package com.hotlineops.dashboard.console.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.hotlineops.dashboard.console.FakeBackend;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The partner systems page without a browser (docs/partners.md §8, §10; decisions 0016, 0026, 0033): the list as the
 * backend has it; registering, changing and rotating checked before anything is sent, a change sent as a merge patch,
 * a key or secret shown once and gone from the page when the dialog closes; disabling and enabling confirmed with what
 * they do; the callbacks by state, replayed one at a time or all failed ones; the partner's change history, newest
 * first with each field before and after, read again after a change made on the page (decision 0038); refusals shown
 * as they come.
 */
class PartnersViewTests extends AdminViewTest {

    private static final String CITY_APP = "0f3c2a9e-4b7d-4c1e-9a8f-2d3b4c5e6f70";
    private static final String CPPCC = "1a2b3c4d-0000-4000-8000-000000000002";
    private static final String API_KEY = "hop.d633bd0d21605992.Uy9EKXlwkWKk3MO9Y-VUr1pEqf4ivw68v-Y2Ep-E6kU";
    private static final String SECRET = "kQ3v8Zp1xN4mT7sW0yB6cF9hJ2lR5uD8gA1eK4oP7iS";
    private static final String PARTNERS = "/api/v1/admin/partners";

    private static String partner(String id, String name, boolean enabled, String channels, String url) {
        return """
                {"id":"%s","name":"%s","channels":[%s],"webhookUrl":%s,"enabled":%s,
                 "createdAt":"2026-11-20T01:00:00Z","activeKeyIds":["d633bd0d21605992"],
                 "disabledAt":%s,"disabledBy":%s,"webhookSecretRotatedAt":null,"previousSecretExpiresAt":null}"""
                .formatted(id, name, channels, url == null ? "null" : "\"" + url + "\"", enabled,
                        enabled ? "null" : "\"2026-11-26T06:05:00Z\"", enabled ? "null" : "\"admin\"");
    }

    private static final String CITY_APP_JSON = partner(CITY_APP, "city-app", true, "\"CITY_APP\"",
            "https://app.example.cn/hotline/hook");
    private static final String CPPCC_JSON = partner(CPPCC, "cppcc-cloud", false, "\"CPPCC\",\"NPC_DEPUTY\"", null);

    private static String delivery(long id, String state, Integer httpStatus, String error) {
        return """
                {"id":%d,"eventId":"6f1c2a9e-4b7d-4c1e-9a8f-%012d","ticketNumber":"20261127%06d",
                 "externalId":"APP-%d","status":"DISPATCHED","occurredAt":"2026-11-27T02:15:30Z","state":"%s",
                 "attempts":%d,"lastAttemptAt":"2026-11-27T05:45:00Z","lastHttpStatus":%s,"lastError":%s,
                 "nextAttemptAt":%s,"deliveredAt":%s,"replays":0,"replayedAt":null,"replayedBy":null}"""
                .formatted(id, id, id, id, state, "FAILED".equals(state) ? 9 : 1,
                        httpStatus == null ? "null" : httpStatus, error == null ? "null" : "\"" + error + "\"",
                        "PENDING".equals(state) ? "\"2026-11-27T06:00:00Z\"" : "null",
                        "DELIVERED".equals(state) ? "\"2026-11-27T02:15:31Z\"" : "null");
    }

    private static String change(long id, String type, String actor, String at, String changes) {
        return """
                {"id":%d,"partnerId":"%s","type":"%s","actor":"%s","occurredAt":"%s","changes":%s}"""
                .formatted(id, CITY_APP, type, actor, at, changes);
    }

    private static final String HISTORY = """
            {"items":[%s,%s,%s,%s],"nextCursor":"9"}""".formatted(
            change(12, "UPDATED", "admin2", "2026-11-27T06:30:00Z", """
                    {"channels":{"before":["CITY_APP"],"after":["CITY_APP","OPEN311"]},
                     "webhookUrl":{"before":null,"after":"https://app.example.cn/v2/hook"}}"""),
            change(11, "KEY_ROTATED", "admin", "2026-11-27T02:00:00Z",
                    "{\"graceMinutes\":{\"before\":null,\"after\":1440}}"),
            change(10, "CALLBACKS_REPLAYED", "admin", "2026-11-26T08:00:00Z",
                    "{\"replayed\":{\"before\":null,\"after\":1},\"deliveryId\":{\"before\":null,\"after\":43}}"),
            change(9, "DISABLED", "admin", "2026-11-26T06:05:00Z",
                    "{\"enabled\":{\"before\":true,\"after\":false}}"));

    @BeforeEach
    void twoPartners() {
        BACKEND.json("GET " + PARTNERS, "[" + CITY_APP_JSON + "," + CPPCC_JSON + "]");
        BACKEND.json("GET " + PARTNERS + "/" + CITY_APP + "/deliveries", """
                {"items":[%s,%s],"nextCursor":"41"}""".formatted(delivery(43, "FAILED", 500, "HTTP 500"),
                delivery(42, "DELIVERED", 200, null)));
        BACKEND.json("GET " + PARTNERS + "/" + CITY_APP + "/changes", HISTORY);
        BACKEND.json("GET " + PARTNERS + "/" + CPPCC + "/changes", "{\"items\":[],\"nextCursor\":null}");
    }

    private void pickCityApp() {
        test($(Grid.class).withId("partners-grid").single()).select(0);
    }

    // --- the list --------------------------------------------------------------------------------------------------

    @Test
    void openedThenPartnersWithChannelsWebhookStateAndKeysShown() {
        navigate(PartnersView.class);

        var grid = test($(Grid.class).withId("partners-grid").single());
        assertThat(grid.size()).isEqualTo(2);
        assertThat(List.of(grid.getCellText(0, 0), grid.getCellText(0, 1), grid.getCellText(0, 2),
                grid.getCellText(0, 4), grid.getCellText(0, 5))).containsExactly("city-app", "益办事App",
                "https://app.example.cn/hotline/hook", "1 个：d633bd0d21605992", "2026-11-20 09:00");
        assertThat(grid.getCellText(1, 1)).isEqualTo("政协云微建议、人大代表民情通达");
        assertThat(grid.getCellText(1, 2)).isEqualTo("（不接收回调）");
        assertThat(grid.getCellComponent(1, 3).getElement().getTextRecursively())
                .isEqualTo("已停用2026-11-26 14:05 · admin");
        assertThat(grid.getCellComponent(0, 3).getElement().getText()).isEqualTo("启用");
        assertThat($(Div.class).withId("partner-detail").all()).as("hidden until a partner is picked").isEmpty();
    }

    // --- registering -----------------------------------------------------------------------------------------------

    @Test
    void registeredThenPostSentAndKeyAndSecretShownOnceThenGoneFromThePage() {
        BACKEND.json("POST " + PARTNERS, 201, """
                {"partner":%s,"apiKey":"%s","webhookSecret":"%s"}""".formatted(CITY_APP_JSON, API_KEY, SECRET));
        navigate(PartnersView.class);

        test($(Button.class).withId("partners-new").single()).click();
        test($(TextField.class).withId("partner-name").single()).setValue(" city-app ");
        test($(CheckboxGroup.class).withId("partner-channels").single()).selectItems("益办事App", "Open311");
        test($(TextField.class).withId("partner-webhook").single()).setValue("https://app.example.cn/hotline/hook");
        test($(Button.class).withId("partner-save").single()).click();

        var sent = body(BACKEND.last("POST", PARTNERS));
        assertThat(sent.path("name").asString()).isEqualTo("city-app");
        assertThat(sent.path("channels").values()).extracting(n -> n.asString())
                .containsExactly("CITY_APP", "OPEN311");
        assertThat(sent.path("webhookUrl").asString()).isEqualTo("https://app.example.cn/hotline/hook");
        Dialog secrets = $(Dialog.class).withId("partner-secrets").single();
        assertThat(secrets.isCloseOnEsc()).isFalse();
        assertThat(secrets.isCloseOnOutsideClick()).isFalse();
        assertThat($(TextField.class).withId("secret-api-key").single().getValue()).isEqualTo(API_KEY);
        assertThat($(TextField.class).withId("secret-webhook-secret").single().getValue()).isEqualTo(SECRET);
        assertThat($(Button.class).withId("secret-api-key-copy").all()).hasSize(1);
        assertThat($(Button.class).withId("secret-webhook-secret-copy").all()).hasSize(1);
        assertThat($(Div.class).withId("secrets-warning").single().getElement().getTextRecursively())
                .contains("只显示这一次");
        assertThat($(Dialog.class).withId("partner-form").all()).as("the form closed").isEmpty();
        assertThat(everythingOnThePage()).as("the page walk sees the dialog").anyMatch(t -> t.contains(API_KEY));

        test($(Button.class).withId("secrets-close").single()).click();

        assertThat($(Dialog.class).withId("partner-secrets").all()).isEmpty();
        assertThat(everythingOnThePage()).noneMatch(text -> text.contains(API_KEY) || text.contains(SECRET));
        assertThat(BACKEND.requests("GET", PARTNERS)).as("the list read again").hasSize(2);
    }

    @Test
    void registrationInvalidThenNothingSentAndEachFieldSaysWhy() {
        navigate(PartnersView.class);
        test($(Button.class).withId("partners-new").single()).click();
        TextField name = $(TextField.class).withId("partner-name").single();
        TextField webhook = $(TextField.class).withId("partner-webhook").single();
        test(name).setValue("City App");
        test(webhook).setValue("ftp://app.example.cn/hook");

        test($(Button.class).withId("partner-save").single()).click();

        assertThat(BACKEND.requests("POST", PARTNERS)).isEmpty();
        assertThat(name.isInvalid()).isTrue();
        assertThat($(CheckboxGroup.class).withId("partner-channels").single().isInvalid()).isTrue();
        assertThat(webhook.isInvalid()).isTrue();
        assertThat(webhook.getErrorMessage()).isEqualTo("请填写以 http:// 或 https:// 开头的完整地址，或留空。");
    }

    @Test
    void voiceChannelsThenNotOffered() {
        navigate(PartnersView.class);
        test($(Button.class).withId("partners-new").single()).click();

        @SuppressWarnings("unchecked")
        CheckboxGroup<Object> channels = $(CheckboxGroup.class).withId("partner-channels").single();
        assertThat(channels.getListDataView().getItems().map(Object::toString).toList())
                .doesNotContain("HOTLINE", "ENTERPRISE_LINE").contains("CITY_APP", "OPEN311");
    }

    @Test
    void nameTakenThenTheBackendsDetailShownAndTheFormStays() {
        BACKEND.problem("POST " + PARTNERS, 409, "A partner named city-app is already registered");
        navigate(PartnersView.class);

        test($(Button.class).withId("partners-new").single()).click();
        test($(TextField.class).withId("partner-name").single()).setValue("city-app");
        test($(CheckboxGroup.class).withId("partner-channels").single()).selectItem("益办事App");
        test($(Button.class).withId("partner-save").single()).click();

        assertThat(notifications()).containsExactly("A partner named city-app is already registered");
        assertThat($(Dialog.class).withId("partner-form").single().isOpened()).isTrue();
        assertThat($(Dialog.class).withId("partner-secrets").all()).isEmpty();
    }

    // --- the partner picked: rotations, disable, enable ------------------------------------------------------------

    @Test
    void partnerPickedThenEachDangerousActionExplainedBesideIt() {
        navigate(PartnersView.class);

        pickCityApp();

        assertThat($(Div.class).withId("partner-detail").single().isVisible()).isTrue();
        assertThat($(Paragraph.class).withId("partner-edit-explain-short").single().getText())
                .contains("渠道", "回调的接收地址");
        assertThat($(Paragraph.class).withId("partner-rotate-key-explain").single().getText())
                .contains("旧密钥在宽限期内仍可使用");
        assertThat($(Paragraph.class).withId("partner-rotate-secret-explain").single().getText())
                .contains("宽限期内另附旧密钥的签名");
        assertThat($(Paragraph.class).withId("partner-disable-explain").single().getText())
                .contains("403", "暂存队列、不会丢失");
        assertThat($(Paragraph.class).withId("deliveries-replay-all-explain").single().getText())
                .contains("同一 eventId");
    }

    @Test
    void pickedPartnerClickedAgainThenItsDetailStays() {
        navigate(PartnersView.class);
        pickCityApp();

        test($(Grid.class).withId("partners-grid").single()).clickRow(0);

        assertThat($(Div.class).withId("partner-detail").all()).hasSize(1);
    }

    @Test
    void editedThenAMergePatchWithChannelsAndUrlSentAndTheListReadAgain() {
        BACKEND.json("PATCH " + PARTNERS + "/" + CITY_APP, partner(CITY_APP, "city-app", true,
                "\"CITY_APP\",\"OPEN311\"", "https://app.example.cn/v2/hook"));
        navigate(PartnersView.class);
        pickCityApp();

        test($(Button.class).withId("partner-edit").single()).click();
        TextField name = $(TextField.class).withId("partner-name").single();
        assertThat(name.getValue()).isEqualTo("city-app");
        assertThat(name.isReadOnly()).isTrue();
        @SuppressWarnings("unchecked")
        CheckboxGroup<Object> channels = $(CheckboxGroup.class).withId("partner-channels").single();
        assertThat(channels.getValue()).extracting(Object::toString).containsExactly("CITY_APP");
        TextField webhook = $(TextField.class).withId("partner-webhook").single();
        assertThat(webhook.getValue()).isEqualTo("https://app.example.cn/hotline/hook");
        assertThat($(Paragraph.class).withId("partner-edit-explain").single().getText())
                .contains("排队中的回调立即发出", "正在发送的一次仍发往旧地址");
        test(channels).selectItem("Open311");
        test(webhook).setValue(" https://app.example.cn/v2/hook ");
        test($(Button.class).withId("partner-save").single()).click();

        FakeBackend.Request sent = BACKEND.last("PATCH", PARTNERS + "/" + CITY_APP);
        assertThat(sent.contentType()).startsWith("application/merge-patch+json");
        assertThat(body(sent).path("channels").values()).extracting(n -> n.asString())
                .containsExactly("CITY_APP", "OPEN311");
        assertThat(body(sent).path("webhookUrl").asString()).isEqualTo("https://app.example.cn/v2/hook");
        assertThat(body(sent).has("name")).as("the name is not the form's to change").isFalse();
        assertThat($(Dialog.class).withId("partner-edit-form").all()).as("the form closed").isEmpty();
        assertThat(notifications()).contains("city-app 已更新。");
        assertThat(BACKEND.requests("GET", PARTNERS)).as("the list read again").hasSize(2);
    }

    @Test
    void editedWithTheUrlEmptiedThenNullSentWhichRemovesIt() {
        BACKEND.json("PATCH " + PARTNERS + "/" + CITY_APP, partner(CITY_APP, "city-app", true, "\"CITY_APP\"",
                null));
        navigate(PartnersView.class);
        pickCityApp();

        test($(Button.class).withId("partner-edit").single()).click();
        test($(TextField.class).withId("partner-webhook").single()).setValue("");
        test($(Button.class).withId("partner-save").single()).click();

        var sent = body(BACKEND.last("PATCH", PARTNERS + "/" + CITY_APP));
        assertThat(sent.has("webhookUrl")).isTrue();
        assertThat(sent.get("webhookUrl").isNull()).isTrue();
        assertThat(sent.path("channels").values()).extracting(n -> n.asString()).containsExactly("CITY_APP");
    }

    @Test
    void editInvalidThenNothingSentAndEachFieldSaysWhy() {
        navigate(PartnersView.class);
        pickCityApp();

        test($(Button.class).withId("partner-edit").single()).click();
        test($(CheckboxGroup.class).withId("partner-channels").single()).deselectAll();
        TextField webhook = $(TextField.class).withId("partner-webhook").single();
        test(webhook).setValue("ftp://app.example.cn/hook");
        test($(Button.class).withId("partner-save").single()).click();

        assertThat(BACKEND.requests()).filteredOn(r -> r.method().equals("PATCH")).isEmpty();
        assertThat($(CheckboxGroup.class).withId("partner-channels").single().isInvalid()).isTrue();
        assertThat(webhook.isInvalid()).isTrue();
        assertThat($(Dialog.class).withId("partner-edit-form").single().isOpened()).isTrue();
    }

    @Test
    void editRefusedThenTheBackendsDetailShownAndTheFormStays() {
        BACKEND.problem("PATCH " + PARTNERS + "/" + CITY_APP, 400,
                "webhookUrl must be an absolute http or https URL (or null for none)");
        navigate(PartnersView.class);
        pickCityApp();

        test($(Button.class).withId("partner-edit").single()).click();
        test($(Button.class).withId("partner-save").single()).click();

        assertThat(notifications()).containsExactly(
                "webhookUrl must be an absolute http or https URL (or null for none)");
        assertThat($(Dialog.class).withId("partner-edit-form").single().isOpened()).isTrue();
    }

    @Test
    void keyRotatedWithAGracePeriodThenPostSentAndTheNewKeyShownOnceWithTheExpiry() {
        BACKEND.json("POST " + PARTNERS + "/" + CITY_APP + "/keys", 201, """
                {"keyId":"a1b2c3d4e5f60718","apiKey":"%s","previousKeysExpireAt":"2026-11-27T03:30:00Z"}"""
                .formatted(API_KEY));
        navigate(PartnersView.class);
        pickCityApp();

        test($(Button.class).withId("partner-rotate-key").single()).click();
        assertThat($(IntegerField.class).withId("rotate-grace").single().getValue())
                .isEqualTo(RotationDialog.DEFAULT_GRACE_MINUTES);
        test($(IntegerField.class).withId("rotate-grace").single()).setValue(90);
        test($(Button.class).withId("rotate-confirm").single()).click();

        assertThat(body(BACKEND.last("POST", PARTNERS + "/" + CITY_APP + "/keys")).path("graceMinutes").asInt())
                .isEqualTo(90);
        assertThat($(Dialog.class).withId("rotate-dialog").all()).isEmpty();
        assertThat($(TextField.class).withId("secret-api-key").single().getValue()).isEqualTo(API_KEY);
        assertThat($(Paragraph.class).withId("secrets-note").single().getText())
                .isEqualTo("原有密钥于 2026-11-27 11:30 失效。");
        test($(Button.class).withId("secrets-close").single()).click();
        assertThat(everythingOnThePage()).noneMatch(text -> text.contains(API_KEY));
    }

    @Test
    void graceOutOfRangeThenNothingSent() {
        navigate(PartnersView.class);
        pickCityApp();

        test($(Button.class).withId("partner-rotate-secret").single()).click();
        IntegerField grace = $(IntegerField.class).withId("rotate-grace").single();
        grace.setValue(RotationDialog.MAX_GRACE_MINUTES + 1); // above the field's maximum: typed, it still arrives
        test($(Button.class).withId("rotate-confirm").single()).click();

        assertThat(grace.isInvalid()).isTrue();
        // only what this page sends: the wall's own sign-in may reach the same fake backend meanwhile
        assertThat(BACKEND.requests()).filteredOn(r -> r.method().equals("POST") && r.path().startsWith(PARTNERS))
                .isEmpty();
        assertThat($(Dialog.class).withId("rotate-dialog").single().isOpened()).isTrue();
    }

    @Test
    void webhookSecretRotatedThenTheNewSecretShownWithTheCoSigningPeriod() {
        BACKEND.json("POST " + PARTNERS + "/" + CITY_APP + "/webhook-secret", 201, """
                {"webhookSecret":"%s","previousSecretExpiresAt":"2026-11-28T01:00:00Z"}""".formatted(SECRET));
        navigate(PartnersView.class);
        pickCityApp();

        test($(Button.class).withId("partner-rotate-secret").single()).click();
        test($(IntegerField.class).withId("rotate-grace").single()).setValue(0);
        test($(Button.class).withId("rotate-confirm").single()).click();

        assertThat(body(BACKEND.last("POST", PARTNERS + "/" + CITY_APP + "/webhook-secret")).path("graceMinutes")
                .asInt(-1)).isZero();
        assertThat($(TextField.class).withId("secret-webhook-secret").single().getValue()).isEqualTo(SECRET);
        assertThat($(TextField.class).withId("secret-api-key").all()).isEmpty();
    }

    @Test
    void rotationRefusedThenTheBackendsDetailShownAndNoSecretDialog() {
        BACKEND.problem("POST " + PARTNERS + "/" + CITY_APP + "/keys", 404, "No partner " + CITY_APP);
        navigate(PartnersView.class);
        pickCityApp();

        test($(Button.class).withId("partner-rotate-key").single()).click();
        test($(Button.class).withId("rotate-confirm").single()).click();

        assertThat(notifications()).containsExactly("No partner " + CITY_APP);
        assertThat($(Dialog.class).withId("partner-secrets").all()).isEmpty();
        assertThat($(Dialog.class).withId("rotate-dialog").single().isOpened()).isTrue();
    }

    @Test
    void disableConfirmedThenPostSentAndTheListReadAgain() {
        BACKEND.json("POST " + PARTNERS + "/" + CITY_APP + "/disable",
                partner(CITY_APP, "city-app", false, "\"CITY_APP\"", null));
        navigate(PartnersView.class);
        pickCityApp();

        test($(Button.class).withId("partner-disable").single()).click();
        ConfirmDialog confirm = $(ConfirmDialog.class).withId("partner-disable-confirm").single();
        assertThat(test(confirm).getText()).contains("403", "不会丢失");
        assertThat(BACKEND.requests("POST", PARTNERS + "/" + CITY_APP + "/disable")).isEmpty();
        test(confirm).confirm();

        assertThat(BACKEND.requests("POST", PARTNERS + "/" + CITY_APP + "/disable")).hasSize(1);
        assertThat(notifications()).contains("city-app 已停用。");
        assertThat(BACKEND.requests("GET", PARTNERS)).hasSize(2);
    }

    @Test
    void disabledPartnerPickedThenEnableOfferedAndSent() {
        BACKEND.json("POST " + PARTNERS + "/" + CPPCC + "/enable", partner(CPPCC, "cppcc-cloud", true, "\"CPPCC\"",
                null));
        BACKEND.json("GET " + PARTNERS + "/" + CPPCC + "/deliveries", "{\"items\":[],\"nextCursor\":null}");
        navigate(PartnersView.class);
        test($(Grid.class).withId("partners-grid").single()).select(1);

        assertThat($(Button.class).withId("partner-disable").all()).isEmpty();
        assertThat($(Paragraph.class).withId("partner-enable-explain").single().getText()).contains("立即一并发出");
        test($(Button.class).withId("partner-enable").single()).click();
        test($(ConfirmDialog.class).withId("partner-enable-confirm").single()).confirm();

        assertThat(BACKEND.requests("POST", PARTNERS + "/" + CPPCC + "/enable")).hasSize(1);
    }

    @Test
    void disableRefusedThenTheBackendsDetailShown() {
        BACKEND.problem("POST " + PARTNERS + "/" + CITY_APP + "/disable", 403, "Access Denied");
        navigate(PartnersView.class);
        pickCityApp();

        test($(Button.class).withId("partner-disable").single()).click();
        test($(ConfirmDialog.class).withId("partner-disable-confirm").single()).confirm();

        assertThat(notifications()).containsExactly("Access Denied");
    }

    // --- status callbacks ------------------------------------------------------------------------------------------

    @Test
    void partnerPickedThenItsCallbacksAskedAndShownWithAttemptsAndLastResult() {
        navigate(PartnersView.class);

        pickCityApp();

        assertThat(BACKEND.last("GET", PARTNERS + "/" + CITY_APP + "/deliveries").query())
                .containsExactlyEntriesOf(java.util.Map.of("limit", "50"));
        var grid = test($(Grid.class).withId("deliveries-grid").single());
        assertThat(grid.size()).isEqualTo(2);
        assertThat(List.of(grid.getCellText(0, 0), grid.getCellText(0, 1), grid.getCellText(0, 2),
                grid.getCellText(0, 4), grid.getCellText(0, 5), grid.getCellText(0, 6), grid.getCellText(0, 8)))
                .containsExactly("43", "20261127000043", "待签收", "已放弃", "9", "HTTP 500", "已用完重试");
        assertThat(grid.getCellText(1, 8)).isEqualTo("送达 2026-11-27 10:15");
        assertThat(cellButton("deliveries-grid", 0, 10).getId()).hasValue("delivery-replay-43");
        assertThat(grid.getCellComponent(1, 10)).as("a delivered callback is no replay")
                .isNotInstanceOf(Button.class);
        assertThat($(Button.class).withId("deliveries-more").single().isVisible()).isTrue();
    }

    @Test
    void stateChosenAndMoreAskedThenSentAsTheBackendsQuery() {
        navigate(PartnersView.class);
        pickCityApp();

        test($(Select.class).withId("deliveries-state").single()).selectItem("已放弃");
        assertThat(BACKEND.last("GET", PARTNERS + "/" + CITY_APP + "/deliveries").query())
                .containsEntry("state", "FAILED").doesNotContainKey("cursor");
        BACKEND.json("GET " + PARTNERS + "/" + CITY_APP + "/deliveries", """
                {"items":[%s],"nextCursor":null}""".formatted(delivery(40, "FAILED", null, "timeout")));
        test($(Button.class).withId("deliveries-more").single()).click();

        assertThat(BACKEND.last("GET", PARTNERS + "/" + CITY_APP + "/deliveries").query())
                .containsEntry("state", "FAILED").containsEntry("cursor", "41");
        var grid = test($(Grid.class).withId("deliveries-grid").single());
        assertThat(grid.size()).isEqualTo(3);
        assertThat(grid.getCellText(2, 6)).isEqualTo("timeout");
        assertThat($(Button.class).withId("deliveries-more").all()).as("no further page").isEmpty();
    }

    @Test
    void lastErrorWithTheEndpointsAnswerOrWithoutAStatusThenShownAsTheBackendWroteIt() {
        BACKEND.json("GET " + PARTNERS + "/" + CITY_APP + "/deliveries", """
                {"items":[%s,%s],"nextCursor":null}""".formatted(
                delivery(45, "PENDING", 500, "HTTP 500: <h1>503 维护中</h1>"),
                delivery(44, "PENDING", null, "connection refused: app.example.cn:443")));
        navigate(PartnersView.class);

        pickCityApp();

        var grid = test($(Grid.class).withId("deliveries-grid").single());
        assertThat(grid.getCellText(0, 6)).isEqualTo("HTTP 500: <h1>503 维护中</h1>");
        assertThat(grid.getCellText(1, 6)).isEqualTo("connection refused: app.example.cn:443");
    }

    @Test
    void failedCallbackReplayedThenPostSentAfterConfirmation() {
        BACKEND.json("POST " + PARTNERS + "/" + CITY_APP + "/deliveries/43/replay",
                delivery(43, "PENDING", 500, "HTTP 500"));
        navigate(PartnersView.class);
        pickCityApp();

        test(cellButton("deliveries-grid", 0, 10)).click();
        ConfirmDialog confirm = $(ConfirmDialog.class).withId("delivery-replay-confirm").single();
        assertThat(test(confirm).getText()).contains("20261127000043", "同一 eventId");
        assertThat(BACKEND.requests("POST", PARTNERS + "/" + CITY_APP + "/deliveries/43/replay")).isEmpty();
        test(confirm).confirm();

        assertThat(BACKEND.requests("POST", PARTNERS + "/" + CITY_APP + "/deliveries/43/replay")).hasSize(1);
        assertThat(notifications()).contains("回调 #43 已重新排队（待发送）。");
    }

    @Test
    void allFailedReplayedThenHowManyShown() {
        BACKEND.json("POST " + PARTNERS + "/" + CITY_APP + "/deliveries/replay", "{\"replayed\":2}");
        navigate(PartnersView.class);
        pickCityApp();

        test($(Button.class).withId("deliveries-replay-all").single()).click();
        test($(ConfirmDialog.class).withId("deliveries-replay-all-confirm").single()).confirm();

        assertThat(BACKEND.requests("POST", PARTNERS + "/" + CITY_APP + "/deliveries/replay")).hasSize(1);
        assertThat(notifications()).contains("已重新排队 2 条回调。");
    }

    @Test
    void replayRefusedThenTheBackendsDetailShown() {
        BACKEND.problem("POST " + PARTNERS + "/" + CITY_APP + "/deliveries/43/replay", 409,
                "Delivery 43 was delivered; only a FAILED callback is replayed");
        navigate(PartnersView.class);
        pickCityApp();

        test(cellButton("deliveries-grid", 0, 10)).click();
        test($(ConfirmDialog.class).withId("delivery-replay-confirm").single()).confirm();

        assertThat(notifications()).containsExactly("Delivery 43 was delivered; only a FAILED callback is replayed");
    }

    // --- change history --------------------------------------------------------------------------------------------

    private List<String> historyRow(int row) {
        var grid = test($(Grid.class).withId("partner-changes-grid").single());
        return List.of(grid.getCellText(row, 0), grid.getCellText(row, 1), grid.getCellText(row, 2),
                grid.getCellComponent(row, 3).getElement().getTextRecursively());
    }

    @Test
    void partnerPickedThenItsChangeHistoryShownNewestFirstWithEachFieldBeforeAndAfter() {
        navigate(PartnersView.class);

        pickCityApp();

        assertThat(BACKEND.last("GET", PARTNERS + "/" + CITY_APP + "/changes").query())
                .containsExactlyEntriesOf(Map.of("limit", "50"));
        assertThat($(Div.class).withId("partner-changes").single().getElement().getTextRecursively())
                .contains("变更记录", "密钥与签名密钥从不记录");
        assertThat(test($(Grid.class).withId("partner-changes-grid").single()).size()).isEqualTo(4);
        assertThat(historyRow(0)).containsExactly("2026-11-27 14:30", "admin2", "修改渠道或回调地址",
                "渠道：益办事App → 益办事App、Open311回调地址：（不接收回调） → https://app.example.cn/v2/hook");
        assertThat(historyRow(1)).containsExactly("2026-11-27 10:00", "admin", "轮换 API 密钥", "宽限期：1440 分钟");
        assertThat(historyRow(2).get(3)).isEqualTo("重新排队的回调：1回调：#43");
        assertThat(historyRow(3).subList(2, 4)).containsExactly("停用", "状态：启用 → 已停用");
        assertThat($(Button.class).withId("partner-changes-more").single().isVisible()).isTrue();
    }

    @Test
    void moreHistoryAskedThenTheNextPageAppendedFromTheCursor() {
        navigate(PartnersView.class);
        pickCityApp();
        BACKEND.json("GET " + PARTNERS + "/" + CITY_APP + "/changes", """
                {"items":[%s],"nextCursor":null}""".formatted(change(8, "REGISTERED", "admin",
                "2026-11-20T01:00:00Z", """
                        {"name":{"before":null,"after":"city-app"},"channels":{"before":null,"after":["CITY_APP"]},
                         "webhookUrl":{"before":null,"after":"https://app.example.cn/hotline/hook"},
                         "enabled":{"before":null,"after":true}}""")));

        test($(Button.class).withId("partner-changes-more").single()).click();

        assertThat(BACKEND.last("GET", PARTNERS + "/" + CITY_APP + "/changes").query())
                .containsEntry("cursor", "9").containsEntry("limit", "50");
        assertThat(test($(Grid.class).withId("partner-changes-grid").single()).size()).isEqualTo(5);
        assertThat(historyRow(4)).containsExactly("2026-11-20 09:00", "admin", "注册",
                "名称：city-app渠道：益办事App回调地址：https://app.example.cn/hotline/hook状态：启用");
        assertThat($(Button.class).withId("partner-changes-more").all()).as("no further page").isEmpty();
    }

    @Test
    void changeMadeOnThePageThenTheHistoryReadAgain() {
        BACKEND.json("POST " + PARTNERS + "/" + CITY_APP + "/disable",
                partner(CITY_APP, "city-app", false, "\"CITY_APP\"", null));
        navigate(PartnersView.class);
        pickCityApp();
        assertThat(BACKEND.requests("GET", PARTNERS + "/" + CITY_APP + "/changes")).hasSize(1);

        test($(Button.class).withId("partner-disable").single()).click();
        test($(ConfirmDialog.class).withId("partner-disable-confirm").single()).confirm();

        assertThat(BACKEND.requests("GET", PARTNERS + "/" + CITY_APP + "/changes")).hasSize(2);
        assertThat(BACKEND.last("GET", PARTNERS + "/" + CITY_APP + "/changes").query()).doesNotContainKey("cursor");
    }

    @Test
    void englishThenTheHistoryInEnglish() {
        UI.getCurrent().setLocale(Locale.ENGLISH);
        navigate(PartnersView.class);

        pickCityApp();

        assertThat($(Div.class).withId("partner-changes").single().getElement().getTextRecursively())
                .contains("Change history", "Keys and secrets are never recorded");
        assertThat(historyRow(0).subList(2, 4)).containsExactly("Channels or URL changed",
                "Channels: City app → City app、Open311Callback URL: (no callbacks) → https://app.example.cn/v2/hook");
        assertThat(historyRow(1).subList(2, 4)).containsExactly("API key rotated", "Grace period: 1440 min");
    }

    @Test
    void historyRefusedThenTheBackendsDetailShownAndTheRestOfThePageStays() {
        BACKEND.problem("GET " + PARTNERS + "/" + CITY_APP + "/changes", 404, "No partner " + CITY_APP);
        navigate(PartnersView.class);

        pickCityApp();

        assertThat(notifications()).containsExactly("No partner " + CITY_APP);
        assertThat(test($(Grid.class).withId("partner-changes-grid").single()).size()).isZero();
        assertThat(test($(Grid.class).withId("deliveries-grid").single()).size()).isEqualTo(2);
    }
}
