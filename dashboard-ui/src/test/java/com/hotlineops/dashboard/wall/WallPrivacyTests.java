package com.hotlineops.dashboard.wall;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WallPrivacyTests {

    @Test
    void mobileNumberInFreeTextThenMaskedKeepingThreeDigitsInFrontAndTwoBehind() {
        assertThat(WallPrivacy.text("城关街道13912345678")).isEqualTo("城关街道139******78");
    }

    @Test
    void landlineAndLongerDigitRunsThenMaskedAndEveryRunOnItsOwn() {
        assertThat(WallPrivacy.text("值班 88881234 / 02788881234")).isEqualTo("值班 888***34 / 027******34");
    }

    @Test
    void shortNumbersThenLeftAsTheyAre() {
        assertThat(WallPrivacy.text("席位 A12")).isEqualTo("席位 A12");
        assertThat(WallPrivacy.text("第123456号")).isEqualTo("第123456号");
        assertThat(WallPrivacy.text(null)).isNull();
    }

    @Test
    void ticketNumberOfTheTicketFormThenShownWhole() {
        assertThat(WallPrivacy.ticketNumber("20261126000123")).isEqualTo("20261126000123");
    }

    @Test
    void ticketNumberNotOfTheTicketFormThenMasked() {
        assertThat(WallPrivacy.ticketNumber("13912345678")).isEqualTo("139******78");
        assertThat(WallPrivacy.ticketNumber("20261399000123")).as("no 13th month").isEqualTo("202*********23");
    }
}
