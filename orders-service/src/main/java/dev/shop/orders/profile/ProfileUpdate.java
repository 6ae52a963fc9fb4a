package dev.shop.orders.profile;

import java.util.List;

import dev.shop.orders.address.Address;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * Body of {@code PUT /profile}: the whole editable profile. Addresses may be
 * left out, which stores none. The email must have a dot in its domain as
 * well as pass {@code @Email}, which alone accepts {@code a@b}.
 */
@Serdeable
record ProfileUpdate(@NotBlank @Size(max = 100) String displayName,
                     @NotBlank @Size(max = 254) @Email(regexp = "[^@\\s]+@[^@\\s]+\\.[^@\\s]+") String email,
                     @Nullable @Size(max = 10) List<@Valid Address> addresses) {

    List<Address> addressesOrEmpty() {
        return addresses == null ? List.of() : addresses;
    }
}
