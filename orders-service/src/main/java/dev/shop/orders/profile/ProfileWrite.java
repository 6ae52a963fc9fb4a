package dev.shop.orders.profile;

/** Every outcome of {@code PUT /profile}; the controller maps each to its response in one place. */
sealed interface ProfileWrite {

    record Saved(Profile profile) implements ProfileWrite { }

    /**
     * The body names an email other than the account's verified one: 400,
     * whether or not another profile has it.
     */
    record NotTheAccountEmail() implements ProfileWrite { }

    /** The account's own verified email is held by another profile (written before emails were proven): 409. */
    record EmailTaken(String email) implements ProfileWrite { }

    /** {@code If-Match} names another version than the stored one (0: there is no profile yet): 412. */
    record StaleVersion(long currentVersion) implements ProfileWrite { }

    /** Concurrent writes kept winning; nothing was written: 503 with Retry-After, worth retrying. */
    record Contended() implements ProfileWrite { }
}
