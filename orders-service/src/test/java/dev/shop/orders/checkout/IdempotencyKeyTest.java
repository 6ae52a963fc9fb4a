package dev.shop.orders.checkout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.shop.common.web.ProblemException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class IdempotencyKeyTest {

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {" ", "a b", "a/b", "é", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"})
    void malformedKeysAreRefusedNamingTheHeader(String key) {
        assertThatThrownBy(() -> IdempotencyKey.parse(key))
            .isInstanceOf(ProblemException.class)
            .satisfies(e -> assertThat(((ProblemException) e).problem().status()).isEqualTo(400));
    }

    @ParameterizedTest
    @ValueSource(strings = {"k", "order-2026_01", "0123456789"})
    void wellFormedKeysAreAccepted(String key) {
        assertThat(IdempotencyKey.parse(key).value()).isEqualTo(key);
    }
}
