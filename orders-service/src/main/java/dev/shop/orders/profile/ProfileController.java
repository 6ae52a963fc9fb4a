package dev.shop.orders.profile;

import dev.shop.common.email.EmailAddress;
import dev.shop.common.security.Caller;
import dev.shop.common.security.Roles;
import dev.shop.common.web.ApiDoc;
import dev.shop.common.web.IfMatch;
import dev.shop.common.web.Problem;
import dev.shop.common.web.ProblemException;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

@Tag(name = "orders", description = "Checkout, orders and profiles")
@Controller("/profile")
class ProfileController {

    private static final String BEARER = "Bearer ";

    private final ProfileService profiles;
    private final AccountEmails accounts;

    ProfileController(ProfileService profiles, AccountEmails accounts) {
        this.profiles = profiles;
        this.accounts = accounts;
    }

    /** The signed-in user's profile, created on first read. */
    @ApiResponse(responseCode = "200",
        description = "The profile",
        headers = {@io.swagger.v3.oas.annotations.headers.Header(name = "ETag", description = ApiDoc.ETAG, schema = @Schema(type = "string"))},
        content = @Content(mediaType = "application/json", schema = @Schema(implementation = Profile.class)))
    @Get
    @Secured(SecurityRule.IS_AUTHENTICATED)
    HttpResponse<Profile> get(Authentication authentication, @Header(HttpHeaders.AUTHORIZATION) String authorization) {
        return withEtag(profiles.getOrCreate(Caller.of(authentication), verifiedEmail(authorization)));
    }

    /** Changes the display name and addresses of the signed-in user's profile. */
    @ApiResponse(responseCode = "200",
        description = "The profile as saved",
        headers = {@io.swagger.v3.oas.annotations.headers.Header(name = "ETag", description = ApiDoc.ETAG, schema = @Schema(type = "string"))},
        content = @Content(mediaType = "application/json", schema = @Schema(implementation = Profile.class)))
    @ApiResponse(responseCode = "400", description = "A field is invalid, or email is not the account's")
    @ApiResponse(responseCode = "409", description = "The profile kept changing, or the email is taken")
    @Put
    @Secured(SecurityRule.IS_AUTHENTICATED)
    HttpResponse<Profile> update(Authentication authentication, @Header(HttpHeaders.AUTHORIZATION) String authorization,
                                 @Valid @Body ProfileUpdate update, @Nullable @Header(HttpHeaders.IF_MATCH) String ifMatch) {
        ProfileWrite write = profiles.update(Caller.of(authentication), verifiedEmail(authorization), update, ifMatch);
        // every outcome mapped here (an instanceof chain: pattern matching in switch is not final in Java 17)
        if (write instanceof ProfileWrite.Saved saved) {
            return withEtag(saved.profile());
        }
        if (write instanceof ProfileWrite.NotTheAccountEmail) {
            throw new ProblemException(Problem.invalidField("email", "must be the signed-in account's verified email, or left out"));
        }
        if (write instanceof ProfileWrite.EmailTaken taken) {
            throw new ProblemException(Problem.of(HttpStatus.CONFLICT, "Email taken",
                "Another profile already uses this account's email " + taken.email()));
        }
        if (write instanceof ProfileWrite.StaleVersion stale) {
            throw new ProblemException(Problem.staleVersion("The profile", stale.currentVersion()));
        }
        if (write instanceof ProfileWrite.Contended) {
            throw new ProblemException(Problem.contended("The profile kept changing while this request ran; try again"));
        }
        throw new IllegalStateException("Unmapped profile outcome " + write);
    }

    /** The profile with this email. */
    @ApiResponse(responseCode = "400", description = "Not an email address")
    @ApiResponse(responseCode = "404", description = "No profile with that email")
    @Get("/admin")
    @Secured(Roles.ADMIN)
    Profile byEmail(@Nullable @QueryValue String email) {
        if (email == null || !EmailAddress.isValid(email.strip())) {
            throw new ProblemException(Problem.invalidField("email", "must be an email address"));
        }
        return profiles.findByEmail(email).orElseThrow(() ->
            new ProblemException(Problem.of(HttpStatus.NOT_FOUND, "No profile with that email")));
    }

    /** The email the identity provider has verified for the bearer token's account (no token claim is trusted for it). */
    @Nullable
    private String verifiedEmail(String authorization) {
        String token = authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())
            ? authorization.substring(BEARER.length()).strip() : authorization.strip();
        return accounts.verifiedEmail(token).orElse(null);
    }

    private static HttpResponse<Profile> withEtag(Profile profile) {
        return HttpResponse.ok(profile).header(HttpHeaders.ETAG, IfMatch.etag(profile.version()));
    }
}
