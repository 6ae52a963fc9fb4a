package dev.shop.common.time;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

class TimestampsTest {

    @Test
    void aWholeSecondKeepsItsMillisecondsSoTimestampsSortAsStrings() {
        String onTheSecond = Timestamps.format(Instant.parse("2026-03-01T10:00:00Z"));
        String aMillisecondLater = Timestamps.format(Instant.parse("2026-03-01T10:00:00.001Z"));

        assertThat(onTheSecond).isEqualTo("2026-03-01T10:00:00.000Z");
        assertThat(onTheSecond).hasSameSizeAs(aMillisecondLater).isLessThan(aMillisecondLater);
        assertThat(Instant.parse(onTheSecond)).isEqualTo(Instant.parse("2026-03-01T10:00:00Z"));
    }

    @Test
    void finerThanAMillisecondIsCutNotRounded() {
        assertThat(Timestamps.format(Instant.parse("2026-03-01T10:00:00.999999Z"))).isEqualTo("2026-03-01T10:00:00.999Z");
    }

    @Test
    void nowReadsTheGivenClock() {
        Clock pinned = Clock.fixed(Instant.parse("2026-12-31T23:59:59.5Z"), ZoneOffset.UTC);

        assertThat(Timestamps.now(pinned)).isEqualTo("2026-12-31T23:59:59.500Z");
    }
}
