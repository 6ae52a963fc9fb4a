package dev.shop.catalog.category;

import dev.shop.common.web.ApiDoc;
import dev.shop.common.web.PublicCaching;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.tags.Tag;

@Tag(name = "catalog", description = "Products, categories and stock")
@Controller("/catalog/categories")
class CategoryController {

    private final CategoryRepository categories;

    CategoryController(CategoryRepository categories) {
        this.categories = categories;
    }

    /** The categories that have at least one active product, with their product counts. */
    @Get
    @Secured(SecurityRule.IS_ANONYMOUS)
    HttpResponse<Category.Listing> list() {
        return HttpResponse.ok(new Category.Listing(categories.listActive()))
            .header(HttpHeaders.CACHE_CONTROL, PublicCaching.CACHE_CONTROL);
    }
}
