package dev.shop.catalog.product;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * The body of a product create or replace.
 * One record for both, so the rules are written once; a replace ignores
 * {@code initialStock}, because after creation stock moves only through the
 * stock routes and checkouts, never through an edit of the description.
 */
@Serdeable
record ProductBody(
    @NotNull @Pattern(regexp = SKU_PATTERN, message = "must be 1 to 40 of A-Z, a-z, 0-9, '-' and '_'") String sku,
    @NotBlank @Size(max = 200) String name,
    @Nullable @Size(max = 4000) String description,
    @NotNull @Pattern(regexp = SLUG_PATTERN, message = "must be 1 to 40 of a-z, 0-9 and '-'") String category,
    @NotNull @Min(1) @Max(MAX_PRICE_CENTS) Long priceCents,
    @Nullable @Size(max = 2048) @Pattern(regexp = URL_PATTERN, message = "must be an http or https URL") String imageUrl,
    @Nullable @Min(0) @Max(MAX_STOCK) Long initialStock) {

    static final String SKU_PATTERN = "[A-Za-z0-9_-]{1,40}";
    /** A category id: the slug that names it in URLs and in the product. */
    static final String SLUG_PATTERN = "[a-z0-9-]{1,40}";
    static final String URL_PATTERN = "(?i)https?://[^\\s/?#]+[^\\s]*";
    static final long MAX_PRICE_CENTS = 10_000_000;
    /** A bound on stock so that no reader's arithmetic can overflow; far above any real shelf. */
    static final long MAX_STOCK = 1_000_000_000;

    long initialStockOrZero() {
        return initialStock == null ? 0 : initialStock;
    }
}
