package dev.shop.orders.address;

import java.util.LinkedHashMap;
import java.util.Map;

import software.amazon.awssdk.enhanced.dynamodb.AttributeConverter;
import software.amazon.awssdk.enhanced.dynamodb.AttributeValueType;
import software.amazon.awssdk.enhanced.dynamodb.EnhancedType;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Stores an {@link Address} as a DynamoDB map inside the order or profile item. */
public final class AddressConverter implements AttributeConverter<Address> {

    public static final AddressConverter INSTANCE = new AddressConverter();

    private AddressConverter() {
    }

    public static AttributeValue toAttributeValue(Address address) {
        Map<String, AttributeValue> map = new LinkedHashMap<>();
        put(map, "name", address.name());
        put(map, "line1", address.line1());
        put(map, "line2", address.line2());
        put(map, "city", address.city());
        put(map, "postalCode", address.postalCode());
        put(map, "country", address.country());
        return AttributeValue.fromM(map);
    }

    public static Address fromAttributeValue(AttributeValue value) {
        Map<String, AttributeValue> map = value.m();
        return new Address(get(map, "name"), get(map, "line1"), get(map, "line2"), get(map, "city"),
            get(map, "postalCode"), get(map, "country"));
    }

    private static void put(Map<String, AttributeValue> map, String name, String value) {
        if (value != null) {
            map.put(name, AttributeValue.fromS(value));
        }
    }

    private static String get(Map<String, AttributeValue> map, String name) {
        AttributeValue value = map.get(name);
        return value == null ? null : value.s();
    }

    @Override
    public AttributeValue transformFrom(Address input) {
        return toAttributeValue(input);
    }

    @Override
    public Address transformTo(AttributeValue input) {
        return fromAttributeValue(input);
    }

    @Override
    public EnhancedType<Address> type() {
        return EnhancedType.of(Address.class);
    }

    @Override
    public AttributeValueType attributeValueType() {
        return AttributeValueType.M;
    }
}
