package dev.shop.cart.cart;

import dev.shop.common.paging.Page;
import dev.shop.common.paging.PageRequest;
import dev.shop.common.security.Roles;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import io.micronaut.validation.Validated;
import jakarta.validation.constraints.PositiveOrZero;

/** Admins find carts left idle, for reminders or clean-up. */
@Validated
@Controller("/cart/admin")
class AbandonedCartController {

    private final CartService carts;

    AbandonedCartController(CartService carts) {
        this.carts = carts;
    }

    @Get("/abandoned")
    @Secured(Roles.ADMIN)
    Page<AbandonedCart> abandoned(@QueryValue(defaultValue = "60") @PositiveOrZero int idleMinutes,
                                  @QueryValue(defaultValue = "" + PageRequest.DEFAULT_LIMIT) int limit,
                                  @Nullable @QueryValue String cursor) {
        return carts.abandoned(idleMinutes, limit, cursor);
    }
}
