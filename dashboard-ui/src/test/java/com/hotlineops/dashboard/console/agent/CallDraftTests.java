package com.hotlineops.dashboard.console.agent;

import static org.assertj.core.api.Assertions.assertThat;

import com.hotlineops.contract.ticket.Channel;
import com.hotlineops.contract.ticket.IntakeRequest;
import com.hotlineops.contract.ticket.TicketGrade;
import org.junit.jupiter.api.Test;

class CallDraftTests {

    private static CallDraft draft(Channel channel, String phone, String title, String content) {
        return new CallDraft(channel, " 张先生 ", phone, title, content, "0104", "  ", TicketGrade.STANDARD);
    }

    @Test
    void completeDraftThenNoProblemAndIntakeWithBlanksLeftOut() {
        CallDraft d = draft(Channel.HOTLINE, "13912345678", " 小区停水 ", "停水两天了");

        assertThat(d.problems()).isEmpty();
        IntakeRequest intake = d.toIntake("desk-1");
        assertThat(intake.externalId()).isEqualTo("desk-1");
        assertThat(intake.title()).isEqualTo("小区停水");
        assertThat(intake.citizen().name()).isEqualTo("张先生");
        assertThat(intake.location()).as("blank means absent").isNull();
        assertThat(intake.enterprise()).isNull();
    }

    @Test
    void missingTitleAndContentThenBothRequired() {
        assertThat(draft(Channel.HOTLINE, null, " ", null).problems())
                .containsEntry(CallDraft.Field.TITLE, "console.agent.error.required")
                .containsEntry(CallDraft.Field.CONTENT, "console.agent.error.required")
                .hasSize(2);
    }

    @Test
    void phoneWithLettersOrTooShortThenRefusedEmptyPhoneAllowed() {
        assertThat(draft(Channel.HOTLINE, "12", "t", "c").problems()).containsKey(CallDraft.Field.PHONE);
        assertThat(draft(Channel.HOTLINE, "139-1234", "t", "c").problems()).containsKey(CallDraft.Field.PHONE);
        assertThat(draft(Channel.HOTLINE, "", "t", "c").problems()).isEmpty();
        assertThat(draft(Channel.HOTLINE, "1".repeat(20), "t", "c").problems()).isEmpty();
        assertThat(draft(Channel.HOTLINE, "1".repeat(21), "t", "c").problems()).containsKey(CallDraft.Field.PHONE);
    }

    @Test
    void titleOverTheBackendsLimitThenRefusedAtTheLimitAccepted() {
        assertThat(draft(Channel.HOTLINE, null, "题".repeat(200), "c").problems()).isEmpty();
        assertThat(draft(Channel.HOTLINE, null, "题".repeat(201), "c").problems())
                .containsEntry(CallDraft.Field.TITLE, "console.agent.error.titleLength");
    }

    @Test
    void noChannelThenRequired() {
        assertThat(draft(null, null, "t", "c").problems()).containsOnlyKeys(CallDraft.Field.CHANNEL);
    }

    @Test
    void voiceChannelsThenEveryOutcomeOtherChannelsOnlyDispatch() {
        for (Channel channel : Channel.values()) {
            CallDraft d = draft(channel, null, "t", "c");
            boolean voice = channel == Channel.HOTLINE || channel == Channel.ENTERPRISE_LINE;
            assertThat(CallOutcome.DISPATCH.allowedFor(d)).as(channel.name()).isTrue();
            assertThat(CallOutcome.ANSWER.allowedFor(d)).as(channel.name()).isEqualTo(voice);
            assertThat(CallOutcome.EMERGENCY.allowedFor(d)).as(channel.name()).isEqualTo(voice);
        }
    }

    @Test
    void enterpriseLineThenMarkedEnterprise() {
        assertThat(draft(Channel.ENTERPRISE_LINE, null, "t", "c").toIntake("x").enterprise()).isTrue();
    }
}
