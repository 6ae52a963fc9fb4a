package dev.shop.orders.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue;
import dev.shop.common.live.LiveApi;
import org.junit.jupiter.api.Test;

/** The rules that turn a committed item change into domain events. */
class StreamChangeTest {

    private static final long THRESHOLD = 5;

    @Test
    void insertedOrderIsPlacedForItsOwnerAndAdmins() {
        List<ShopEvent> events = change("INSERT", null, order("PLACED")).events(THRESHOLD);

        assertThat(events).singleElement().isInstanceOfSatisfying(ShopEvent.OrderPlaced.class, placed -> {
            assertThat(placed.orderId()).isEqualTo("o1");
            assertThat(placed.totalCents()).isEqualTo(2_500);
            assertThat(placed.audience().ownerUserId()).isEqualTo("u1");
        });
    }

    @Test
    void statusChangeCarriesFromAndTo() {
        List<ShopEvent> events = change("MODIFY", order("PLACED"), order("SHIPPED")).events(THRESHOLD);

        assertThat(events).singleElement().isEqualTo(
            new ShopEvent.OrderStatusChanged("e1", "2026-01-01T00:00:00Z", "o1", "u1", "PLACED", "SHIPPED"));
    }

    @Test
    void moveToCancelledIsACancellation() {
        assertThat(change("MODIFY", order("PLACED"), order("CANCELLED")).events(THRESHOLD))
            .singleElement().isInstanceOf(ShopEvent.OrderCancelled.class);
    }

    @Test
    void orderWriteWithoutStatusChangeIsNoEvent() {
        assertThat(change("MODIFY", order("SHIPPED"), order("SHIPPED")).events(THRESHOLD)).isEmpty();
    }

    @Test
    void orderWithAnUnknownStatusIsAnUnreadableRecord() {
        assertThatThrownBy(() -> change("INSERT", null, order("LOST")).events(THRESHOLD)).isInstanceOf(UnreadableRecord.class);
    }

    @Test
    void stockCrossingTheThresholdDownwardsIsLowStockOnce() {
        assertThat(change("MODIFY", product(6, false), product(5, false)).events(THRESHOLD))
            .singleElement().isInstanceOfSatisfying(ShopEvent.StockLow.class, low -> {
                assertThat(low.available()).isEqualTo(5);
                assertThat(low.audience()).isEqualTo(ShopEvent.Audience.ADMINS);
            });
        assertThat(change("MODIFY", product(5, false), product(4, false)).events(THRESHOLD)).isEmpty();
        assertThat(change("MODIFY", product(3, false), product(9, false)).events(THRESHOLD)).isEmpty();
    }

    @Test
    void softDeleteAndRemovalAreProductDeleted() {
        assertThat(change("MODIFY", product(9, false), product(9, true)).events(THRESHOLD))
            .singleElement().isInstanceOf(ShopEvent.ProductDeleted.class);
        assertThat(change("REMOVE", product(9, false), null).events(THRESHOLD))
            .singleElement().isInstanceOf(ShopEvent.ProductDeleted.class);
        assertThat(change("REMOVE", product(9, true), null).events(THRESHOLD)).isEmpty();
    }

    @Test
    void otherItemTypesAreNoEvent() {
        Map<String, AttributeValue> cartLine = Map.of("PK", s("CART#u1"), "SK", s("LINE#p1"));

        assertThat(change("INSERT", null, cartLine).events(THRESHOLD)).isEmpty();
    }

    @Test
    void handlerClassesAreTheOnesTheWiringNames() {
        assertThat(LiveApi.AUTHORIZER_HANDLER).isEqualTo(LiveAuthorizerFunction.class.getName());
        assertThat(LiveApi.CONNECTIONS_HANDLER).isEqualTo(LiveConnectionsFunction.class.getName());
        assertThat(LiveApi.STREAM_HANDLER).isEqualTo(OrderEventsFunction.class.getName());
    }

    @Test
    void tokenIsTheSubprotocolHeadersOtherEntry() {
        assertThat(LiveAuthorizerFunction.token(Map.of("Sec-WebSocket-Protocol", "shop-live.v1, abc.def.ghi"))).contains("abc.def.ghi");
        assertThat(LiveAuthorizerFunction.token(Map.of("sec-websocket-protocol", "abc.def.ghi, shop-live.v1"))).contains("abc.def.ghi");
        assertThat(LiveAuthorizerFunction.token(Map.of("Sec-WebSocket-Protocol", "abc.def.ghi"))).isEmpty();
        assertThat(LiveAuthorizerFunction.token(Map.of("Sec-WebSocket-Protocol", "shop-live.v1, a, b"))).isEmpty();
        assertThat(LiveAuthorizerFunction.token(Map.of())).isEmpty();
    }

    private static StreamChange change(String name, Map<String, AttributeValue> oldImage, Map<String, AttributeValue> newImage) {
        return new StreamChange("e1", name, Instant.parse("2026-01-01T00:00:00Z"), Image.of(oldImage), Image.of(newImage));
    }

    private static Map<String, AttributeValue> order(String status) {
        return Map.of("PK", s("ORDER#o1"), "SK", s("ORDER"), "id", s("o1"), "userId", s("u1"), "status", s(status),
            "totalCents", n(2_500), "currency", s("USD"));
    }

    private static Map<String, AttributeValue> product(long available, boolean deleted) {
        Map<String, AttributeValue> item = new HashMap<>(Map.of("PK", s("PRODUCT#p1"), "SK", s("PRODUCT"), "id", s("p1"),
            "sku", s("SKU-1"), "name", s("Mug"), "available", n(available)));
        if (deleted) {
            item.put("deletedAt", s("2026-01-01T00:00:00Z"));
        }
        return item;
    }

    private static AttributeValue s(String value) {
        return new AttributeValue().withS(value);
    }

    private static AttributeValue n(long value) {
        return new AttributeValue().withN(Long.toString(value));
    }
}
