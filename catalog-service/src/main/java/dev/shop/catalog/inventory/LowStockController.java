package dev.shop.catalog.inventory;

import dev.shop.common.paging.Page;
import dev.shop.common.paging.PageRequest;
import dev.shop.common.security.Roles;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.PositiveOrZero;

@Tag(name = "catalog", description = "Products, categories and stock")
@Controller("/catalog/admin/low-stock")
class LowStockController {

    /** The threshold when the request names none (the contract's example). */
    private static final String DEFAULT_THRESHOLD = "5";

    private final StockRepository stock;

    LowStockController(StockRepository stock) {
        this.stock = stock;
    }

    /** Products whose available stock is at or below the threshold, lowest first. */
    @ApiResponse(responseCode = "400", description = "A bad threshold, limit or cursor")
    @Get
    @Secured(Roles.ADMIN)
    Page<InventoryEntry.LowStock> lowStock(@QueryValue(defaultValue = DEFAULT_THRESHOLD) @PositiveOrZero long threshold,
                                           @QueryValue(defaultValue = "" + PageRequest.DEFAULT_LIMIT) int limit,
                                           @QueryValue @Nullable String cursor) {
        return stock.lowStock(threshold, limit, cursor).map(InventoryEntry::toLowStock);
    }
}
