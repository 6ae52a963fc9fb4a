package dev.shop.catalog.inventory;

import dev.shop.common.security.Roles;
import dev.shop.common.web.Problem;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.security.annotation.Secured;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

@Tag(name = "catalog", description = "Products, categories and stock")
@Controller("/catalog/products/{id}/stock")
class StockController {

    private static final Logger LOG = LoggerFactory.getLogger(StockController.class);

    private final StockRepository stock;

    StockController(StockRepository stock) {
        this.stock = stock;
    }

    /** Sets a product's available stock. */
    @ApiResponse(responseCode = "200",
        description = "The stock level",
        content = @Content(mediaType = "application/json", schema = @Schema(implementation = StockLevel.class)))
    @ApiResponse(responseCode = "400", description = "available is missing or negative")
    @ApiResponse(responseCode = "404", description = "No such product")
    @Put
    @Secured(Roles.ADMIN)
    HttpResponse<?> set(@PathVariable String id, @Valid @Body StockBodies.SetStock body) {
        return respond(stock.set(id, body.available()));
    }

    /** Adds to or takes from a product's stock atomically, with a reason for the audit log. */
    @ApiResponse(responseCode = "200",
        description = "The stock level",
        content = @Content(mediaType = "application/json", schema = @Schema(implementation = StockLevel.class)))
    @ApiResponse(responseCode = "400", description = "delta or reason is missing or invalid")
    @ApiResponse(responseCode = "404", description = "No such product")
    @ApiResponse(responseCode = "409", description = "The result would be below zero; nothing changed")
    @Post("/adjustments")
    @Secured(Roles.ADMIN)
    HttpResponse<?> adjust(@PathVariable String id, @Valid @Body StockBodies.Adjustment body) {
        StockOutcome outcome = stock.adjust(id, body.delta());
        if (outcome instanceof StockOutcome.Stocked stocked) {
            // the log is the adjustments' audit trail: who asked is in the request log, why is here
            LOG.info("Stock of product {} adjusted by {} to {}: {}", id, body.delta(), stocked.level().available(),
                body.reason().replaceAll("[\\r\\n]+", " "));
        }
        return respond(outcome);
    }

    /** Each outcome of a stock write and its status, in one place. */
    private static HttpResponse<?> respond(StockOutcome outcome) {
        if (outcome instanceof StockOutcome.Stocked stocked) {
            return HttpResponse.ok(stocked.level());
        }
        if (outcome instanceof StockOutcome.NotFound missing) {
            return Problem.of(HttpStatus.NOT_FOUND, "No product " + missing.productId()).toResponse();
        }
        if (outcome instanceof StockOutcome.Insufficient insufficient) {
            return Problem.of(HttpStatus.CONFLICT, "Insufficient stock",
                    "Product " + insufficient.productId() + " has " + insufficient.available() + " units; an adjustment of "
                        + insufficient.delta() + " would leave fewer than zero. Nothing changed.")
                .with("productId", insufficient.productId())
                .with("available", insufficient.available()).toResponse();
        }
        if (outcome instanceof StockOutcome.Contended) {
            return Problem.contended("The product is being changed by other requests; try again.").toResponse();
        }
        throw new IllegalStateException("Unmapped outcome " + outcome);
    }
}
