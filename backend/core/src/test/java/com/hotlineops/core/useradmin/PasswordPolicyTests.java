package com.hotlineops.core.useradmin;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The password rules of decision 0032, and that a refusal never repeats the password. */
class PasswordPolicyTests {

    @Test
    void tenCharactersWithoutTheUsernameThenAccepted() {
        assertThatCode(() -> PasswordPolicy.check("abcdefghij", "worker9")).doesNotThrowAnyException();
        assertThatCode(() -> PasswordPolicy.check("网格员的密码一二三四", "worker9")).as("ten characters, 30 bytes")
                .doesNotThrowAnyException();
    }

    @Test
    void nineCharactersOrNoneThenRefused() {
        assertThatThrownBy(() -> PasswordPolicy.check("abcdefghi", "worker9")).isInstanceOf(InvalidUserException.class)
                .hasMessageContaining("at least 10");
        assertThatThrownBy(() -> PasswordPolicy.check(null, "worker9")).isInstanceOf(InvalidUserException.class);
    }

    @Test
    void moreThanSeventyTwoBytesThenRefusedSinceBcryptWouldCutIt() {
        assertThatCode(() -> PasswordPolicy.check("a".repeat(72), "worker9")).doesNotThrowAnyException();
        assertThatThrownBy(() -> PasswordPolicy.check("密".repeat(25), "worker9"))
                .as("25 characters, 75 bytes").hasMessageContaining("72 bytes");
    }

    @Test
    void onlyWhiteSpaceThenRefused() {
        assertThatThrownBy(() -> PasswordPolicy.check(" ".repeat(12), "worker9")).hasMessageContaining("white space");
    }

    @Test
    void containingTheUsernameInAnyCaseThenRefusedWithoutRepeatingThePassword() {
        assertThatThrownBy(() -> PasswordPolicy.check("my-WORKER9-pass", "worker9"))
                .hasMessageContaining("must not contain the username").message().doesNotContain("my-WORKER9-pass");
    }
}
