package dev.shop.local.identity;

import static dev.shop.local.identity.Fixtures.PASSWORD;
import static dev.shop.local.identity.Fixtures.newUsername;
import static dev.shop.local.identity.Fixtures.passwordLogin;
import static dev.shop.local.identity.Fixtures.signUp;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.nimbusds.jwt.JWTParser;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthFlowType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthenticationResultType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.CognitoIdentityProviderException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.GetUserResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InvalidParameterException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InvalidPasswordException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.NotAuthorizedException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ResourceNotFoundException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.SignUpResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserNotFoundException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UsernameExistsException;

/** The provider driven through the real AWS SDK client, as the storefront, the local stack and the tests use it. */
class CognitoProtocolTest {

    private static LocalIdentityProvider provider;
    private static CognitoIdentityProviderClient cognito;

    @BeforeAll
    static void startProvider() {
        provider = LocalIdentityProvider.start(IdentityProviderConfig.inMemory());
        cognito = Fixtures.cognito(provider);
    }

    @AfterAll
    static void stopProvider() {
        cognito.close();
        provider.close();
    }

    @Test
    void signUpConfirmsAtOnceThenLoginAndRefreshIssueTokens() throws ParseException {
        // given
        String username = newUsername();

        // when
        SignUpResponse signedUp = signUp(cognito, provider, username, PASSWORD);
        AuthenticationResultType login = passwordLogin(cognito, provider, username, PASSWORD);
        AuthenticationResultType refreshed = cognito.initiateAuth(request -> request.clientId(provider.clientId())
                .authFlow(AuthFlowType.REFRESH_TOKEN_AUTH)
                .authParameters(Map.of("REFRESH_TOKEN", login.refreshToken()))).authenticationResult();

        // then
        assertThat(signedUp.userConfirmed()).isTrue();
        assertThat(signedUp.userSub()).isNotBlank();
        assertThat(login.accessToken()).isNotBlank();
        assertThat(login.idToken()).isNotBlank();
        assertThat(login.refreshToken()).isNotBlank();
        assertThat(login.expiresIn()).isEqualTo(3600);
        assertThat(login.tokenType()).isEqualTo("Bearer");
        assertThat(refreshed.accessToken()).isNotBlank().isNotEqualTo(login.accessToken());
        assertThat(refreshed.idToken()).isNotBlank().isNotEqualTo(login.idToken());
        assertThat(refreshed.refreshToken()).isNull();
        assertThat(JWTParser.parse(refreshed.accessToken()).getJWTClaimsSet().getSubject())
                .isEqualTo(signedUp.userSub());
        assertThat(JWTParser.parse(refreshed.accessToken()).getJWTClaimsSet().getClaim("origin_jti"))
                .isEqualTo(JWTParser.parse(login.accessToken()).getJWTClaimsSet().getClaim("origin_jti"));
    }

    @Test
    void legacyRefreshTokenFlowNameIsAcceptedToo() {
        // given
        String username = newUsername();
        signUp(cognito, provider, username, PASSWORD);
        String refreshToken = passwordLogin(cognito, provider, username, PASSWORD).refreshToken();

        // when
        AuthenticationResultType refreshed = cognito.initiateAuth(request -> request.clientId(provider.clientId())
                .authFlow(AuthFlowType.REFRESH_TOKEN)
                .authParameters(Map.of("REFRESH_TOKEN", refreshToken))).authenticationResult();

        // then
        assertThat(refreshed.accessToken()).isNotBlank();
    }

    @Test
    void wrongPasswordIsNotAuthorized() {
        // given
        String username = newUsername();
        signUp(cognito, provider, username, PASSWORD);

        // when / then
        assertThatThrownBy(() -> passwordLogin(cognito, provider, username, "Wrong-Horse-9"))
                .isInstanceOf(NotAuthorizedException.class)
                .satisfies(e -> assertThat(errorOf(e).statusCode()).isEqualTo(400))
                .hasMessageContaining("Incorrect username or password.");
    }

    @Test
    void unknownUserIsNotAuthorizedWithoutRevealingThatItDoesNotExist() {
        assertThatThrownBy(() -> passwordLogin(cognito, provider, newUsername(), PASSWORD))
                .isInstanceOf(NotAuthorizedException.class)
                .hasMessageContaining("Incorrect username or password.");
    }

    @Test
    void usernamesMatchCaseInsensitively() {
        // given
        String username = newUsername();
        signUp(cognito, provider, username, PASSWORD);

        // when
        AuthenticationResultType login = passwordLogin(cognito, provider, username.toUpperCase(), PASSWORD);

        // then
        assertThat(login.accessToken()).isNotBlank();
    }

