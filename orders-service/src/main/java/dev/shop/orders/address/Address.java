package dev.shop.orders.address;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * A postal address, used by checkout for shipping and
 * kept in profiles. Every field at most 200 characters; {@code line2} optional.
 */
@Serdeable
public record Address(@NotBlank @Size(max = 200) String name,
                      @NotBlank @Size(max = 200) String line1,
                      @Nullable @Size(max = 200) String line2,
                      @NotBlank @Size(max = 200) String city,
                      @NotBlank @Size(max = 200) String postalCode,
                      @NotBlank @IsoCountry String country) {
}
