package dev.shop.common.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import io.micronaut.context.ApplicationContext;
import io.micronaut.core.annotation.Introspected;
import io.micronaut.validation.validator.Validator;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class FieldErrorsTest {

    @Introspected
    record Address(@NotBlank String city, @Size(min = 2, max = 2) String country) {
    }

    @Introspected
    record Profile(@NotBlank String displayName, @Valid List<Address> addresses) {
    }

    private static ApplicationContext context;

    @BeforeAll
    static void start() {
        context = ApplicationContext.run(Map.of("shop.cursor.secret", "0123456789abcdef0123"));
    }

    @AfterAll
    static void stop() {
        context.close();
    }

    @Test
    void listElementFieldsNameTheElementIndexOnTheContainer() {
        Profile profile = new Profile("", List.of(new Address("Paris", "FR"), new Address("", "FRA")));

        List<Problem.FieldError> errors = ProblemErrorResponseProcessor.fieldErrors(
            new ConstraintViolationException(context.getBean(Validator.class).validate(profile)));

        assertThat(errors).extracting(Problem.FieldError::field)
            .containsExactly("addresses[1].city", "addresses[1].country", "displayName");
    }
}
