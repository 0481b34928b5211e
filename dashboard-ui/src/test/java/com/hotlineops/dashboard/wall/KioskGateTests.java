package com.hotlineops.dashboard.wall;

import static org.assertj.core.api.Assertions.assertThat;

import com.hotlineops.dashboard.wall.KioskGate.Admission;
import org.junit.jupiter.api.Test;

class KioskGateTests {

    private final KioskGate gate = new KioskGate("kiosk-demo");

    @Test
    void validTokenThenAdmitted() {
        assertThat(gate.admit(false, null, "kiosk-demo")).isEqualTo(Admission.BY_TOKEN);
    }

    @Test
    void wrongOrMissingTokenThenDenied() {
        assertThat(gate.admit(false, null, "kiosk-dem")).isEqualTo(Admission.DENIED);
        assertThat(gate.admit(false, null, "")).isEqualTo(Admission.DENIED);
        assertThat(gate.admit(false, null, null)).isEqualTo(Admission.DENIED);
    }

    @Test
    void sessionAlreadyAdmittedThenAdmittedWithoutToken() {
        assertThat(gate.admit(true, null, null)).isEqualTo(Admission.BY_SESSION);
    }

    @Test
    void cookieFromAnEarlierVisitThenAdmitted() {
        assertThat(gate.admit(false, gate.cookieValue(), null)).isEqualTo(Admission.BY_COOKIE);
    }

    @Test
    void cookieNeverContainsTheSecretItself() {
        assertThat(gate.cookieValue()).doesNotContain("kiosk-demo").hasSizeGreaterThan(30);
    }

    @Test
    void forgedCookieThenDenied() {
        assertThat(gate.admit(false, "kiosk-demo", null)).isEqualTo(Admission.DENIED);
        assertThat(gate.admit(false, gate.cookieValue() + "x", null)).isEqualTo(Admission.DENIED);
    }

    @Test
    void secretChangedThenOldCookiesDenied() {
        String oldCookie = gate.cookieValue();

        assertThat(new KioskGate("rotated-secret").admit(false, oldCookie, null)).isEqualTo(Admission.DENIED);
    }

    @Test
    void noSecretConfiguredThenNobodyIsAdmitted() {
        KioskGate closed = new KioskGate("");

        assertThat(closed.admit(false, null, "")).isEqualTo(Admission.DENIED);
        assertThat(closed.admit(true, null, null)).isEqualTo(Admission.DENIED);
    }
}
