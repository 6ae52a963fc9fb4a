package dev.shop.catalog.product;

import java.util.Optional;
import java.util.function.Function;

import dev.shop.common.paging.Page;
import dev.shop.common.web.IfMatch;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

/**
 * The rules of writing a product: the {@code If-Match} precondition, and
 * what happens when someone else edited the product between our read and our
 * write. With a precondition the client learns of it (412); without one the
 * edit is applied to the new state, read again, a few times at most. The
 * repository runs each single attempt as one transaction.
 */
@Singleton
class ProductService {

    /** Reads and rewrites of a product edited by someone else between our read and our write (no If-Match). */
    private static final int MAX_EDIT_TRIES = 5;

    private final ProductRepository products;

    ProductService(ProductRepository products) {
        this.products = products;
    }

    Optional<ProductItem> find(String productId) {
        return products.find(productId);
    }

    Page<ProductItem> list(@Nullable String category, int limit, @Nullable String cursor) {
        return products.list(category, limit, cursor);
    }

    ProductOutcome create(ProductBody body) {
        return products.create(body);
    }

    ProductOutcome replace(String productId, ProductBody body, IfMatch ifMatch) {
        return edit(productId, ifMatch, stored -> products.replace(stored, body));
    }

    ProductOutcome delete(String productId, IfMatch ifMatch) {
        return edit(productId, ifMatch, products::delete);
    }

    private ProductOutcome edit(String productId, IfMatch ifMatch, Function<ProductItem, ProductOutcome> write) {
        for (int attempt = 1; ; attempt++) {
            Optional<ProductItem> current = products.find(productId);
            if (current.isEmpty()) {
                return new ProductOutcome.NotFound(productId);
            }
            ProductItem stored = current.get();
            if (!ifMatch.matches(stored.version)) {
                return new ProductOutcome.StaleVersion(productId, stored.version);
            }
            ProductOutcome outcome = write.apply(stored);
            if (!(outcome instanceof ProductOutcome.StaleVersion) || ifMatch.isConditional() || attempt == MAX_EDIT_TRIES) {
                return outcome;
            }
            // edited by someone else since our read, and the caller set no precondition: apply to the new state
        }
    }
}
