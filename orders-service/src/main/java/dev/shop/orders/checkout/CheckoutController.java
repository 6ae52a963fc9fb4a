package dev.shop.orders.checkout;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import dev.shop.common.security.Caller;
import dev.shop.common.web.ApiDoc;
import dev.shop.common.web.Problem;
import dev.shop.common.web.ProblemException;
import dev.shop.orders.order.Order;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.Post;
import io.micronaut.json.JsonMapper;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

@Tag(name = "orders", description = "Checkout, orders and profiles")
@Controller("/orders")
class CheckoutController {

    private final CheckoutService checkout;
    private final JsonMapper json;

    CheckoutController(CheckoutService checkout, JsonMapper json) {
        this.checkout = checkout;
        this.json = json;
    }

    /** Checks out the cart in one transaction: stock decremented, order written, cart emptied, or nothing at all. */
    @ApiResponse(responseCode = "201",
        description = "The order was placed",
        headers = {@io.swagger.v3.oas.annotations.headers.Header(name = "Location", description = ApiDoc.LOCATION, schema = @Schema(type = "string"))},
        content = @Content(mediaType = "application/json", schema = @Schema(implementation = Order.class)))
    @ApiResponse(responseCode = "200",
        description = "A replay of this key: the order it placed",
        headers = {@io.swagger.v3.oas.annotations.headers.Header(name = "Location", description = ApiDoc.LOCATION, schema = @Schema(type = "string"))},
        content = @Content(mediaType = "application/json", schema = @Schema(implementation = Order.class)))
    @ApiResponse(responseCode = "400", description = "A missing or malformed Idempotency-Key or address")
    @ApiResponse(responseCode = "409", description = "The cart is empty, short of stock or changed; nothing was ordered")
    @ApiResponse(responseCode = "422", description = "This Idempotency-Key was used with another body")
    @Post
    @Secured(SecurityRule.IS_AUTHENTICATED)
    HttpResponse<Order> placeOrder(Authentication authentication,
                                   @Parameter(required = true, description = "1 to 64 of A-Z, a-z, 0-9, - and _; the same "
                                       + "key and body again returns the same order, with no second decrement")
                                   @Nullable @Header(IdempotencyKey.HEADER) String idempotencyKey,
                                   @Valid @Body CheckoutRequest request) {
        IdempotencyKey key = IdempotencyKey.parse(idempotencyKey);
        return respond(checkout.checkout(Caller.of(authentication).userId(), key, request, IdempotencyKey.hash(canonical(request))));
    }

    /** The body as the server re-serializes it: whitespace and member order do not change the hash. */
    private String canonical(CheckoutRequest request) {
        try {
            return new String(json.writeValueAsBytes(request), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot serialize a checkout request", e);
        }
    }

    /**
     * Every checkout outcome mapped to its response, here and nowhere else
     * (an instanceof chain: pattern matching in switch is not final in Java 17).
     */
    private static HttpResponse<Order> respond(CheckoutOutcome outcome) {
        CheckoutMetrics.record(outcome);
        if (outcome instanceof CheckoutOutcome.Placed placed) {
            return HttpResponse.<Order>status(HttpStatus.CREATED).body(placed.order())
                .header(HttpHeaders.LOCATION, "/orders/" + placed.order().id());
        }
        if (outcome instanceof CheckoutOutcome.Replayed replayed) {
            return HttpResponse.ok(replayed.order()).header(HttpHeaders.LOCATION, "/orders/" + replayed.order().id());
        }
        if (outcome instanceof CheckoutOutcome.EmptyCart) {
            throw conflict("Empty cart", "The cart is empty; there is nothing to order");
        }
        if (outcome instanceof CheckoutOutcome.OutOfStock outOfStock) {
            throw new ProblemException(Problem.of(HttpStatus.CONFLICT, "Out of stock",
                    "Not enough stock for: " + String.join(", ", outOfStock.productIds()) + "; nothing was ordered")
                .with("productIds", outOfStock.productIds()));
        }
        if (outcome instanceof CheckoutOutcome.KeyReuseMismatch) {
            throw new ProblemException(Problem.of(HttpStatus.UNPROCESSABLE_ENTITY, "Idempotency-Key reused",
                "This Idempotency-Key was used for a checkout with a different body"));
        }
        if (outcome instanceof CheckoutOutcome.CartChanged) {
            throw conflict("Cart changed", "The cart changed during checkout; nothing was ordered. Review the cart and retry");
        }
        if (outcome instanceof CheckoutOutcome.Contended) {
            throw new ProblemException(Problem.contended(
                "Too many concurrent checkouts of the same products; nothing was ordered. Retry with the same Idempotency-Key"));
        }
        throw new IllegalStateException("Unmapped checkout outcome " + outcome);
    }

    private static ProblemException conflict(String title, String detail) {
        return new ProblemException(Problem.of(HttpStatus.CONFLICT, title, detail));
    }
}
