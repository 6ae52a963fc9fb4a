package dev.shop.local.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import org.junit.jupiter.api.Test;

class PasswordHasherTest {

    private final PasswordHasher hasher = new PasswordHasher(new SecureRandom());

    @Test
    void hashMatchesItsOwnPasswordOnly() {
        String stored = hasher.hash("Correct-Horse-9");

        assertThat(hasher.matches("Correct-Horse-9", stored)).isTrue();
        assertThat(hasher.matches("correct-Horse-9", stored)).isFalse();
    }

    @Test
    void samePasswordHashesDifferentlyEachTimeBecauseOfTheSalt() {
        assertThat(hasher.hash("Correct-Horse-9")).isNotEqualTo(hasher.hash("Correct-Horse-9"));
    }

    @Test
    void hashNamesItsSchemeAndIterationsAndNeverHoldsThePassword() {
        String stored = hasher.hash("Correct-Horse-9");

        assertThat(stored).startsWith("pbkdf2-sha256$").doesNotContain("Correct-Horse-9");
        assertThat(stored.split("\\$")).hasSize(4);
    }

    @Test
    void unrecognisedStoredValueMatchesNothing() {
        assertThat(hasher.matches("Correct-Horse-9", "plain:Correct-Horse-9")).isFalse();
    }
}
