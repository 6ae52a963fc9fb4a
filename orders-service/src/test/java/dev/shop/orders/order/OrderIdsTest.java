package dev.shop.orders.order;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import dev.shop.common.routes.PathIds;
import org.junit.jupiter.api.Test;

class OrderIdsTest {

    @Test
    void idsAreWhatThePathCheckAcceptsAsOrderIds() {
        String id = new OrderIds(Clock.systemUTC()).next();

        assertThat(PathIds.ORDER.isWellFormed(id)).as(id).isTrue();
    }

    @Test
    void idsSortByTimeAndIncreaseWithinOneMillisecond() {
        Clock frozen = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);
        OrderIds sameMillisecond = new OrderIds(frozen);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            ids.add(sameMillisecond.next());
        }
        String later = new OrderIds(Clock.fixed(Instant.parse("2026-01-01T00:00:00.001Z"), ZoneOffset.UTC)).next();

        assertThat(ids).isSorted().doesNotHaveDuplicates();
        assertThat(later).isGreaterThan(ids.get(ids.size() - 1));
    }

    @Test
    void timestampIsEncodedInTheFirstTenCharacters() {
        assertThat(OrderIds.encode(0, new byte[10])).isEqualTo("00000000000000000000000000");
        assertThat(OrderIds.encode(1, new byte[10])).startsWith("0000000001");
        assertThat(OrderIds.encode((1L << 48) - 1, new byte[10])).startsWith("7ZZZZZZZZZ");
    }
}
