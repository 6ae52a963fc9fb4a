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
}
