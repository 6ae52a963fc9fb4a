package dev.shop.common.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

class StaleVersionProblemTest {

    @Test
    void everyStaleWriteIs412NamingTheVersionToReRead() {
        Map<String, Object> body = Problem.staleVersion("Order 01J", 3).body();

        assertThat(body).containsEntry("status", 412)
            .containsEntry("title", "Precondition Failed")
            .containsEntry("currentVersion", 3L)
            .containsEntry("detail", "Order 01J is at version 3; If-Match does not name it.");
    }
}
