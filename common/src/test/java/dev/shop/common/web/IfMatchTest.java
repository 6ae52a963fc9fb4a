package dev.shop.common.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class IfMatchTest {

    @Test
    void aQuotedOrBareVersionMatchesThatVersionOnly() {
        assertThat(new IfMatch("\"3\"").matches(3)).isTrue();
        assertThat(new IfMatch("3").matches(3)).isTrue();
        assertThat(new IfMatch(" \"3\" ").matches(3)).isTrue();
        assertThat(new IfMatch("\"3\"").matches(4)).isFalse();
    }

    @Test
    void noHeaderOrAStarMatchesAnyVersion() {
        assertThat(new IfMatch(null).matches(7)).isTrue();
        assertThat(new IfMatch("*").matches(7)).isTrue();
        assertThat(new IfMatch(null).isConditional()).isFalse();
        assertThat(new IfMatch("*").isConditional()).isFalse();
    }

    @Test
    void aTagThatIsNoVersionOrIsWeakNeverMatches() {
        assertThat(new IfMatch("\"abc\"").matches(1)).isFalse();
        assertThat(new IfMatch("W/\"1\"").matches(1)).isFalse();
        assertThat(new IfMatch("\"-1\"").matches(-1)).isFalse();
        assertThat(new IfMatch("\"99999999999999999999\"").matches(1)).isFalse();
        assertThat(new IfMatch("\"abc\"").isConditional()).isTrue();
    }

    @Test
    void aListMatchesWhenAnyOfItsTagsDoes() {
        assertThat(new IfMatch("\"1\", \"3\"").matches(3)).isTrue();
        assertThat(new IfMatch("\"1\", \"2\"").matches(3)).isFalse();
        assertThat(new IfMatch("\"\"").matches(3)).isFalse();
    }

    @Test
    void theEtagOfAVersionIsItQuoted() {
        assertThat(IfMatch.etag(12)).isEqualTo("\"12\"");
        assertThat(new IfMatch(IfMatch.etag(12)).matches(12)).isTrue();
    }
}