    @Test
    void unknownRefreshTokenIsNotAuthorized() {
        assertThatThrownBy(() -> cognito.initiateAuth(request -> request.clientId(provider.clientId())
                .authFlow(AuthFlowType.REFRESH_TOKEN_AUTH)
                .authParameters(Map.of("REFRESH_TOKEN", "not-a-token-this-pool-issued"))))
                .isInstanceOf(NotAuthorizedException.class)
                .hasMessageContaining("Invalid Refresh Token");
    }

    @Test
    void revokedRefreshTokenNoLongerRefreshes() {
        // given
        String username = newUsername();
        signUp(cognito, provider, username, PASSWORD);
        String refreshToken = passwordLogin(cognito, provider, username, PASSWORD).refreshToken();

        // when
        cognito.revokeToken(request -> request.clientId(provider.clientId()).token(refreshToken));

        // then
        assertThatThrownBy(() -> provider.refresh(refreshToken))
                .isInstanceOf(CognitoException.class)
                .satisfies(e -> assertThat(((CognitoException) e).errorType()).isEqualTo("NotAuthorizedException"));
    }

    @Test
    void duplicateSignUpIsUsernameExists() {
        // given
        String username = newUsername();
        signUp(cognito, provider, username, PASSWORD);

        // when / then
        assertThatThrownBy(() -> signUp(cognito, provider, username, "Other-Horse-7"))
                .isInstanceOf(UsernameExistsException.class)
                .hasMessageContaining("User already exists");
    }

    @Test
    void racingSignUpsForOneUsernameLetExactlyOneWin() throws Exception {
        // given
        String username = newUsername();
        int racers = 6;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(racers);
        List<Future<Boolean>> outcomes = new ArrayList<>();
        Callable<Boolean> racer = () -> {
            start.await();
            try {
                signUp(cognito, provider, username, PASSWORD);
                return true;
            } catch (UsernameExistsException lost) {
                return false;
            }
        };

        // when
        for (int i = 0; i < racers; i++) {
            outcomes.add(pool.submit(racer));
        }
        start.countDown();
        int winners = 0;
        for (Future<Boolean> outcome : outcomes) {
            winners += outcome.get() ? 1 : 0;
        }
        pool.shutdown();

        // then
        assertThat(winners).isEqualTo(1);
    }

    @TestFactory
    List<DynamicTest> weakPasswordsAreRejectedWithCognitosReason() {
        Map<String, String> reasons = Map.of(
                "Sh0rt-a", "Password not long enough",
                "NO-LOWER-CASE-1", "Password must have lowercase characters",
                "no-upper-case-1", "Password must have uppercase characters",
                "No-Digits-At-All", "Password must have numeric characters");
        return reasons.entrySet().stream().map(weak -> DynamicTest.dynamicTest(weak.getKey(), () ->
                assertThatThrownBy(() -> signUp(cognito, provider, newUsername(), weak.getKey()))
                        .isInstanceOf(InvalidPasswordException.class)
                        .hasMessageContaining("Password did not conform with policy: " + weak.getValue())))
                .toList();
    }

    @Test
    void signUpWithoutEmailForNonEmailUsernameIsInvalidParameter() {
        assertThatThrownBy(() -> cognito.signUp(request -> request.clientId(provider.clientId())
                .username("no-email-" + System.nanoTime()).password(PASSWORD)))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("The attribute email is required");
    }

    @Test
    void signUpWithMalformedEmailIsInvalidParameter() {
        assertThatThrownBy(() -> cognito.signUp(request -> request.clientId(provider.clientId())
                .username("bad-email-" + System.nanoTime()).password(PASSWORD)
                .userAttributes(AttributeType.builder().name("email").value("not-an-email").build())))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("Invalid email address format.");
    }

    @Test
    void unknownClientIdIsResourceNotFound() {
        assertThatThrownBy(() -> cognito.initiateAuth(request -> request.clientId("someotherclient")
                .authFlow(AuthFlowType.USER_PASSWORD_AUTH)
                .authParameters(Map.of("USERNAME", "anyone", "PASSWORD", PASSWORD))))
                .isInstanceOf(ResourceNotFoundException.class)
                .hasMessageContaining("User pool client someotherclient does not exist.");
    }

    @Test
    void missingPasswordParameterIsInvalidParameter() {
        assertThatThrownBy(() -> cognito.initiateAuth(request -> request.clientId(provider.clientId())
                .authFlow(AuthFlowType.USER_PASSWORD_AUTH)
                .authParameters(Map.of("USERNAME", "anyone"))))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("Missing required parameter PASSWORD");
    }

    @Test
    void srpFlowIsNotEnabledForTheClient() {
        assertThatThrownBy(() -> cognito.initiateAuth(request -> request.clientId(provider.clientId())
                .authFlow(AuthFlowType.USER_SRP_AUTH)
                .authParameters(Map.of("USERNAME", "anyone", "SRP_A", "00"))))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("USER_SRP_AUTH flow not enabled for this client");
    }

