package dev.shop.catalog.inventory;

import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** The request bodies of the two stock routes. */
final class StockBodies {

    /**
     * A bound on stock and on one adjustment, so that no reader's arithmetic
     * can overflow; far above any real shelf. Matches the bound on {@code initialStock}.
     */
    static final long MAX_UNITS = 1_000_000_000;

    private StockBodies() {
    }

    /** {@code PUT .../stock}: the new number of units. */
    @Serdeable
    record SetStock(@NotNull @Min(0) @Max(MAX_UNITS) Long available) {
    }

    /** {@code POST .../stock/adjustments}: units received (positive) or written off (negative), and why. */
    @Serdeable
    record Adjustment(@NotNull @NonZero @Min(-MAX_UNITS) @Max(MAX_UNITS) Long delta,
                      @NotBlank @Size(max = 200) String reason) {
    }
}
