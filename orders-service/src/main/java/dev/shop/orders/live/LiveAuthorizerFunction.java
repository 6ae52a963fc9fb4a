package dev.shop.orders.live;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import com.amazonaws.services.lambda.runtime.events.APIGatewayCustomAuthorizerEvent;
import com.amazonaws.services.lambda.runtime.events.IamPolicyResponseV1;
import dev.shop.common.live.LiveApi;
import dev.shop.common.security.Caller;
import io.micronaut.function.aws.MicronautRequestHandler;

/**
 * The WebSocket API's {@code $connect} REQUEST authorizer (API Gateway
 * WebSocket APIs have no JWT authorizer). The token arrives beside the
 * subprotocol in {@code Sec-WebSocket-Protocol}; the answer is an IAM policy
 * for this connection, with the user id and admin flag as context that API
 * Gateway hands to {@code $connect} and {@code $disconnect}. Wiring only.
 */
public final class LiveAuthorizerFunction extends MicronautRequestHandler<APIGatewayCustomAuthorizerEvent, IamPolicyResponseV1> {

    private final LiveTokenCheck tokens;

    public LiveAuthorizerFunction() {
        tokens = getApplicationContext().getBean(LiveTokenCheck.class);
    }

    @Override
    public IamPolicyResponseV1 execute(APIGatewayCustomAuthorizerEvent event) {
        Optional<Caller> user = token(event.getHeaders()).flatMap(tokens::check);
        String resource = event.getMethodArn();
        if (user.isEmpty()) {
            return new IamPolicyResponseV1("anonymous", policy(IamPolicyResponseV1.denyStatement(resource)), Map.of(), null);
        }
        return new IamPolicyResponseV1(user.get().userId(), policy(IamPolicyResponseV1.allowStatement(resource)),
            Map.of(LiveApi.CONTEXT_USER_ID, user.get().userId(), LiveApi.CONTEXT_ADMIN, Boolean.toString(user.get().admin())),
            null);
    }

    private static IamPolicyResponseV1.PolicyDocument policy(IamPolicyResponseV1.Statement statement) {
        return new IamPolicyResponseV1.PolicyDocument(IamPolicyResponseV1.VERSION_2012_10_17, List.of(statement));
    }

    /** {@code Sec-WebSocket-Protocol: shop-live.v1, <token>}: the one entry that is not the subprotocol. */
    static Optional<String> token(Map<String, String> headers) {
        if (headers == null) {
            return Optional.empty();
        }
        String value = headers.entrySet().stream()
            .filter(header -> header.getKey().toLowerCase(Locale.ROOT).equals(LiveApi.TOKEN_HEADER.toLowerCase(Locale.ROOT)))
            .map(Map.Entry::getValue)
            .findFirst().orElse(null);
        if (value == null) {
            return Optional.empty();
        }
        List<String> offered = Arrays.stream(value.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
        if (offered.size() != 2 || !offered.contains(LiveApi.SUBPROTOCOL)) {
            return Optional.empty();
        }
        return offered.stream().filter(entry -> !entry.equals(LiveApi.SUBPROTOCOL)).findFirst();
    }
}
