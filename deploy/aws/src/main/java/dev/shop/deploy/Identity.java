package dev.shop.deploy;

import dev.shop.common.security.Roles;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.cognito.AccountRecovery;
import software.amazon.awscdk.services.cognito.AuthFlow;
import software.amazon.awscdk.services.cognito.AutoVerifiedAttrs;
import software.amazon.awscdk.services.cognito.FeaturePlan;
import software.amazon.awscdk.services.cognito.PasswordPolicy;
import software.amazon.awscdk.services.cognito.SignInAliases;
import software.amazon.awscdk.services.cognito.UserPool;
import software.amazon.awscdk.services.cognito.UserPoolClient;
import software.amazon.awscdk.services.cognito.UserPoolClientOptions;
import software.amazon.awscdk.services.cognito.UserPoolGroupOptions;
import software.constructs.Construct;

/**
 * Who the shop's users are: a Cognito user pool signing in by email, one app
 * client for the storefront, the admin tools and the load tests, and the
 * {@code admin} group the services authorize by.
 */
final class Identity extends Construct {

    private final UserPool userPool;
    private final UserPoolClient client;

    Identity(Construct scope, String id, StackSettings settings) {
        super(scope, id);
        userPool = UserPool.Builder.create(this, "UserPool")
            .signInAliases(SignInAliases.builder().email(true).build())
            .autoVerify(AutoVerifiedAttrs.builder().email(true).build())
            .selfSignUpEnabled(settings.selfSignUp())
            // Password sign-in, groups and JWTs are all the shop uses; Lite bills them at the lowest MAU rate.
            .featurePlan(FeaturePlan.LITE)
            .passwordPolicy(PasswordPolicy.builder()
                .minLength(12)
                .requireLowercase(true)
                .requireUppercase(true)
                .requireDigits(true)
                .requireSymbols(true)
                .tempPasswordValidity(Duration.days(3))
                .build())
            .accountRecovery(AccountRecovery.EMAIL_ONLY)
            .removalPolicy(settings.tier().removalPolicy())
            .deletionProtection(settings.tier().deletionProtection())
            .build();
        Nag.accept(userPool, "COG2", "MFA is not required of shoppers: a second factor at sign-up costs a storefront"
            + " customers, and a shopper's account holds no stored payment means (docs/deploy.md)");
        Nag.accept(userPool, "COG3", "Threat protection (advanced security) needs the Plus feature plan; the shop runs"
            + " on Lite for cost, with a 12-character password policy and API throttling (docs/deploy.md)");
        // A public client (no secret): browsers and CLIs cannot keep one. The
        // password flow is what the Gatling simulations and the docs' curl use;
        // SRP is what a browser should use; CDK adds refresh to any flow set.
        // No OAuth: there is no hosted UI, and CDK's default would enable the
        // implicit grant with a placeholder callback URL.
        client = userPool.addClient("AppClient", UserPoolClientOptions.builder()
            .generateSecret(false)
            .disableOAuth(true)
            .authFlows(AuthFlow.builder().userPassword(true).userSrp(true).build())
            .preventUserExistenceErrors(true)
            .accessTokenValidity(Duration.hours(1))
            .idTokenValidity(Duration.hours(1))
            .refreshTokenValidity(Duration.days(30))
            .build());
        userPool.addGroup("AdminGroup", UserPoolGroupOptions.builder()
            .groupName(Roles.ADMIN)
            .description("Shop administrators: catalog, stock, order status, customer look-ups")
            .build());
    }

    String userPoolId() {
        return userPool.getUserPoolId();
    }

    String clientId() {
        return client.getUserPoolClientId();
    }

    /** Cognito's token issuer, the {@code iss} claim of every token the pool signs. */
    String issuer() {
        return "https://cognito-idp." + Stack.of(this).getRegion() + ".amazonaws.com/" + userPool.getUserPoolId();
    }

    /** The endpoint the AWS SDK's Cognito client talks to, as in the local stack.json. */
    String cognitoEndpoint() {
        return "https://cognito-idp." + Stack.of(this).getRegion() + ".amazonaws.com";
    }
}
