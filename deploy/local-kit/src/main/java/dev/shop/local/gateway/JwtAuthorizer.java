package dev.shop.local.gateway;

import java.net.MalformedURLException;
import java.net.URI;
import java.text.ParseException;
import java.util.Collection;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;

/**
 * The local twin of API Gateway's JWT authorizer for a Cognito user pool,
 * checking what the API Gateway developer guide's "Control access to HTTP
 * APIs with JWT authorizers" lists, no more and no less:
 * <ol>
 *   <li>the token comes from the Authorization header, bare or after {@code Bearer};</li>
 *   <li>its algorithm is RSA-based and its signature verifies with the key of the issuer's
 *       {@code jwks_uri} that its header's {@code kid} names (a token without {@code kid} fails);</li>
 *   <li>{@code iss} equals the configured issuer;</li>
 *   <li>{@code aud}, or {@code client_id} only when there is no {@code aud}, matches the
 *       configured audience (the app client);</li>
 *   <li>{@code exp} is after the current time, {@code nbf} and {@code iat} before it.</li>
 * </ol>
 * Like API Gateway it does not look at {@code token_use}: an ID token of the
 * app client passes here, and the functions refuse it (docs/security.md).
 * The claims it passes on are flattened to strings the way API Gateway
 * writes them into the payload 2.0 event.
 */
public final class JwtAuthorizer {

    private final String issuer;
    private final String audience;
    private final DefaultJWTProcessor<SecurityContext> processor;

    public JwtAuthorizer(String issuer, String audience) {
        this.issuer = issuer;
        this.audience = audience;
        JWKSource<SecurityContext> keys;
        try {
            keys = JWKSourceBuilder.create(URI.create(issuer + "/.well-known/jwks.json").toURL())
                .retrying(true)
                .build();
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException("Bad issuer " + issuer, e);
        }
        processor = new DefaultJWTProcessor<>();
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.Family.RSA, keys));
        // claims are checked below, as the authorizer does, not by nimbus' defaults
        processor.setJWTClaimsSetVerifier((claims, context) -> { });
    }

    /**
     * @param authorizationHeader the request's Authorization header, if any
     * @return the claims as API Gateway passes them on, or empty when the request must get 401
     */
    public Optional<Map<String, String>> authorize(String authorizationHeader) {
        if (authorizationHeader == null) {
            return Optional.empty();
        }
        String token = authorizationHeader.regionMatches(true, 0, "Bearer ", 0, 7)
            ? authorizationHeader.substring(7).trim()
            : authorizationHeader.trim();
        try {
            if (SignedJWT.parse(token).getHeader().getKeyID() == null) {
                return Optional.empty();
            }
            JWTClaimsSet claims = processor.process(token, null);
            return valid(claims, new Date()) ? Optional.of(flatten(claims)) : Optional.empty();
        } catch (ParseException | BadJOSEException | JOSEException | ClassCastException rejected) {
            return Optional.empty();
        }
    }

    private boolean valid(JWTClaimsSet claims, Date now) throws ParseException {
        if (!issuer.equals(claims.getIssuer())) {
            return false;
        }
        List<String> aud = claims.getAudience();
        boolean audienceMatches = aud.isEmpty()
            ? audience.equals(claims.getClaim("client_id"))
            : aud.contains(audience);
        return audienceMatches
            && claims.getExpirationTime() != null && claims.getExpirationTime().after(now)
            // "before the current time": a claim of the current second is not in the future
            && (claims.getNotBeforeTime() == null || !claims.getNotBeforeTime().after(now))
            && (claims.getIssueTime() == null || !claims.getIssueTime().after(now));
    }

    /** API Gateway writes every claim as a string; a list becomes {@code [a b]}. */
    static Map<String, String> flatten(JWTClaimsSet claims) {
        Map<String, String> flat = new LinkedHashMap<>();
        claims.toJSONObject().forEach((name, value) -> flat.put(name, flattenValue(value)));
        return flat;
    }

    private static String flattenValue(Object value) {
        if (value instanceof Collection<?> values) {
            return values.stream().map(String::valueOf).collect(Collectors.joining(" ", "[", "]"));
        }
        return String.valueOf(value);
    }
}
