package dev.shop.orders.address;

import java.util.Locale;
import java.util.Set;

import io.micronaut.core.annotation.AnnotationValue;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.validation.validator.constraints.ConstraintValidator;
import io.micronaut.validation.validator.constraints.ConstraintValidatorContext;
import jakarta.inject.Singleton;

/** Checks {@link IsoCountry} against the JDK's list of ISO-3166 alpha-2 codes. */
@Singleton
final class IsoCountryValidator implements ConstraintValidator<IsoCountry, String> {

    private static final Set<String> CODES = Set.of(Locale.getISOCountries());

    static boolean isIsoCountry(@Nullable String code) {
        return code == null || CODES.contains(code);
    }

    @Override
    public boolean isValid(@Nullable String value, AnnotationValue<IsoCountry> annotation, ConstraintValidatorContext context) {
        return isIsoCountry(value);
    }
}
