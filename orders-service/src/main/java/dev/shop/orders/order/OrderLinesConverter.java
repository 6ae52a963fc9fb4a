package dev.shop.orders.order;

import java.util.List;
import java.util.Map;

import software.amazon.awssdk.enhanced.dynamodb.AttributeConverter;
import software.amazon.awssdk.enhanced.dynamodb.AttributeValueType;
import software.amazon.awssdk.enhanced.dynamodb.EnhancedType;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Stores an order's lines inside the order item, as a list of maps: the order is read in one GetItem. */
final class OrderLinesConverter implements AttributeConverter<List<OrderLine>> {

    @Override
    public AttributeValue transformFrom(List<OrderLine> lines) {
        return AttributeValue.fromL(lines.stream().map(line -> AttributeValue.fromM(Map.of(
            "productId", AttributeValue.fromS(line.productId()),
            "sku", AttributeValue.fromS(line.sku()),
            "name", AttributeValue.fromS(line.name()),
            "quantity", number(line.quantity()),
            "unitPriceCents", number(line.unitPriceCents()),
            "lineTotalCents", number(line.lineTotalCents())))).toList());
    }

    @Override
    public List<OrderLine> transformTo(AttributeValue value) {
        return value.l().stream().map(AttributeValue::m).map(line -> new OrderLine(
            line.get("productId").s(),
            line.get("sku").s(),
            line.get("name").s(),
            Long.parseLong(line.get("quantity").n()),
            Long.parseLong(line.get("unitPriceCents").n()),
            Long.parseLong(line.get("lineTotalCents").n()))).toList();
    }

    private static AttributeValue number(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }

    @Override
    public EnhancedType<List<OrderLine>> type() {
        return EnhancedType.listOf(OrderLine.class);
    }

    @Override
    public AttributeValueType attributeValueType() {
        return AttributeValueType.L;
    }
}
