package dev.shop.common.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class GroupsClaimTest {

    @Test
    void apiGatewayListFormatIsSplitIntoGroups() {
        assertThat(TokenRules.parseGroups("[admin users]")).containsExactly("admin", "users");
        assertThat(TokenRules.parseGroups("[admin]")).containsExactly("admin");
    }

    @Test
    void missingOrEmptyGroupsGiveNoRole() {
        assertThat(TokenRules.parseGroups(null)).isEmpty();
        assertThat(TokenRules.parseGroups("[]")).isEmpty();
        assertThat(TokenRules.parseGroups("")).isEmpty();
    }

    @Test
    void aGroupMerelyContainingAdminIsNotAdmin() {
        assertThat(TokenRules.parseGroups("[administrators]")).containsExactly("administrators");
    }

    @Test
    void aGroupNamedWithACommaStaysOneGroup() {
        // Cognito group names may hold commas and quotes, never whitespace; API Gateway separates with spaces
        assertThat(TokenRules.parseGroups("[users,admin]")).containsExactly("users,admin");
        assertThat(TokenRules.parseGroups("[\"users\",\"admin\"]")).containsExactly("\"users\",\"admin\"");
    }
}
