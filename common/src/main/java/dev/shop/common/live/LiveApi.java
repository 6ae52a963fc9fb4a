package dev.shop.common.live;

import java.time.Duration;
import java.util.List;

import dev.shop.common.routes.Service;
import dev.shop.common.table.Keys;

/**
 * The live-events wiring, defined once (as {@link dev.shop.common.routes.Routes}
 * is for HTTP): the WebSocket API's routes and authorizer, and the stream event
 * source that feeds the consumer. The CDK stack creates exactly these routes and
 * this event source mapping; the local stack plays them with the same handlers
 * and the same settings. docs/data-model.md shows the flow.
 */
public final class LiveApi {

    /** The service whose Lambda jar holds every live-events handler: it owns orders and connections. */
    public static final Service SERVICE = Service.ORDERS;

    /**
     * The subprotocol a client asks for. The access token travels beside it in
     * {@code Sec-WebSocket-Protocol} ({@code shop-live.v1, <access token>}):
     * a browser cannot set an Authorization header on a WebSocket, and unlike
     * a query parameter the header is not part of the URL that proxies, browser
     * history and access logs record.
     */
    public static final String SUBPROTOCOL = "shop-live.v1";
    /** The handshake header carrying the subprotocol and the token: the authorizer's identity source. */
    public static final String TOKEN_HEADER = "Sec-WebSocket-Protocol";

    public static final String AUTHORIZER_HANDLER = "dev.shop.orders.live.LiveAuthorizerFunction";
    public static final String CONNECTIONS_HANDLER = "dev.shop.orders.live.LiveConnectionsFunction";
    public static final String STREAM_HANDLER = "dev.shop.orders.live.OrderEventsFunction";

    /** The WebSocket API's stage: its URL is {@code wss://<api>.execute-api.<region>.amazonaws.com/live}. */
    public static final String STAGE = "live";

    /** Keys of the authorizer's context, handed to {@code $connect} and {@code $disconnect}. */
    public static final String CONTEXT_USER_ID = "userId";
    public static final String CONTEXT_ADMIN = "admin";

    /** The WebSocket API's routes: a client only listens, so there is no message route. */
    public static final List<WebSocketRoute> ROUTES = List.of(
        new WebSocketRoute("$connect", CONNECTIONS_HANDLER, true),
        new WebSocketRoute("$disconnect", CONNECTIONS_HANDLER, false));

    /**
     * How long a connection item lives without a {@code $disconnect}: API
     * Gateway closes every WebSocket after 2 hours, so an item older than that
     * (a lost disconnect) is garbage that TTL removes.
     */
    public static final Duration CONNECTION_TTL = Duration.ofHours(2).plusMinutes(5);

    /** How long a stream record's delivery marker is kept: longer than the stream's 24-hour retention. */
    public static final Duration DELIVERY_MARKER_TTL = Duration.ofHours(25);

    /**
     * The stream event source: batches of up to 100 records, invoking as soon as
     * records arrive (a batching window would add its length to every event's
     * latency, and a live status is worth more than fewer invocations), retrying a failing record 3 times (halving the batch
     * around it first) before it goes to the on-failure destination. Only order
     * and product items reach the consumer (the filter on the sort key), so its
     * own writes (connections, delivery markers) never invoke it.
     */
    public static final StreamSource STREAM = new StreamSource(100, Duration.ZERO, 3, true,
        List.of(Keys.order("x").sk(), Keys.product("x").sk()));

    private LiveApi() {
    }

    /** A route of the WebSocket API, the handler class it invokes, and whether the authorizer guards it. */
    public record WebSocketRoute(String routeKey, String handler, boolean authorized) {
    }

    /**
     * The event source mapping's settings.
     *
     * @param sortKeys the item types (sort key values) the filter lets through
     */
    public record StreamSource(int batchSize, Duration maxBatchingWindow, int maxRetryAttempts, boolean bisectOnError,
                               List<String> sortKeys) {
    }
}
