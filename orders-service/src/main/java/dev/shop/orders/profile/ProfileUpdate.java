package dev.shop.orders.profile;

import java.util.List;

import dev.shop.orders.address.Address;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * Body of {@code PUT /profile}: the whole editable profile. Addresses may be
 * left out, which stores none. The email is not editable: it is the
 * account's verified email, and a body may carry it only unchanged (so a
 * GET-modify-PUT round trip works); the service compares it.
 */
@Serdeable
record ProfileUpdate(@NotBlank @Size(max = 100) String displayName,
                     @Nullable String email,
                     @Nullable @Size(max = 10) List<@Valid Address> addresses) {

    List<Address> addressesOrEmpty() {
        return addresses == null ? List.of() : addresses;
    }
}
