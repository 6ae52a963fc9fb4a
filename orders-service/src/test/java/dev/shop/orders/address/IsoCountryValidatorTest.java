package dev.shop.orders.address;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class IsoCountryValidatorTest {

    @Test
    void acceptsIsoAlpha2CodesOnly() {
        assertThat(IsoCountryValidator.isIsoCountry("DE")).isTrue();
        assertThat(IsoCountryValidator.isIsoCountry("US")).isTrue();
        assertThat(IsoCountryValidator.isIsoCountry("de")).isFalse();
        assertThat(IsoCountryValidator.isIsoCountry("XX")).isFalse();
        assertThat(IsoCountryValidator.isIsoCountry("DEU")).isFalse();
        assertThat(IsoCountryValidator.isIsoCountry("UK")).isFalse();
    }
}
