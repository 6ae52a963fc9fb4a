package dev.shop.orders.profile;

import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.primaryPartitionKey;
import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.primarySortKey;
import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.secondaryPartitionKey;

import java.util.List;
import java.util.Map;

import dev.shop.common.table.Keys;
import dev.shop.common.table.ShopTable;
import dev.shop.orders.address.Address;
import software.amazon.awssdk.enhanced.dynamodb.EnhancedType;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticTableSchema;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A profile as stored, keyed {@code PROFILE#<sub>}. With an email it carries
 * {@code profilesPK} (the normalized email), its entry in the profiles index;
 * the email's uniqueness is kept by a separate guard item ({@link Keys#emailGuard}).
 */
final class ProfileItem {

    static final String USER_ID = "userId";
    static final String EMAIL = "email";
    static final String VERSION = "version";

    static final TableSchema<ProfileItem> SCHEMA = StaticTableSchema.builder(ProfileItem.class)
        .newItemSupplier(ProfileItem::new)
        .addAttribute(String.class, a -> a.name(ShopTable.PK).getter(i -> i.pk).setter((i, v) -> i.pk = v).tags(primaryPartitionKey()))
        .addAttribute(String.class, a -> a.name(ShopTable.SK).getter(i -> i.sk).setter((i, v) -> i.sk = v).tags(primarySortKey()))
        .addAttribute(String.class, a -> a.name(USER_ID).getter(i -> i.userId).setter((i, v) -> i.userId = v))
        .addAttribute(String.class, a -> a.name(EMAIL).getter(i -> i.email).setter((i, v) -> i.email = v))
        .addAttribute(String.class, a -> a.name("displayName").getter(i -> i.displayName).setter((i, v) -> i.displayName = v))
        .addAttribute(EnhancedType.listOf(Address.class), a -> a.name("addresses").getter(i -> i.addresses)
            .setter((i, v) -> i.addresses = v).attributeConverter(new AddressesConverter()))
        .addAttribute(String.class, a -> a.name("createdAt").getter(i -> i.createdAt).setter((i, v) -> i.createdAt = v))
        .addAttribute(String.class, a -> a.name("updatedAt").getter(i -> i.updatedAt).setter((i, v) -> i.updatedAt = v))
        .addAttribute(Long.class, a -> a.name(VERSION).getter(i -> i.version).setter((i, v) -> i.version = v))
        .addAttribute(String.class, a -> a.name(ShopTable.PROFILES.partitionKey()).getter(i -> i.profilesPk)
            .setter((i, v) -> i.profilesPk = v).tags(secondaryPartitionKey(ShopTable.PROFILES.name())))
        .build();

    String pk;
    String sk;
    String userId;
    String email;
    String displayName;
    List<Address> addresses;
    String createdAt;
    String updatedAt;
    Long version;
    String profilesPk;

    static ProfileItem of(String userId, String email, String displayName, List<Address> addresses,
                          String createdAt, String updatedAt, long version) {
        ProfileItem item = new ProfileItem();
        Keys.Key key = Keys.profile(userId);
        item.pk = key.pk();
        item.sk = key.sk();
        item.userId = userId;
        item.email = email;
        item.displayName = displayName;
        item.addresses = List.copyOf(addresses);
        item.createdAt = createdAt;
        item.updatedAt = updatedAt;
        item.version = version;
        item.profilesPk = email == null ? null : Keys.profilesIndexKey(email);
        return item;
    }

    Map<String, AttributeValue> toMap() {
        return SCHEMA.itemToMap(this, true);
    }

    Profile toProfile() {
        return new Profile(userId, email, displayName, addresses == null ? List.of() : addresses, createdAt, updatedAt,
            version);
    }
}
