package com.hotlineops.core.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PhoneNumbersTests {

    @Test
    void mobileNumberThenMiddleFourMasked() {
        assertThat(PhoneNumbers.mask("13812345678")).isEqualTo("138****5678");
    }

    @Test
    void landlineWithAreaCodeThenOnlyEndsShown() {
        assertThat(PhoneNumbers.mask("02112345678")).isEqualTo("021****5678");
        assertThat(PhoneNumbers.mask("12345678")).isEqualTo("123*5678");
    }

    @Test
    void shortNumberThenOnlyLastTwoShownAndBlankThenNull() {
        assertThat(PhoneNumbers.mask("12345")).isEqualTo("***45");
        assertThat(PhoneNumbers.mask(" ")).isNull();
        assertThat(PhoneNumbers.mask(null)).isNull();
    }
}
