package dev.shop.common.paging;

/**
 * The secret the cursor key is derived from, read once at start-up
 * ({@link CursorSecretFactory}). Absent when neither {@code shop.cursor.secret}
 * nor {@code shop.cursor.secret-arn} is configured: then only a service that
 * pages fails, when its {@link CursorCodec} is created.
 */
public final class CursorSecret {

    private final String value;

    CursorSecret(String value) {
        this.value = value;
    }

    String value() {
        if (value == null) {
            throw new IllegalStateException("No cursor secret: configure " + CursorSecretFactory.SECRET_PROPERTY
                + " (a value) or " + CursorSecretFactory.SECRET_ARN_PROPERTY + " (a Secrets Manager secret)");
        }
        return value;
    }
}
