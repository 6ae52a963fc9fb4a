package dev.shop.cart.cart;

import dev.shop.common.security.Caller;
import dev.shop.common.web.Problem;
import dev.shop.common.web.ProblemException;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.Put;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.validation.Validated;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

/**
 * The signed-in user's own cart. There is no user in any path: the cart is
 * always the one of the token's {@code sub}, so no one reaches another's cart.
 */
@Validated
@Tag(name = "cart", description = "The signed-in user's cart")
@Controller("/cart")
class CartController {

    private final CartService carts;

    CartController(CartService carts) {
        this.carts = carts;
    }

    /** The signed-in user's cart at the catalog's current prices (an empty one if there is none). */
    @Get
    @Secured(SecurityRule.IS_AUTHENTICATED)
    Cart view(Authentication user) {
        return carts.view(Caller.of(user).userId());
    }

    /** Sets the quantity of one product in the cart; 0 removes the line. */
    @ApiResponse(responseCode = "400", description = "quantity is missing or outside 0..99")
    @ApiResponse(responseCode = "404", description = "No such product")
    @ApiResponse(responseCode = "409", description = "Beyond the available stock, or the cart is full")
    @Put("/items/{productId}")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    Cart setQuantity(Authentication user, @PathVariable String productId,
                     @Valid @Body QuantityChange change) {
        return cartOrProblem(carts.setQuantity(Caller.of(user).userId(), productId, change.quantity()));
    }

    /** Removes one product's line (also when it was not there). */
    @ApiResponse(responseCode = "404", description = "Not a product id")
    @Delete("/items/{productId}")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    Cart removeLine(Authentication user, @PathVariable String productId) {
        return cartOrProblem(carts.removeLine(Caller.of(user).userId(), productId));
    }

    /** Empties the cart. */
    @ApiResponse(responseCode = "204", description = "Emptied")
    @Delete
    // no body on success, so a client generated from the document accepts only problem+json (its errors' type)
    @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
    @Secured(SecurityRule.IS_AUTHENTICATED)
    HttpResponse<Void> clear(Authentication user) {
        if (!carts.clear(Caller.of(user).userId())) {
            throw contended();
        }
        return HttpResponse.noContent();
    }

    /**
     * Every outcome of a line change and its status, in one place (an
     * instanceof chain: pattern matching in switch needs Java 21).
     */
    private static Cart cartOrProblem(LineChange outcome) {
        if (outcome instanceof LineChange.Changed changed) {
            return changed.cart();
        }
        if (outcome instanceof LineChange.NotFound unknown) {
            throw new ProblemException(Problem.of(HttpStatus.NOT_FOUND, "No product " + unknown.productId()));
        }
        if (outcome instanceof LineChange.BeyondStock beyond) {
            throw new ProblemException(Problem.of(HttpStatus.CONFLICT, "Insufficient stock",
                    "Only " + beyond.available() + " of product " + beyond.productId() + " are available")
                .with("productId", beyond.productId()).with("available", beyond.available()));
        }
        if (outcome instanceof LineChange.CartFull full) {
            throw new ProblemException(Problem.of(HttpStatus.CONFLICT, "Cart full",
                    "A cart holds at most " + full.maxLines() + " different products")
                .with("maxLines", full.maxLines()));
        }
        throw contended();
    }

    private static ProblemException contended() {
        return new ProblemException(Problem.contended("The cart is being changed by other requests at this moment; try again."));
    }
}
