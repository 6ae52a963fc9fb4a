package dev.shop.catalog.category;

import java.util.List;

import io.micronaut.serde.annotation.Serdeable;

/** A category with its number of active products; {@code id} is the products' {@code category} slug. */
@Serdeable
record Category(String id, String name, long productCount) {

    /** The categories route's body: every category at once, there are few. */
    @Serdeable
    record Listing(List<Category> items) {
    }
}
