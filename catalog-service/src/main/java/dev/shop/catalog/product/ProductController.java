package dev.shop.catalog.product;

import dev.shop.common.web.Problem;
import dev.shop.common.web.ProblemException;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;

@Controller("/catalog/products")
class ProductController {

    private final ProductRepository products;

    ProductController(ProductRepository products) {
        this.products = products;
    }

    @Get("/{id}")
    @Secured(SecurityRule.IS_ANONYMOUS)
    Product get(@PathVariable String id) {
        return products.find(id).map(ProductItem::toProduct)
            .orElseThrow(() -> new ProblemException(Problem.of(HttpStatus.NOT_FOUND, "No product " + id)));
    }
}
