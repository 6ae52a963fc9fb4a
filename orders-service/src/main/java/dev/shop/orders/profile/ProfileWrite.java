package dev.shop.orders.profile;

/** Every outcome of {@code PUT /profile}; the controller maps each to its response in one place. */
sealed interface ProfileWrite {

    record Saved(Profile profile) implements ProfileWrite { }

    /** Another profile holds the email: 409. */
    record EmailTaken(String email) implements ProfileWrite { }

    /** {@code If-Match} names another version than the stored one (or there is no profile yet): 412. */
    record PreconditionFailed() implements ProfileWrite { }

    /** Concurrent writes kept winning; nothing was written: 409, worth retrying. */
    record Contended() implements ProfileWrite { }
}
