package dev.shop.common.retry;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BackoffTest {

    @Test
    void theCeilingDoublesFromTenMillisecondsUntilItReachesItsCap() {
        assertThat(Backoff.ceilingMillis(0)).isEqualTo(10);
        assertThat(Backoff.ceilingMillis(1)).isEqualTo(20);
        assertThat(Backoff.ceilingMillis(4)).isEqualTo(160);
        assertThat(Backoff.ceilingMillis(5)).isEqualTo(250);
        assertThat(Backoff.ceilingMillis(60)).isEqualTo(250);
    }
}
