package dev.shop.orders.profile;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

import dev.shop.common.web.IfMatch;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

/** Profiles: created from the token on first read, replaced by {@code PUT /profile}, emails unique. */
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
     * If the token's email already belongs to another profile, the new profile
     * starts without an email rather than failing the read.
     */
    Profile getOrCreate(TokenIdentity identity) {
        Optional<ProfileItem> existing = profiles.find(identity.userId());
        if (existing.isPresent()) {
            return existing.get().toProfile();
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

    ProfileWrite update(String userId, ProfileUpdate update, @Nullable String ifMatch) {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Optional<ProfileItem> previous = profiles.find(userId);
            if (ifMatch != null && (previous.isEmpty() || !new IfMatch(ifMatch).matches(previous.get().version))) {
                return new ProfileWrite.PreconditionFailed();
            }
            String now = now();
            ProfileItem next = ProfileItem.of(userId, update.email().strip(), update.displayName(), update.addressesOrEmpty(),
                previous.map(p -> p.createdAt).orElse(now), now, previous.map(p -> p.version + 1).orElse(1L));
            try {
                profiles.write(next, previous);
                return new ProfileWrite.Saved(next.toProfile());
            } catch (ProfileRepository.WriteFailed failed) {
                if (failed.failure() == ProfileRepository.Failure.EMAIL_TAKEN) {
                    return new ProfileWrite.EmailTaken(update.email());
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
