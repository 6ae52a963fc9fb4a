package dev.shop.common.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class GroupsClaimTest {

    @Test
    void apiGatewayListFormatIsSplitIntoGroups() {
        assertThat(ApiGatewayAuthenticationFetcher.parseGroups("[admin users]")).containsExactly("admin", "users");
    }

    @Test
    void singleGroupAndJsonArrayAreRead() {
        assertThat(ApiGatewayAuthenticationFetcher.parseGroups("[admin]")).containsExactly("admin");
        assertThat(ApiGatewayAuthenticationFetcher.parseGroups("[\"admin\",\"users\"]")).containsExactly("admin", "users");
    }

    @Test
    void missingOrEmptyGroupsGiveNoRole() {
        assertThat(ApiGatewayAuthenticationFetcher.parseGroups(null)).isEmpty();
        assertThat(ApiGatewayAuthenticationFetcher.parseGroups("[]")).isEmpty();
        assertThat(ApiGatewayAuthenticationFetcher.parseGroups("")).isEmpty();
    }

    @Test
    void aGroupMerelyContainingAdminIsNotAdmin() {
        assertThat(ApiGatewayAuthenticationFetcher.parseGroups("[administrators]")).containsExactly("administrators");
    }
}
