package dev.shop.orders.order;

import java.util.List;

import dev.shop.orders.address.Address;
import io.micronaut.serde.annotation.Serdeable;

/** An order as the API shows it. */
@Serdeable
public record Order(String id, String userId, OrderStatus status, List<OrderLine> items, long totalCents,
                    String currency, Address shippingAddress, String createdAt, String updatedAt, long version) {
}
