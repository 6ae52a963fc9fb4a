package dev.shop.catalog.category;

import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;

@Controller("/catalog/categories")
class CategoryController {

    private final CategoryRepository categories;

    CategoryController(CategoryRepository categories) {
        this.categories = categories;
    }

    @Get
    @Secured(SecurityRule.IS_ANONYMOUS)
    Category.Listing list() {
        return new Category.Listing(categories.listActive());
    }
}
