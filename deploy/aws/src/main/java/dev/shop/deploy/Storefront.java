package dev.shop.deploy;

import software.amazon.awscdk.services.cloudfront.BehaviorOptions;
import software.amazon.awscdk.services.cloudfront.CachePolicy;
import software.amazon.awscdk.services.cloudfront.Distribution;
import software.amazon.awscdk.services.cloudfront.PriceClass;
import software.amazon.awscdk.services.cloudfront.ResponseHeadersPolicy;
import software.amazon.awscdk.services.cloudfront.ViewerProtocolPolicy;
import software.amazon.awscdk.services.cloudfront.origins.S3BucketOrigin;
import software.amazon.awscdk.services.s3.BlockPublicAccess;
import software.amazon.awscdk.services.s3.Bucket;
import software.amazon.awscdk.services.s3.BucketEncryption;
import software.amazon.awscdk.services.s3.IBucket;
import software.constructs.Construct;

/**
 * Where the storefront lives on AWS: a private S3 bucket that only this
 * CloudFront distribution may read (origin access control), served over
 * HTTPS. The files and their {@code config.json} are uploaded by
 * {@link StorefrontContentStack}; the API stays on its own origin and allows
 * this one through CORS.
 */
final class Storefront extends Construct {

    private final Bucket bucket;
    private final Distribution distribution;

    Storefront(Construct scope, String id, StackSettings settings) {
        super(scope, id);
        bucket = Bucket.Builder.create(this, "Site")
            .blockPublicAccess(BlockPublicAccess.BLOCK_ALL)
            .encryption(BucketEncryption.S3_MANAGED)
            .enforceSsl(true)
            .removalPolicy(settings.tier().removalPolicy())
            .build();
        distribution = Distribution.Builder.create(this, "Distribution")
            .comment("Shop storefront")
            .defaultRootObject("index.html")
            .priceClass(PriceClass.PRICE_CLASS_100)
            .defaultBehavior(BehaviorOptions.builder()
                .origin(S3BucketOrigin.withOriginAccessControl(bucket))
                .viewerProtocolPolicy(ViewerProtocolPolicy.REDIRECT_TO_HTTPS)
                .cachePolicy(CachePolicy.CACHING_OPTIMIZED)
                .responseHeadersPolicy(ResponseHeadersPolicy.SECURITY_HEADERS)
                .compress(true)
                .build())
            .build();
        Nag.accept(bucket, "S1", "No server access logs: the bucket is private and read only by this distribution"
            + " through origin access control, so CloudFront sees every request first");
        acceptEdgeFindings(distribution);
    }

    /** The cdk-nag findings every distribution of the shop answers the same way (docs/deploy.md lists them). */
    static void acceptEdgeFindings(Distribution distribution) {
        Nag.accept(distribution, "CFR3", "No standard logging: it needs a log bucket with ACLs for CloudFront's log"
            + " delivery, left to the deploying team; CloudFront's request metrics cover the shop's monitoring");
        Nag.accept(distribution, "CFR4", "The default *.cloudfront.net certificate, for which CloudFront fixes the"
            + " security policy; a custom domain with an ACM certificate sets TLSv1.2_2021 (docs/deploy.md)");
        Nag.accept(distribution, "CFR1", "No geo restriction: the shop sells to every country its addresses accept");
        Nag.accept(distribution, "CFR2", "No WAF web ACL by default: a web ACL has a fixed monthly price; the HTTP API"
            + " decision record (docs/decisions) says where a team attaches one");
    }

    IBucket bucket() {
        return bucket;
    }

    /** The storefront's origin, the one the API's CORS configuration allows. */
    String origin() {
        return "https://" + distribution.getDistributionDomainName();
    }

    String url() {
        return origin() + "/";
    }

    /**
     * The API's documentation, uploaded with the site (StorefrontContentStack), its "Try it out" sent to
     * {@code apiUrl}. The page is named: CloudFront's default root object serves only the root, not
     * {@code /api-docs/}.
     */
    String docsUrl(String apiUrl) {
        return origin() + "/api-docs/index.html?api=" + apiUrl;
    }
}
