package dev.shop.orders.order;

import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.primaryPartitionKey;
import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.primarySortKey;
import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.secondaryPartitionKey;
import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.secondarySortKey;

import java.util.List;
import java.util.Map;

import dev.shop.common.table.Keys;
import dev.shop.common.table.ShopTable;
import dev.shop.orders.address.Address;
import dev.shop.orders.address.AddressConverter;
import software.amazon.awssdk.enhanced.dynamodb.EnhancedType;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticTableSchema;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * An order as stored: one item holding its lines, keyed {@code ORDER#<id>}.
 * It carries two index entries: GSI1 ({@code ORDERS#<status>}, id) for the
 * admin's listing by status, which moves when the status changes, and GSI2
 * ({@code USER#<sub>#ORDERS}, id) for the owner's listing. The id is a ULID,
 * so both listings are newest first when read descending.
 */
public final class OrderItem {

    public static final String ID = "id";
    public static final String USER_ID = "userId";
    public static final String STATUS = "status";
    static final String ITEMS = "items";
    public static final String TOTAL_CENTS = "totalCents";
    public static final String CURRENCY = "currency";
    static final String SHIPPING_ADDRESS = "shippingAddress";
    static final String CREATED_AT = "createdAt";
    static final String UPDATED_AT = "updatedAt";
    static final String VERSION = "version";

    public static final TableSchema<OrderItem> SCHEMA = StaticTableSchema.builder(OrderItem.class)
        .newItemSupplier(OrderItem::new)
        .addAttribute(String.class, a -> a.name(ShopTable.PK).getter(i -> i.pk).setter((i, v) -> i.pk = v).tags(primaryPartitionKey()))
        .addAttribute(String.class, a -> a.name(ShopTable.SK).getter(i -> i.sk).setter((i, v) -> i.sk = v).tags(primarySortKey()))
        .addAttribute(String.class, a -> a.name(ID).getter(i -> i.id).setter((i, v) -> i.id = v))
        .addAttribute(String.class, a -> a.name(USER_ID).getter(i -> i.userId).setter((i, v) -> i.userId = v))
        .addAttribute(String.class, a -> a.name(STATUS).getter(i -> i.status).setter((i, v) -> i.status = v))
        .addAttribute(EnhancedType.listOf(OrderLine.class), a -> a.name(ITEMS).getter(i -> i.items).setter((i, v) -> i.items = v)
            .attributeConverter(new OrderLinesConverter()))
        .addAttribute(Long.class, a -> a.name(TOTAL_CENTS).getter(i -> i.totalCents).setter((i, v) -> i.totalCents = v))
        .addAttribute(String.class, a -> a.name(CURRENCY).getter(i -> i.currency).setter((i, v) -> i.currency = v))
        .addAttribute(Address.class, a -> a.name(SHIPPING_ADDRESS).getter(i -> i.shippingAddress).setter((i, v) -> i.shippingAddress = v)
            .attributeConverter(AddressConverter.INSTANCE))
        .addAttribute(String.class, a -> a.name(CREATED_AT).getter(i -> i.createdAt).setter((i, v) -> i.createdAt = v))
        .addAttribute(String.class, a -> a.name(UPDATED_AT).getter(i -> i.updatedAt).setter((i, v) -> i.updatedAt = v))
        .addAttribute(Long.class, a -> a.name(VERSION).getter(i -> i.version).setter((i, v) -> i.version = v))
        .addAttribute(String.class, a -> a.name(ShopTable.GSI1.partitionKey()).getter(i -> i.gsi1pk).setter((i, v) -> i.gsi1pk = v)
            .tags(secondaryPartitionKey(ShopTable.GSI1.name())))
        .addAttribute(String.class, a -> a.name(ShopTable.GSI1.sortKey()).getter(i -> i.gsi1sk).setter((i, v) -> i.gsi1sk = v)
            .tags(secondarySortKey(ShopTable.GSI1.name())))
        .addAttribute(String.class, a -> a.name(ShopTable.GSI2.partitionKey()).getter(i -> i.gsi2pk).setter((i, v) -> i.gsi2pk = v)
            .tags(secondaryPartitionKey(ShopTable.GSI2.name())))
        .addAttribute(String.class, a -> a.name(ShopTable.GSI2.sortKey()).getter(i -> i.gsi2sk).setter((i, v) -> i.gsi2sk = v)
            .tags(secondarySortKey(ShopTable.GSI2.name())))
        .build();

    String pk;
    String sk;
    String id;
    String userId;
    String status;
    List<OrderLine> items;
    Long totalCents;
    String currency;
    Address shippingAddress;
    String createdAt;
    String updatedAt;
    Long version;
    String gsi1pk;
    String gsi1sk;
    String gsi2pk;
    String gsi2sk;

    OrderItem() {
    }

    /** A new order, version 1, in {@link OrderStatus#PLACED}, entered in both listings. */
    public static OrderItem placed(String id, String userId, List<OrderLine> lines, String currency,
                                   Address shippingAddress, String now) {
        OrderItem item = new OrderItem();
        Keys.Key key = Keys.order(id);
        item.pk = key.pk();
        item.sk = key.sk();
        item.id = id;
        item.userId = userId;
        item.status = OrderStatus.PLACED.name();
        item.items = List.copyOf(lines);
        item.totalCents = lines.stream().mapToLong(OrderLine::lineTotalCents).sum();
        item.currency = currency;
        item.shippingAddress = shippingAddress;
        item.createdAt = now;
        item.updatedAt = now;
        item.version = 1L;
        item.gsi1pk = Keys.ordersInStatus(item.status);
        item.gsi1sk = id;
        item.gsi2pk = Keys.userOrders(userId);
        item.gsi2sk = id;
        return item;
    }

    public static OrderItem fromMap(Map<String, AttributeValue> attributes) {
        return SCHEMA.mapToItem(attributes);
    }

    public Map<String, AttributeValue> toMap() {
        return SCHEMA.itemToMap(this, true);
    }

    public String id() {
        return id;
    }

    String userId() {
        return userId;
    }

    OrderStatus status() {
        return OrderStatus.valueOf(status);
    }

    List<OrderLine> lines() {
        return items;
    }

    long version() {
        return version;
    }

    public Order toOrder() {
        return new Order(id, userId, status(), items, totalCents, currency, shippingAddress, createdAt, updatedAt, version);
    }
}
