package com.hotlineops.core.enterprise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Unified social credit codes (GB 32100-2015) against published codes and a check computed here. */
class CreditCodeTests {

    private static final String SET = "0123456789ABCDEFGHJKLMNPQRTUWXY";

    /** Codes as the companies publish them on their licences and in the national enterprise credit system. */
    @ParameterizedTest
    @ValueSource(strings = {
            "914403001922038216", // 华为技术有限公司
            "91440300708461136T", // 深圳市腾讯计算机系统有限公司
            "91110108551385082Q", // 小米科技有限责任公司
            "91330100716105852F", // 阿里巴巴（中国）有限公司
            "91110000802100433B"  // 北京百度网讯科技有限公司
    })
    void publishedCodesAreValid(String code) {
        assertThat(new CreditCode(code).value()).isEqualTo(code);
        assertThat(CreditCode.isValid(code)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"914403001922038217", "91440300708461136X", "9144030019220382", "9144030019220382160",
            "91440300I922038216", "", "   "})
    void wrongCheckLengthOrCharacterIsRejected(String code) {
        assertThatIllegalArgumentException().isThrownBy(() -> new CreditCode(code));
    }

    @ParameterizedTest
    @ValueSource(strings = {" 91440300708461136t ", "91440300708461136t"})
    void lowerCaseAndBlanksAreNormalised(String code) {
        assertThat(new CreditCode(code).value()).isEqualTo("91440300708461136T");
    }

    /** The check character computed independently: Σ value·3^i mod 31 over the first 17, then 31 − that. */
    @Property
    void aCodeIsValidExactlyWhenItsLastCharacterIsTheCheck(@ForAll("first17") String body, @ForAll("character") char last) {
        long sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += SET.indexOf(body.charAt(i)) * (long) java.math.BigInteger.valueOf(3).modPow(
                    java.math.BigInteger.valueOf(i), java.math.BigInteger.valueOf(31)).intValue();
        }
        int check = (int) ((31 - sum % 31) % 31);
        assertThat(CreditCode.isValid(body + last)).isEqualTo(SET.charAt(check) == last);
        assertThat(CreditCode.isValid(body + SET.charAt(check))).isTrue();
    }

    /** Any single-character change of a valid code is caught (the weights are units modulo the prime 31). */
    @Property
    void changingOneCharacterOfAValidCodeMakesItInvalid(@ForAll("first17") String body, @ForAll("position") int at,
            @ForAll("character") char replacement) {
        String valid = body + CreditCode.checkCharacter(body);
        String changed = valid.substring(0, at) + replacement + valid.substring(at + 1);
        assertThat(CreditCode.isValid(changed)).isEqualTo(changed.equals(valid));
    }

    @Provide
    Arbitrary<String> first17() {
        return Arbitraries.strings().withChars(SET.toCharArray()).ofLength(17);
    }

    @Provide
    Arbitrary<Character> character() {
        return Arbitraries.of(SET.chars().mapToObj(c -> (char) c).toList());
    }

    @Provide
    Arbitrary<Integer> position() {
        return Arbitraries.integers().between(0, 17);
    }
}
