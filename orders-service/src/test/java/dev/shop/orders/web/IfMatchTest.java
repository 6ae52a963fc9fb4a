package dev.shop.orders.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class IfMatchTest {

    @Test
    void quotedBareWeakAndStarMatch() {
        assertThat(IfMatch.allows("\"3\"", 3)).isTrue();
        assertThat(IfMatch.allows("3", 3)).isTrue();
        assertThat(IfMatch.allows("W/\"3\"", 3)).isTrue();
        assertThat(IfMatch.allows("*", 3)).isTrue();
        assertThat(IfMatch.allows("\"1\", \"3\"", 3)).isTrue();
        assertThat(IfMatch.allows(null, 3)).isTrue();
    }

    @Test
    void otherVersionsAndGarbageDoNotMatch() {
        assertThat(IfMatch.allows("\"2\"", 3)).isFalse();
        assertThat(IfMatch.allows("abc", 3)).isFalse();
        assertThat(IfMatch.allows("\"\"", 3)).isFalse();
    }
}
