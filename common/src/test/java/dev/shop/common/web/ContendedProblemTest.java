package dev.shop.common.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import org.junit.jupiter.api.Test;

class ContendedProblemTest {

    @Test
    void retriesThatRunOutAre503WithRetryAfter() {
        MutableHttpResponse<?> response = Problem.contended("The order kept changing; try again").toResponse();

        assertThat(response.getStatus().getCode()).isEqualTo(503);
        assertThat(response.getHeaders().get(HttpHeaders.RETRY_AFTER)).isEqualTo("1");
        assertThat(response.getContentType()).contains(Problem.PROBLEM_JSON);
    }

    @Test
    void otherProblemsCarryNoRetryAfter() {
        assertThat(Problem.of(HttpStatus.CONFLICT, "lost the race").toResponse().getHeaders().contains(HttpHeaders.RETRY_AFTER)).isFalse();
    }
}
