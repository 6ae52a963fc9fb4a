package dev.shop.catalog.product;

import java.net.URI;
import java.util.function.Function;

import dev.shop.common.paging.Page;
import dev.shop.common.paging.PageRequest;
import dev.shop.common.security.Roles;
import dev.shop.common.web.ApiDoc;
import dev.shop.common.web.IfMatch;
import dev.shop.common.web.Problem;
import dev.shop.common.web.ProblemException;
import dev.shop.common.web.PublicCaching;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;

@Tag(name = "catalog", description = "Products, categories and stock")
@Controller("/catalog/products")
class ProductController {

    private static final String PATH = "/catalog/products/";

    private final ProductService products;

    ProductController(ProductService products) {
        this.products = products;
    }

    /** A page of active products, optionally of one category, in a stable order. */
    @ApiResponse(responseCode = "400", description = "A bad category, limit or cursor")
    @Get
    @Secured(SecurityRule.IS_ANONYMOUS)
    HttpResponse<Page<Product>> list(@QueryValue @Nullable @Pattern(regexp = ProductBody.SLUG_PATTERN, message = "must be 1 to 40 of a-z, 0-9 and '-'") String category,
                                     @QueryValue(defaultValue = "" + PageRequest.DEFAULT_LIMIT) int limit,
                                     @QueryValue @Nullable String cursor) {
        return HttpResponse.ok(products.list(category, limit, cursor).map(ProductItem::toProduct))
            .header(HttpHeaders.CACHE_CONTROL, PublicCaching.CACHE_CONTROL);
    }

    /** One product, with its version as the ETag. */
    @ApiResponse(responseCode = "200",
        description = "The product",
        headers = {@io.swagger.v3.oas.annotations.headers.Header(name = "ETag", description = ApiDoc.ETAG, schema = @Schema(type = "string"))},
        content = @Content(mediaType = "application/json", schema = @Schema(implementation = Product.class)))
    @ApiResponse(responseCode = "404", description = "No such product (also after delete)")
    @Get("/{id}")
    @Secured(SecurityRule.IS_ANONYMOUS)
    HttpResponse<Product> get(@PathVariable String id) {
        ProductItem item = products.find(id)
            .orElseThrow(() -> new ProblemException(notFound(id)));
        return withEtag(HttpResponse.ok(item.toProduct()), item).header(HttpHeaders.CACHE_CONTROL, PublicCaching.CACHE_CONTROL);
    }

    /** Creates a product with its initial stock. */
    @ApiResponse(responseCode = "201",
        description = "Created",
        headers = {@io.swagger.v3.oas.annotations.headers.Header(name = "Location", description = ApiDoc.LOCATION, schema = @Schema(type = "string")), @io.swagger.v3.oas.annotations.headers.Header(name = "ETag", description = ApiDoc.ETAG, schema = @Schema(type = "string"))},
        content = @Content(mediaType = "application/json", schema = @Schema(implementation = Product.class)))
    @ApiResponse(responseCode = "400", description = "A field is missing or invalid")
    @ApiResponse(responseCode = "409", description = "Another product has this SKU")
    @Post
    @Secured(Roles.ADMIN)
    HttpResponse<?> create(@Valid @Body ProductBody body) {
        return respond(products.create(body),
            saved -> HttpResponse.created(saved.toProduct(), URI.create(PATH + saved.id)));
    }

    /** Replaces a product's fields (not its stock). */
    @ApiResponse(responseCode = "200",
        description = "The product as saved",
        headers = {@io.swagger.v3.oas.annotations.headers.Header(name = "ETag", description = ApiDoc.ETAG, schema = @Schema(type = "string"))},
        content = @Content(mediaType = "application/json", schema = @Schema(implementation = Product.class)))
    @ApiResponse(responseCode = "400", description = "A field is missing or invalid")
    @ApiResponse(responseCode = "404", description = "No such product")
    @ApiResponse(responseCode = "409", description = "Another product has this SKU")
    @Put("/{id}")
    @Secured(Roles.ADMIN)
    HttpResponse<?> replace(@PathVariable String id, @Valid @Body ProductBody body,
                            @Header(HttpHeaders.IF_MATCH) @Nullable String ifMatch) {
        return respond(products.replace(id, body, new IfMatch(ifMatch)), ProductController::ok);
    }

    /** Deletes a product: it leaves the listings and carts can no longer add it. */
    @ApiResponse(responseCode = "204", description = "Deleted")
    @ApiResponse(responseCode = "404", description = "No such product")
    @Delete("/{id}")
    // no body on success, so a client generated from the document accepts only problem+json (its errors' type)
    @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
    @Secured(Roles.ADMIN)
    HttpResponse<?> delete(@PathVariable String id, @Header(HttpHeaders.IF_MATCH) @Nullable String ifMatch) {
        return respond(products.delete(id, new IfMatch(ifMatch)), ProductController::ok);
    }

    /** Each outcome of a product write and its status, in one place. */
    private static HttpResponse<?> respond(ProductOutcome outcome,
                                           Function<ProductItem, MutableHttpResponse<Product>> onSaved) {
        if (outcome instanceof ProductOutcome.Saved saved) {
            return withEtag(onSaved.apply(saved.product()), saved.product());
        }
        if (outcome instanceof ProductOutcome.Deleted) {
            return HttpResponse.noContent();
        }
        if (outcome instanceof ProductOutcome.NotFound missing) {
            return notFound(missing.productId()).toResponse();
        }
        if (outcome instanceof ProductOutcome.StaleVersion stale) {
            return Problem.staleVersion("Product " + stale.productId(), stale.currentVersion()).toResponse();
        }
        if (outcome instanceof ProductOutcome.Contended) {
            return Problem.contended("The product is being changed by other requests; try again.").toResponse();
        }
        if (outcome instanceof ProductOutcome.SkuTaken taken) {
            return Problem.of(HttpStatus.CONFLICT, "Conflict", "Another product already has the SKU " + taken.sku() + ".")
                .with("sku", taken.sku()).toResponse();
        }
        throw new IllegalStateException("Unmapped outcome " + outcome);
    }

    private static MutableHttpResponse<Product> ok(ProductItem saved) {
        return HttpResponse.ok(saved.toProduct());
    }

    private static MutableHttpResponse<Product> withEtag(MutableHttpResponse<Product> response, ProductItem item) {
        return response.header(HttpHeaders.ETAG, IfMatch.etag(item.version));
    }

    private static Problem notFound(String id) {
        return Problem.of(HttpStatus.NOT_FOUND, "No product " + id);
    }
}
