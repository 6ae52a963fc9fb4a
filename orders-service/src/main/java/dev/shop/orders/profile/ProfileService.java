package dev.shop.orders.profile;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import dev.shop.common.web.IfMatch;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

/** Profiles: created on first read, replaced by {@code PUT /profile}; the email is the account's verified one, unique. */
@Singleton
class ProfileService {

    private static final int ATTEMPTS = 5;

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
    Profile getOrCreate(TokenIdentity identity) {
        Optional<ProfileItem> existing = profiles.find(identity.userId());
        if (existing.isPresent()) {
            ProfileItem stored = existing.get();
            if (Objects.equals(stored.email, identity.email())) {
                return stored.toProfile();
            }
            ProfileWrite synced = update(identity, new ProfileUpdate(stored.displayName, null, stored.addresses), null);
            return synced instanceof ProfileWrite.Saved saved ? saved.profile() : stored.toProfile();
        }
        String now = now();
        ProfileItem created = ProfileItem.of(identity.userId(), identity.email(), identity.displayName(), List.of(), now, now, 1);
        try {
            profiles.write(created, Optional.empty());
            return created.toProfile();
        } catch (ProfileRepository.WriteFailed failed) {
            if (failed.failure() == ProfileRepository.Failure.EMAIL_TAKEN) {
                ProfileItem withoutEmail = ProfileItem.of(identity.userId(), null, identity.displayName(), List.of(), now, now, 1);
                try {
                    profiles.write(withoutEmail, Optional.empty());
                    return withoutEmail.toProfile();
                } catch (ProfileRepository.WriteFailed alsoFailed) {
                    // created concurrently meanwhile: fall through to read it
                }
            }
            return profiles.find(identity.userId()).orElseThrow(() -> new IllegalStateException(
                "Profile of " + identity.userId() + " could neither be created nor read", failed)).toProfile();
        }
    }

    /**
     * Replaces the editable fields. The email is always the account's verified
     * one: a body may repeat it (any case), and any other address is refused
     * without looking at who else has it, so the answer says nothing about
     * other profiles.
     */
    ProfileWrite update(TokenIdentity identity, ProfileUpdate update, @Nullable String ifMatch) {
        if (update.email() != null && !update.email().strip().equalsIgnoreCase(Objects.toString(identity.email(), ""))) {
            return new ProfileWrite.NotTheAccountEmail();
        }
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Optional<ProfileItem> previous = profiles.find(identity.userId());
            if (ifMatch != null && (previous.isEmpty() || !new IfMatch(ifMatch).matches(previous.get().version))) {
                return new ProfileWrite.PreconditionFailed();
            }
            String now = now();
            ProfileItem next = ProfileItem.of(identity.userId(), identity.email(), update.displayName(), update.addressesOrEmpty(),
                previous.map(p -> p.createdAt).orElse(now), now, previous.map(p -> p.version + 1).orElse(1L));
            try {
                profiles.write(next, previous);
                return new ProfileWrite.Saved(next.toProfile());
            } catch (ProfileRepository.WriteFailed failed) {
                if (failed.failure() == ProfileRepository.Failure.EMAIL_TAKEN) {
                    return new ProfileWrite.EmailTaken(identity.email());
                }
                // the profile changed meanwhile: read it again (and re-check If-Match)
            }
        }
        return new ProfileWrite.Contended();
    }

    Optional<Profile> findByEmail(String email) {
        return profiles.findByEmail(email).map(ProfileItem::toProfile);
    }

    private String now() {
        return Instant.now(clock).truncatedTo(ChronoUnit.MILLIS).toString();
    }
}
