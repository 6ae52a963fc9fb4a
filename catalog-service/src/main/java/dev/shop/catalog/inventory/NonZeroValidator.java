package dev.shop.catalog.inventory;

import io.micronaut.core.annotation.AnnotationValue;
import io.micronaut.core.annotation.NonNull;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.validation.validator.constraints.ConstraintValidator;
import io.micronaut.validation.validator.constraints.ConstraintValidatorContext;
import jakarta.inject.Singleton;

/** Micronaut finds constraint validators as beans; null is left to {@code @NotNull}. */
@Singleton
class NonZeroValidator implements ConstraintValidator<NonZero, Long> {

    @Override
    public boolean isValid(@Nullable Long value, @NonNull AnnotationValue<NonZero> annotationMetadata,
                           @NonNull ConstraintValidatorContext context) {
        return value == null || value != 0;
    }
}