    @Test
    void adminAddUserToGroupPutsTheGroupIntoTheNextTokens() throws ParseException {
        // given
        String username = newUsername();
        signUp(cognito, provider, username, PASSWORD);
        String before = passwordLogin(cognito, provider, username, PASSWORD).accessToken();

        // when
        cognito.adminAddUserToGroup(request -> request.userPoolId(provider.userPoolId()).username(username)
                .groupName("admin"));
        String after = passwordLogin(cognito, provider, username, PASSWORD).accessToken();

        // then
        assertThat(JWTParser.parse(before).getJWTClaimsSet().getClaim("cognito:groups")).isNull();
        assertThat(JWTParser.parse(after).getJWTClaimsSet().getStringListClaim("cognito:groups"))
                .containsExactly("admin");
    }

    @Test
    void adminRemoveUserFromGroupTakesTheGroupAway() throws ParseException {
        // given
        String username = newUsername();
        provider.ensureUser(username, PASSWORD, username, Set.of("admin", "staff"));

        // when
        cognito.adminRemoveUserFromGroup(request -> request.userPoolId(provider.userPoolId()).username(username)
                .groupName("admin"));

        // then
        String token = provider.login(username, PASSWORD).accessToken();
        assertThat(JWTParser.parse(token).getJWTClaimsSet().getStringListClaim("cognito:groups"))
                .containsExactly("staff");
    }

    @Test
    void adminAddUserToGroupOfUnknownUserIsUserNotFound() {
        assertThatThrownBy(() -> cognito.adminAddUserToGroup(request -> request.userPoolId(provider.userPoolId())
                .username(newUsername()).groupName("admin")))
                .isInstanceOf(UserNotFoundException.class);
    }

    @Test
    void adminAddUserToGroupInUnknownPoolIsResourceNotFound() {
        assertThatThrownBy(() -> cognito.adminAddUserToGroup(request -> request.userPoolId("us-east-1_nope")
                .username(newUsername()).groupName("admin")))
                .isInstanceOf(ResourceNotFoundException.class)
                .hasMessageContaining("User pool us-east-1_nope does not exist.");
    }

    @Test
    void getUserReturnsTheTokensUserAndAttributes() {
        // given
        String username = newUsername();
        String sub = signUp(cognito, provider, username, PASSWORD).userSub();
        String accessToken = passwordLogin(cognito, provider, username, PASSWORD).accessToken();

        // when
        GetUserResponse user = cognito.getUser(request -> request.accessToken(accessToken));

        // then
        assertThat(user.username()).isEqualTo(username);
        assertThat(user.userAttributes()).extracting(AttributeType::name, AttributeType::value)
                .contains(tuple("sub", sub),
                        tuple("email", username),
                        tuple("email_verified", "true"));
    }

    @Test
    void getUserWithForgedTokenIsNotAuthorized() {
        // given
        String forged = TestTokens.of(provider).forgedAccessToken(TestTokens.Forgery.FOREIGN_KEY, "someone", Set.of());

        // when / then
        assertThatThrownBy(() -> cognito.getUser(request -> request.accessToken(forged)))
                .isInstanceOf(NotAuthorizedException.class)
                .hasMessageContaining("Invalid Access Token");
    }

    @Test
    void javaLoginTakesTheSamePathAsInitiateAuth() {
        // given
        String username = newUsername();
        provider.ensureUser(username, PASSWORD, username, Set.of());

        // when / then
        assertThat(provider.login(username, PASSWORD).refreshToken()).isPresent();
        assertThatThrownBy(() -> provider.login(username, "Wrong-Horse-9"))
                .isInstanceOf(CognitoException.class)
                .satisfies(e -> assertThat(((CognitoException) e).errorType()).isEqualTo("NotAuthorizedException"));
    }

    @Test
    void ensureUserIsIdempotentAndKeepsTheSub() throws ParseException {
        // given
        String username = newUsername();
        String first = provider.ensureUser(username, PASSWORD, username, Set.of("admin"));

        // when
        String again = provider.ensureUser(username, PASSWORD, username, Set.of("admin"));
        String changed = provider.ensureUser(username, "New-Password-1", username, Set.of());

        // then
        assertThat(again).isEqualTo(first);
        assertThat(changed).isEqualTo(first);
        String token = provider.login(username, "New-Password-1").accessToken();
        assertThat(JWTParser.parse(token).getJWTClaimsSet().getClaim("cognito:groups")).isNull();
        assertThatThrownBy(() -> provider.login(username, PASSWORD)).isInstanceOf(CognitoException.class);
    }

    private static CognitoIdentityProviderException errorOf(Throwable e) {
        return (CognitoIdentityProviderException) e;
    }
}
