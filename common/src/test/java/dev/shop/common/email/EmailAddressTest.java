package dev.shop.common.email;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EmailAddressTest {

    @Test
    void anAddressWithADottedDomainIsValid() {
        assertThat(EmailAddress.isValid("ada@example.com")).isTrue();
        assertThat(EmailAddress.isValid("a.b+c@mail.example.co.uk")).isTrue();
    }

    @Test
    void noAtNoDottedDomainSpacesOrASecondAtAreRefused() {
        assertThat(EmailAddress.isValid(null)).isFalse();
        assertThat(EmailAddress.isValid("")).isFalse();
        assertThat(EmailAddress.isValid("ada.example.com")).isFalse();
        assertThat(EmailAddress.isValid("ada@localhost")).isFalse();
        assertThat(EmailAddress.isValid("ada lovelace@example.com")).isFalse();
        assertThat(EmailAddress.isValid("ada@b@example.com")).isFalse();
    }

    @Test
    void anAddressLongerThanSmtpCarriesIsRefused() {
        String domain = "@example.com";
        String longest = "a".repeat(EmailAddress.MAX_LENGTH - domain.length()) + domain;

        assertThat(EmailAddress.isValid(longest)).isTrue();
        assertThat(EmailAddress.isValid("a" + longest)).isFalse();
    }
}
