package dev.shop.orders.order;

import dev.shop.common.paging.Page;
import dev.shop.common.paging.PageRequest;
import dev.shop.common.security.Caller;
import dev.shop.common.security.Roles;
import dev.shop.common.web.ApiDoc;
import dev.shop.common.web.IfMatch;
import dev.shop.common.web.Problem;
import dev.shop.common.web.ProblemException;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

@Tag(name = "orders", description = "Checkout, orders and profiles")
@Controller("/orders")
class OrderController {

    private final OrderService service;

    OrderController(OrderService service) {
        this.service = service;
    }

    /** The signed-in user's orders, newest first. */
    @ApiResponse(responseCode = "400", description = "A bad limit or cursor")
    @Get
    @Secured(SecurityRule.IS_AUTHENTICATED)
    Page<Order> mine(Authentication authentication,
                     @QueryValue(defaultValue = "" + PageRequest.DEFAULT_LIMIT) int limit,
                     @Nullable @QueryValue String cursor) {
        return service.mine(Caller.of(authentication), limit, cursor);
    }

    /** Orders in one status, newest first. */
    @ApiResponse(responseCode = "400", description = "An unknown status, a bad limit or cursor")
    @Get("/admin")
    @Secured(Roles.ADMIN)
    Page<Order> inStatus(@Nullable @QueryValue String status,
                         @QueryValue(defaultValue = "" + PageRequest.DEFAULT_LIMIT) int limit,
                         @Nullable @QueryValue String cursor) {
        OrderStatus wanted = OrderStatus.parse(status).orElseThrow(() ->
            new ProblemException(Problem.invalidField("status", "must be one of PLACED, SHIPPED, DELIVERED, CANCELLED")));
        return service.inStatus(wanted, limit, cursor);
    }

    /** One order of the signed-in user (any order for an admin). */
    @ApiResponse(responseCode = "200",
        description = "The order",
        headers = {@io.swagger.v3.oas.annotations.headers.Header(name = "ETag", description = ApiDoc.ETAG, schema = @Schema(type = "string"))},
        content = @Content(mediaType = "application/json", schema = @Schema(implementation = Order.class)))
    @ApiResponse(responseCode = "404", description = "No such order, or another user's")
    @Get("/{id}")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    HttpResponse<Order> get(Authentication authentication, @PathVariable String id) {
        Order order = service.find(Caller.of(authentication), id).orElseThrow(() -> notFound(id));
        return HttpResponse.ok(order).header(HttpHeaders.ETAG, IfMatch.etag(order.version()));
    }

    /** Cancels a PLACED order and returns its stock in the same transaction. */
    @ApiResponse(responseCode = "200",
        description = "The cancelled order",
        headers = {@io.swagger.v3.oas.annotations.headers.Header(name = "ETag", description = ApiDoc.ETAG, schema = @Schema(type = "string"))},
        content = @Content(mediaType = "application/json", schema = @Schema(implementation = Order.class)))
    @ApiResponse(responseCode = "404", description = "No such order, or another user's")
    @ApiResponse(responseCode = "409", description = "The order is no longer PLACED, or kept changing")
    @Post("/{id}/cancel")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    HttpResponse<Order> cancel(Authentication authentication, @PathVariable String id,
                               @Nullable @Header(HttpHeaders.IF_MATCH) String ifMatch) {
        return respond(service.cancel(Caller.of(authentication), id, ifMatch));
    }

    /** Moves an order along PLACED, SHIPPED, DELIVERED. */
    @ApiResponse(responseCode = "200",
        description = "The order",
        headers = {@io.swagger.v3.oas.annotations.headers.Header(name = "ETag", description = ApiDoc.ETAG, schema = @Schema(type = "string"))},
        content = @Content(mediaType = "application/json", schema = @Schema(implementation = Order.class)))
    @ApiResponse(responseCode = "400", description = "An unknown status")
    @ApiResponse(responseCode = "404", description = "No such order")
    @ApiResponse(responseCode = "409", description = "Not the next status, or another change won")
    @Put("/{id}/status")
    @Secured(Roles.ADMIN)
    HttpResponse<Order> changeStatus(Authentication authentication, @PathVariable String id,
                                     @Valid @Body StatusChange change,
                                     @Nullable @Header(HttpHeaders.IF_MATCH) String ifMatch) {
        OrderStatus target = OrderStatus.parse(change.status()).orElseThrow(() ->
            new ProblemException(Problem.invalidField("status", "must be one of PLACED, SHIPPED, DELIVERED, CANCELLED")));
        return respond(service.changeStatus(Caller.of(authentication), id, target, ifMatch));
    }

    /** Every outcome of an order write, mapped to its response here and nowhere else. */
    private static HttpResponse<Order> respond(OrderChange change) {
        if (change instanceof OrderChange.Changed changed) {
            return HttpResponse.ok(changed.order()).header(HttpHeaders.ETAG, IfMatch.etag(changed.order().version()));
        }
        if (change instanceof OrderChange.NotFound missing) {
            throw notFound(missing.orderId());
        }
        if (change instanceof OrderChange.NotAllowed notAllowed) {
            throw new ProblemException(Problem.of(HttpStatus.CONFLICT, "Illegal status change", notAllowed.detail())
                .with("currentStatus", notAllowed.current().name()));
        }
        if (change instanceof OrderChange.StaleVersion stale) {
            throw new ProblemException(Problem.staleVersion("Order " + stale.orderId(), stale.currentVersion()));
        }
        if (change instanceof OrderChange.Contended contended) {
            throw new ProblemException(Problem.contended(
                "Order " + contended.orderId() + " kept changing while this request ran; try again"));
        }
        throw new IllegalStateException("Unmapped outcome " + change);
    }

    private static ProblemException notFound(String id) {
        return new ProblemException(Problem.of(HttpStatus.NOT_FOUND, "No order " + id));
    }
}
