package dev.shop.orders.profile;

import java.util.List;

import dev.shop.orders.address.Address;
import dev.shop.orders.address.AddressConverter;
import software.amazon.awssdk.enhanced.dynamodb.AttributeConverter;
import software.amazon.awssdk.enhanced.dynamodb.AttributeValueType;
import software.amazon.awssdk.enhanced.dynamodb.EnhancedType;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** A profile's addresses, stored as a list of maps inside the profile item. */
final class AddressesConverter implements AttributeConverter<List<Address>> {

    @Override
    public AttributeValue transformFrom(List<Address> addresses) {
        return AttributeValue.fromL(addresses.stream().map(AddressConverter::toAttributeValue).toList());
    }

    @Override
    public List<Address> transformTo(AttributeValue value) {
        return value.l().stream().map(AddressConverter::fromAttributeValue).toList();
    }

    @Override
    public EnhancedType<List<Address>> type() {
        return EnhancedType.listOf(Address.class);
    }

    @Override
    public AttributeValueType attributeValueType() {
        return AttributeValueType.L;
    }
}
