package dev.shop.orders.profile;

import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import dev.shop.common.security.Caller;
import dev.shop.common.time.Timestamps;
import dev.shop.common.web.IfMatch;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

/** Profiles: created on first read, replaced by {@code PUT /profile}; the email is the account's verified one, unique. */
@Singleton
class ProfileService {

    private static final int ATTEMPTS = 5;
    private static final int MAX_DISPLAY_NAME = 100;

    private final ProfileRepository profiles;
    private final Clock clock;

    ProfileService(ProfileRepository profiles, Clock clock) {
        this.profiles = profiles;
        this.clock = clock;
    }

    /**
     * The caller's profile, created on first read. Two first reads racing both
     * try a put conditional on absence; the loser reads the winner's profile.
     * If the account's email already belongs to another profile (one written
     * before emails were proven), the new profile starts without an email
     * rather than failing the read. A stored email that is no longer the
     * account's verified one is brought in line.
     */
    Profile getOrCreate(Caller caller, @Nullable String verifiedEmail) {
        Optional<ProfileItem> existing = profiles.find(caller.userId());
        if (existing.isPresent()) {
            ProfileItem stored = existing.get();
            if (Objects.equals(stored.email, verifiedEmail)) {
                return stored.toProfile();
            }
            ProfileWrite synced = update(caller, verifiedEmail, new ProfileUpdate(stored.displayName, null, stored.addresses), null);
            return synced instanceof ProfileWrite.Saved saved ? saved.profile() : stored.toProfile();
        }
        String now = now();
        ProfileItem created = ProfileItem.of(caller.userId(), verifiedEmail, displayName(verifiedEmail), List.of(), now, now, 1);
        Optional<ProfileRepository.Failure> failed = profiles.write(created, Optional.empty());
        if (failed.isEmpty()) {
            return created.toProfile();
        }
        if (failed.get() == ProfileRepository.Failure.EMAIL_TAKEN) {
            ProfileItem withoutEmail = ProfileItem.of(caller.userId(), null, displayName(verifiedEmail), List.of(), now, now, 1);
            if (profiles.write(withoutEmail, Optional.empty()).isEmpty()) {
                return withoutEmail.toProfile();
            }
            // created concurrently meanwhile: read it
        }
        return profiles.find(caller.userId()).orElseThrow(() -> new IllegalStateException(
            "Profile of " + caller.userId() + " could neither be created (" + failed.get() + ") nor read")).toProfile();
    }

    /**
     * Replaces the editable fields. The email is always the account's verified
     * one: a body may repeat it (any case), and any other address is refused
     * without looking at who else has it, so the answer says nothing about
     * other profiles.
     */
    ProfileWrite update(Caller caller, @Nullable String verifiedEmail, ProfileUpdate update, @Nullable String ifMatch) {
        if (update.email() != null && !update.email().strip().equalsIgnoreCase(Objects.toString(verifiedEmail, ""))) {
            return new ProfileWrite.NotTheAccountEmail();
        }
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Optional<ProfileItem> previous = profiles.find(caller.userId());
            if (ifMatch != null && (previous.isEmpty() || !new IfMatch(ifMatch).matches(previous.get().version))) {
                return new ProfileWrite.StaleVersion(previous.map(stored -> stored.version).orElse(0L));
            }
            String now = now();
            ProfileItem next = ProfileItem.of(caller.userId(), verifiedEmail, update.displayName(), update.addressesOrEmpty(),
                previous.map(p -> p.createdAt).orElse(now), now, previous.map(p -> p.version + 1).orElse(1L));
            Optional<ProfileRepository.Failure> failed = profiles.write(next, previous);
            if (failed.isEmpty()) {
                return new ProfileWrite.Saved(next.toProfile());
            }
            if (failed.get() == ProfileRepository.Failure.EMAIL_TAKEN) {
                return new ProfileWrite.EmailTaken(verifiedEmail);
            }
            // the profile changed meanwhile: read it again (and re-check If-Match)
        }
        return new ProfileWrite.Contended();
    }

    Optional<Profile> findByEmail(String email) {
        return profiles.findByEmail(email).map(ProfileItem::toProfile);
    }

    /** A new profile's display name: the email's local part, or "Shopper" for an account without one. */
    private static String displayName(@Nullable String verifiedEmail) {
        String name = verifiedEmail != null ? verifiedEmail.substring(0, verifiedEmail.indexOf('@')) : "Shopper";
        return name.length() > MAX_DISPLAY_NAME ? name.substring(0, MAX_DISPLAY_NAME) : name;
    }

    private String now() {
        return Timestamps.now(clock);
    }
}
