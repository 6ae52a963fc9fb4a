package dev.shop.orders.live;

import java.util.Map;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketResponse;
import dev.shop.common.live.LiveApi;
import io.micronaut.function.aws.MicronautRequestHandler;

/**
 * The WebSocket API's {@code $connect} and {@code $disconnect} routes: a
 * connection item is written when the authorizer let the client in, and
 * deleted when it leaves. The user comes from the authorizer's context, which
 * API Gateway hands to both routes. Wiring only.
 */
public final class LiveConnectionsFunction
    extends MicronautRequestHandler<APIGatewayV2WebSocketEvent, APIGatewayV2WebSocketResponse> {

    private final ConnectionRepository connections;

    public LiveConnectionsFunction() {
        connections = getApplicationContext().getBean(ConnectionRepository.class);
    }

    @Override
    public APIGatewayV2WebSocketResponse execute(APIGatewayV2WebSocketEvent event) {
        APIGatewayV2WebSocketEvent.RequestContext context = event.getRequestContext();
        Map<String, Object> authorizer = context.getAuthorizer() == null ? Map.of() : context.getAuthorizer();
        Object userId = authorizer.get(LiveApi.CONTEXT_USER_ID);
        if (userId == null || userId.toString().isBlank()) {
            // $connect is never reached without the authorizer's context; a $disconnect without it has nothing to remove
            return response(context.getRouteKey().equals("$connect") ? 403 : 200);
        }
        LiveConnection connection = new LiveConnection(userId.toString(), context.getConnectionId());
        switch (context.getRouteKey()) {
            case "$connect" -> {
                connections.save(connection, "true".equals(String.valueOf(authorizer.get(LiveApi.CONTEXT_ADMIN))));
                APIGatewayV2WebSocketResponse accepted = response(200);
                // a browser drops a handshake whose answer names no subprotocol it offered
                accepted.setHeaders(Map.of(LiveApi.TOKEN_HEADER, LiveApi.SUBPROTOCOL));
                return accepted;
            }
            case "$disconnect" -> connections.delete(connection);
            default -> {
                return response(400);
            }
        }
        return response(200);
    }

    private static APIGatewayV2WebSocketResponse response(int status) {
        APIGatewayV2WebSocketResponse response = new APIGatewayV2WebSocketResponse();
        response.setStatusCode(status);
        return response;
    }
}
