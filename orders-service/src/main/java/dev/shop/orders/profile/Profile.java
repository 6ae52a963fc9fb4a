package dev.shop.orders.profile;

import java.util.List;

import dev.shop.orders.address.Address;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/** A profile as the API shows it. */
@Serdeable
record Profile(String userId, @Nullable String email, String displayName, List<Address> addresses,
               String createdAt, String updatedAt, long version) {
}
