package dev.shop.deploy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.cdklabs.cdknag.NagPackSuppression;
import io.github.cdklabs.cdknag.NagSuppressions;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.services.s3.deployment.BucketDeployment;
import software.amazon.awscdk.services.s3.deployment.CacheControl;
import software.amazon.awscdk.services.s3.deployment.Source;
import software.constructs.Construct;

/**
 * Uploads the storefront's files (the storefront module's {@code site/}), a
 * {@code config.json} written from the shop stack's outputs, with the field
 * names of the local {@code .local/stack.json}, so the same files run in both
 * places, and the API's interactive documentation under {@code api-docs/}:
 * Swagger UI and docs/api/openapi.yaml as the api module packages them, the
 * files the local stack serves (the shop stack's {@code docsUrl} opens them). A stack of its own: CDK's BucketDeployment brings a copy function
 * with S3 permissions on the asset and site buckets, and keeping it apart
 * leaves the shop stack with the services' functions and their least-privilege
 * roles only.
 */
final class StorefrontContentStack extends Stack {

    /** System property naming the site directory, as Maven passes it to the tests. */
    static final String SITE_DIR_PROPERTY = "shop.site.dir";
    /** The storefront module's files, relative to deploy/aws (where cdk.json runs the app). */
    static final String DEFAULT_SITE_DIR = "../../storefront/src/main/resources/site";
    /** System property naming the directory that holds {@code api-docs/}, as Maven passes it to the tests. */
    static final String API_DOCS_DIR_PROPERTY = "shop.apidocs.dir";
    /** The api module's built {@code site/} (its only folder is {@code api-docs/}), relative to deploy/aws. */
    static final String DEFAULT_API_DOCS_DIR = "../../api/target/classes/site";

    StorefrontContentStack(Construct scope, StackSettings settings, ShopStack shop) {
        super(scope, settings.stackName() + "Storefront", StackProps.builder()
            .env(ShopStack.pinnedEnvironment(settings))
            .description("Shop: the storefront's files and config.json in the storefront bucket")
            .build());
        addDependency(shop);
        Path site = Path.of(System.getProperty(SITE_DIR_PROPERTY, DEFAULT_SITE_DIR));
        if (!Files.isRegularFile(site.resolve("index.html"))) {
            throw new IllegalStateException("No storefront at " + site.toAbsolutePath() + " (set -D" + SITE_DIR_PROPERTY + ")");
        }
        Path apiDocs = Path.of(System.getProperty(API_DOCS_DIR_PROPERTY, DEFAULT_API_DOCS_DIR));
        for (String file : List.of("index.html", "swagger-ui-bundle.js", "openapi.yaml")) {
            if (!Files.isRegularFile(apiDocs.resolve("api-docs").resolve(file))) {
                throw new IllegalStateException("No api-docs/" + file + " in " + apiDocs.toAbsolutePath()
                    + " (build the api module first: ./mvnw -B package, or set -D" + API_DOCS_DIR_PROPERTY + ")");
            }
        }
        Map<String, Object> config = new LinkedHashMap<>(shop.clientSettings());
        // One deployment for all three sources, so that pruning keeps exactly these files and nothing older.
        BucketDeployment.Builder.create(this, "Site")
            .sources(List.of(Source.asset(site.toString()), Source.jsonData("config.json", config),
                Source.asset(apiDocs.toString())))
            .destinationBucket(shop.storefront().bucket())
            // index.html, the modules and config.json change with every deploy: CloudFront revalidates them.
            .cacheControl(List.of(CacheControl.noCache()))
            .prune(true)
            // A sandbox's `cdk destroy --all` empties the bucket first, so that its stack can delete it.
            .retainOnDelete(settings.tier() == Tier.PROD)
            .build();
        // The upload runs in the CDK's own BucketDeployment function, which this stack holds and nothing else.
        NagSuppressions.addStackSuppressions(this, List.of(
            suppression("IAM4", "The CDK's BucketDeployment function runs with AWSLambdaBasicExecutionRole; its role is"
                + " created by the construct, not written here, and the function runs only during a deployment"),
            suppression("IAM5", "BucketDeployment copies a whole asset prefix into the storefront bucket, so its role"
                + " holds s3:GetObject*/List*/DeleteObject* on the asset and site buckets' objects (/*)"),
            suppression("L1", "The BucketDeployment function's runtime is chosen by the CDK version, not by the shop")));
    }

    private static NagPackSuppression suppression(String rule, String reason) {
        return NagPackSuppression.builder().id("AwsSolutions-" + rule).reason(reason).build();
    }
}
