package dev.shop.common.web;

/**
 * How long a public catalog read may be kept by browsers and the CDN. Short,
 * so that a price or stock change shows within half a minute, yet long enough
 * that a busy product page is served from CloudFront's edge rather than from
 * Lambda. Only anonymous catalog GETs carry it: nothing that depends on the
 * caller (carts, orders, profiles, admin reports) is ever marked cacheable.
 */
public final class PublicCaching {

    public static final int MAX_AGE_SECONDS = 30;
    public static final String CACHE_CONTROL = "public, max-age=" + MAX_AGE_SECONDS;

    private PublicCaching() {
    }
}
