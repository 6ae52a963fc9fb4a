package dev.shop.deploy;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * Everything a deployment may choose, read from CDK context ({@code -c key=value}
 * or cdk.json), each with a default that deploys a working shop. The keys are
 * listed in docs/deploy.md.
 *
 * @param stackName          CloudFormation stack name
 * @param region             region the stack is pinned to
 * @param account            account the stack is pinned to, when the CLI knows it
 * @param tier               prod (retain data) or sandbox (destroy with the stack)
 * @param lambdasDir         directory holding {@code <service>.zip}
 * @param memoryMb           memory of each function
 * @param timeoutSeconds     timeout of each function
 * @param storefrontOrigin   the one origin CORS allows; unset, the storefront's own CloudFront
 *                           distribution ({@code https://<id>.cloudfront.net}); {@code *} allows any
 * @param selfSignUp         whether anyone may create an account
 * @param throttleRate       default stage steady-state requests per second
 * @param throttleBurst      default stage burst
 * @param writeThrottleRate  steady-state requests per second of each write route (every method but GET)
 * @param writeThrottleBurst burst of each write route
 * @param replicaRegions     regions that hold a replica of the table besides {@code region}; none: a one-region table
 */
record StackSettings(String stackName,
                     String region,
                     Optional<String> account,
                     Tier tier,
                     Path lambdasDir,
                     int memoryMb,
                     int timeoutSeconds,
                     Optional<String> storefrontOrigin,
                     boolean selfSignUp,
                     int throttleRate,
                     int throttleBurst,
                     int writeThrottleRate,
                     int writeThrottleBurst,
                     List<String> replicaRegions) {

    static final String STACK_NAME = "shop:stackName";
    static final String REGION = "shop:region";
    static final String ENV = "shop:env";
    static final String LAMBDAS_DIR = "shop:lambdasDir";
    static final String MEMORY_MB = "shop:memoryMb";
    static final String TIMEOUT_SECONDS = "shop:timeoutSeconds";
    static final String STOREFRONT_ORIGIN = "shop:storefrontOrigin";
    static final String SELF_SIGN_UP = "shop:selfSignUp";
    static final String THROTTLE_RATE = "shop:throttleRate";
    static final String THROTTLE_BURST = "shop:throttleBurst";
    static final String WRITE_THROTTLE_RATE = "shop:writeThrottleRate";
    static final String WRITE_THROTTLE_BURST = "shop:writeThrottleBurst";
    static final String REPLICA_REGIONS = "shop:replicaRegions";

    /** System property naming the zips' directory, as Maven passes it to the tests. */
    static final String LAMBDAS_DIR_PROPERTY = "shop.lambdas.dir";
    /** Where maven-dependency-plugin copies the zips, relative to deploy/aws. */
    static final String DEFAULT_LAMBDAS_DIR = "target/lambdas";
    static final String DEFAULT_REGION = "us-east-1";

    StackSettings {
        if (memoryMb < 128 || memoryMb > 10_240) {
            throw new IllegalArgumentException(MEMORY_MB + " must be 128..10240, was " + memoryMb);
        }
        if (timeoutSeconds < 1 || timeoutSeconds > 900) {
            throw new IllegalArgumentException(TIMEOUT_SECONDS + " must be 1..900, was " + timeoutSeconds);
        }
        if (throttleRate < 1 || throttleBurst < 1) {
            throw new IllegalArgumentException(THROTTLE_RATE + " and " + THROTTLE_BURST + " must be positive");
        }
        if (writeThrottleRate < 1 || writeThrottleBurst < 1) {
            throw new IllegalArgumentException(WRITE_THROTTLE_RATE + " and " + WRITE_THROTTLE_BURST + " must be positive");
        }
        if (storefrontOrigin.filter(String::isBlank).isPresent()) {
            throw new IllegalArgumentException(STOREFRONT_ORIGIN + " must not be blank");
        }
        replicaRegions = List.copyOf(replicaRegions);
        for (String replica : replicaRegions) {
            if (!replica.matches("[a-z]{2}(-[a-z]+)+-\\d")) {
                throw new IllegalArgumentException(REPLICA_REGIONS + " must list regions like eu-west-1, was '" + replica + "'");
            }
        }
        if (replicaRegions.contains(region) || replicaRegions.stream().distinct().count() != replicaRegions.size()) {
            throw new IllegalArgumentException(REPLICA_REGIONS + " must name each region once and not the stack's own ("
                + region + "), was " + replicaRegions);
        }
    }

    /**
     * Reads the settings.
     *
     * @param context     CDK context lookup (null when a key is unset)
     * @param environment environment lookup, for what the CDK CLI passes ({@code CDK_DEFAULT_*})
     */
    static StackSettings read(Function<String, Object> context, Function<String, String> environment) {
        Function<String, Optional<String>> value = key -> Optional.ofNullable(context.apply(key)).map(String::valueOf);
        return new StackSettings(
            value.apply(STACK_NAME).orElse("Shop"),
            value.apply(REGION)
                .or(() -> Optional.ofNullable(environment.apply("CDK_DEFAULT_REGION")))
                .orElse(DEFAULT_REGION),
            Optional.ofNullable(environment.apply("CDK_DEFAULT_ACCOUNT")),
            Tier.parse(value.apply(ENV).orElse("prod")),
            Path.of(value.apply(LAMBDAS_DIR)
                .or(() -> Optional.ofNullable(System.getProperty(LAMBDAS_DIR_PROPERTY)))
                .orElse(DEFAULT_LAMBDAS_DIR)),
            integer(value, MEMORY_MB, 1024),
            integer(value, TIMEOUT_SECONDS, 15),
            value.apply(STOREFRONT_ORIGIN),
            value.apply(SELF_SIGN_UP).map(StackSettings::bool).orElse(true),
            integer(value, THROTTLE_RATE, 100),
            integer(value, THROTTLE_BURST, 200),
            integer(value, WRITE_THROTTLE_RATE, 20),
            integer(value, WRITE_THROTTLE_BURST, 40),
            value.apply(REPLICA_REGIONS).map(StackSettings::regions).orElse(List.of()));
    }

    /** {@code eu-west-1,ap-southeast-2} on the command line; cdk.json's list arrives as {@code [eu-west-1, ap-southeast-2]}. */
    private static List<String> regions(String text) {
        return Arrays.stream(text.replaceAll("[\\[\\]\"\\s]", "").split(","))
            .filter(region -> !region.isEmpty())
            .toList();
    }

    /** A whole number; cdk.json numbers arrive as {@code 1024.0}, so the scale is not held against them. */
    private static int integer(Function<String, Optional<String>> value, String key, int fallback) {
        return value.apply(key).map(text -> {
            try {
                return new BigDecimal(text.trim()).intValueExact();
            } catch (NumberFormatException | ArithmeticException e) {
                throw new IllegalArgumentException(key + " must be a whole number, was '" + text + "'", e);
            }
        }).orElse(fallback);
    }

    private static boolean bool(String text) {
        return switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException(SELF_SIGN_UP + " must be true or false, was '" + text + "'");
        };
    }
}
