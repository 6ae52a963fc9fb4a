package dev.shop.local.stack;

import java.net.URI;
import java.util.Map;

import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthFlowType;

/** Signs a user in at the stack's Cognito endpoint as any client of the shop does, for its access token. */
final class SignIn {

    private SignIn() {
    }

    static String accessToken(StackInfo stack, String username, String password) {
        try (CognitoIdentityProviderClient cognito = CognitoIdentityProviderClient.builder()
                .endpointOverride(URI.create(stack.cognitoEndpoint()))
                .region(Region.US_EAST_1)
                .credentialsProvider(AnonymousCredentialsProvider.create())
                .build()) {
            return cognito.initiateAuth(request -> request.clientId(stack.clientId())
                .authFlow(AuthFlowType.USER_PASSWORD_AUTH)
                .authParameters(Map.of("USERNAME", username, "PASSWORD", password))).authenticationResult().accessToken();
        }
    }
}
