package dev.shop.local.identity;

import com.nimbusds.jwt.JWTClaimsSet;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;

/**
 * Cognito's access and ID token claim sets, field for field, so a verifier
 * written against this provider accepts real Cognito tokens and the reverse.
 * {@code cognito:groups} is left out, not empty, for a user in no group,
 * because that is what Cognito does and what the services must cope with.
 */
final class CognitoClaims {

    static final String GROUPS = "cognito:groups";
    static final String ACCESS_SCOPE = "aws.cognito.signin.user.admin";

    private CognitoClaims() {
    }

    static JWTClaimsSet access(String issuer, String clientId, TokenSubject subject, Session session,
                               Instant issuedAt, Instant expiresAt) {
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().subject(subject.sub());
        groups(claims, subject);
        return claims.issuer(issuer)
                .claim("version", 2)
                .claim("client_id", clientId)
                .claim("origin_jti", session.originJti())
                .claim("event_id", session.eventId())
                .claim("token_use", "access")
                .claim("scope", ACCESS_SCOPE)
                .claim("auth_time", session.authTime().getEpochSecond())
                .expirationTime(Date.from(expiresAt))
                .issueTime(Date.from(issuedAt))
                .jwtID(UUID.randomUUID().toString())
                .claim("username", subject.username())
                .build();
    }

    static JWTClaimsSet id(String issuer, String clientId, TokenSubject subject, Session session,
                           Instant issuedAt, Instant expiresAt) {
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().subject(subject.sub());
        groups(claims, subject);
        return claims.claim("email_verified", true)
                .issuer(issuer)
                .claim("cognito:username", subject.username())
                .claim("origin_jti", session.originJti())
                .audience(clientId)
                .claim("event_id", session.eventId())
                .claim("token_use", "id")
                .claim("auth_time", session.authTime().getEpochSecond())
                .expirationTime(Date.from(expiresAt))
                .issueTime(Date.from(issuedAt))
                .jwtID(UUID.randomUUID().toString())
                .claim("email", subject.email())
                .build();
    }

    private static void groups(JWTClaimsSet.Builder claims, TokenSubject subject) {
        if (!subject.groups().isEmpty()) {
            claims.claim(GROUPS, List.copyOf(subject.groups()));
        }
    }
}
