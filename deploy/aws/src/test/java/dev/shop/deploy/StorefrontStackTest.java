package dev.shop.deploy;

import static dev.shop.deploy.SynthesizedShop.at;
import static dev.shop.deploy.SynthesizedShop.getAtt;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awscdk.assertions.Template;

/**
 * The storefront on AWS: a private bucket read only by its CloudFront
 * distribution through origin access control, the API's CORS origin set to
 * that distribution, and a second stack that uploads the site with a
 * config.json made of the shop stack's outputs.
 */
class StorefrontStackTest {

    @TempDir
    static Path outdir;

    private static SynthesizedShop shop;
    private static SynthesizedShop content;

    @BeforeAll
    static void synthesize() throws IOException {
        ShopApp.synthesize(outdir, Map.of(StackSettings.REGION, "eu-central-1"));
        shop = new SynthesizedShop(Template.fromString(Files.readString(outdir.resolve("Shop.template.json"))));
        content = new SynthesizedShop(Template.fromString(Files.readString(outdir.resolve("ShopStorefront.template.json"))));
    }

    @Test
    void theSiteBucketIsPrivateEncryptedAndRefusesPlainHttp() {
        Map<String, Object> bucket = shop.only("AWS::S3::Bucket");

        assertThat((Object) at(bucket, "PublicAccessBlockConfiguration")).isEqualTo(Map.of(
            "BlockPublicAcls", true, "BlockPublicPolicy", true, "IgnorePublicAcls", true, "RestrictPublicBuckets", true));
        assertThat((Object) at(bucket, "BucketEncryption", "ServerSideEncryptionConfiguration", 0,
            "ServerSideEncryptionByDefault", "SSEAlgorithm")).isEqualTo("AES256");
        List<Map<String, Object>> statements = at(shop.only("AWS::S3::BucketPolicy"), "PolicyDocument", "Statement");
        assertThat(statements).anySatisfy(statement -> {
            assertThat(statement).containsEntry("Effect", "Deny");
            assertThat((Object) at(statement, "Condition", "Bool", "aws:SecureTransport")).isEqualTo("false");
        });
    }

    @Test
    void onlyTheDistributionMayReadTheBucketThroughOriginAccessControl() {
        String distribution = storefrontDistribution();
        Map<String, Object> oac = shop.only("AWS::CloudFront::OriginAccessControl");
        List<Map<String, Object>> statements = at(shop.only("AWS::S3::BucketPolicy"), "PolicyDocument", "Statement");

        assertThat((Object) at(oac, "OriginAccessControlConfig", "OriginAccessControlOriginType")).isEqualTo("s3");
        assertThat((Object) at(oac, "OriginAccessControlConfig", "SigningBehavior")).isEqualTo("always");
        Map<String, Object> read = statements.stream().filter(s -> "Allow".equals(s.get("Effect"))).findFirst().orElseThrow();
        assertThat((Object) at(read, "Principal")).isEqualTo(Map.of("Service", "cloudfront.amazonaws.com"));
        assertThat((Object) at(read, "Action")).isEqualTo("s3:GetObject");
        assertThat(read.get("Condition").toString()).contains("AWS:SourceArn", distribution);
    }

    @Test
    void theDistributionServesTheIndexOverHttpsOnly() {
        Map<String, Object> config = at(shop.properties("AWS::CloudFront::Distribution", storefrontDistribution()), "DistributionConfig");

        assertThat((Object) at(config, "DefaultRootObject")).isEqualTo("index.html");
        assertThat((Object) at(config, "DefaultCacheBehavior", "ViewerProtocolPolicy")).isEqualTo("redirect-to-https");
        assertThat((Object) at(config, "Origins", 0, "OriginAccessControlId")).isNotNull();
    }

    @Test
    void theApiAllowsTheDistributionsOriginAndNoOther() {
        String distribution = storefrontDistribution();
        Map<String, Object> cors = at(shop.only("AWS::ApiGatewayV2::Api"), "CorsConfiguration");

        assertThat((Object) at(cors, "AllowOrigins")).isEqualTo(List.of(
            Map.of("Fn::Join", List.of("", List.of("https://", getAtt(distribution, "DomainName"))))));
        assertThat((List<String>) at(cors, "ExposeHeaders")).contains("ETag", "Location", "Retry-After");
        assertThat(shop.template().toJSON().toString()).contains("storefrontUrl");
    }

    @Test
    void theContentStackUploadsTheSiteAndAConfigMadeOfTheShopsOutputs() throws IOException {
        Map<String, Map<String, Object>> deployments = content.resources("Custom::CDKBucketDeployment");
        assertThat(deployments).hasSize(1);
        Map<String, Object> deployment = SynthesizedShop.properties(deployments.values().iterator().next());
        String text = deployment.toString();

        assertThat((List<?>) at(deployment, "SourceObjectKeys")).as("the site, config.json and api-docs/").hasSize(3);
        assertThat(text).contains("Fn::ImportValue").contains("no-cache");
        assertThat((Object) at(deployment, "Prune")).isEqualTo(true);
        try (var files = Files.walk(outdir)) {
            Path config = files.filter(file -> file.getFileName().toString().equals("config.json")).findFirst().orElseThrow();
            assertThat(Files.readString(config)).contains("\"apiUrl\"", "\"cognitoEndpoint\"", "\"userPoolId\"", "\"clientId\"",
                "\"issuer\"", "\"region\"", "\"webSocketUrl\"");
        }
        try (var files = Files.walk(outdir)) {
            assertThat(files.anyMatch(file -> file.endsWith(Path.of("js", "api.js")))).as("the site's modules are staged").isTrue();
        }
    }

    /**
     * The API's documentation goes up with the storefront, in the same deployment, under api-docs/: Swagger UI's
     * own files (nothing from a CDN) and the committed docs/api/openapi.yaml, byte for byte the document the
     * local stack serves; the shop stack's docsUrl opens that page with "Try it out" sent to the deployed API.
     */
    @Test
    void theContentStackUploadsTheApiDocumentationAndDocsUrlOpensItOnTheDeployedApi() throws IOException {
        Path staged;
        try (var files = Files.walk(outdir)) {
            staged = files.filter(file -> file.endsWith(Path.of("api-docs", "openapi.yaml"))).findFirst().orElseThrow();
        }
        Path apiDocs = staged.getParent();
        assertThat(Files.readString(staged)).isEqualTo(Files.readString(Path.of("../../docs/api/openapi.yaml")));
        assertThat(apiDocs.resolve("swagger-ui-bundle.js")).isRegularFile();
        assertThat(apiDocs.resolve("swagger-ui.css")).isRegularFile();
        assertThat(Files.readString(apiDocs.resolve("index.html")))
            .contains("src=\"swagger-ui-bundle.js\"", "url: 'openapi.yaml'")
            .doesNotContain("https://");

        String edge = shop.idOf("AWS::CloudFront::Distribution",
            distribution -> "Shop API edge".equals(at(distribution, "DistributionConfig", "Comment")));
        Object docsUrl = at(shop.template().toJSON(), "Outputs", "docsUrl", "Value");
        assertThat(docsUrl).isEqualTo(Map.of("Fn::Join", List.of("", List.of(
            "https://", getAtt(storefrontDistribution(), "DomainName"), "/api-docs/index.html?api=https://",
            getAtt(edge, "DomainName")))));
    }

    private static String storefrontDistribution() {
        return shop.idOf("AWS::CloudFront::Distribution",
            distribution -> "Shop storefront".equals(at(distribution, "DistributionConfig", "Comment")));
    }
}
