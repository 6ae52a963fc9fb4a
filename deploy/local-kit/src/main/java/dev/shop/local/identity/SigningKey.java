package dev.shop.local.identity;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.text.ParseException;
import java.util.Optional;

/**
 * The pool's RS256 signing key. Its key id is the key's RFC 7638 thumbprint,
 * so it is stable for as long as the key is. With a state directory the key
 * is kept there, so tokens and the published JWKS survive a restart.
 */
final class SigningKey {

    static final String FILE_NAME = "signing-key.json";
    private static final int KEY_BITS = 2048;

    private final RSAKey key;
    private final RSASSASigner signer;
    private final RSASSAVerifier verifier;

    private SigningKey(RSAKey key) {
        this.key = key;
        try {
            this.signer = new RSASSASigner(key);
            this.verifier = new RSASSAVerifier(key.toRSAPublicKey());
        } catch (JOSEException e) {
            throw new IllegalStateException("unusable RSA key " + key.getKeyID(), e);
        }
    }

    static SigningKey generate() {
        try {
            RSAKey fresh = new RSAKeyGenerator(KEY_BITS).keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.RS256)
                    .keyIDFromThumbprint(true).generate();
            return new SigningKey(fresh);
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot generate an RSA key", e);
        }
    }

    static SigningKey loadOrCreate(Optional<Path> stateDir) {
        if (stateDir.isEmpty()) {
            return generate();
        }
        Path file = stateDir.get().resolve(FILE_NAME);
        Optional<byte[]> stored = StateFiles.read(file);
        if (stored.isPresent()) {
            try {
                return new SigningKey(RSAKey.parse(new String(stored.get(), StandardCharsets.UTF_8)));
            } catch (ParseException e) {
                throw new IllegalStateException(file + " does not hold an RSA JWK; delete it to start afresh", e);
            }
        }
        SigningKey created = generate();
        StateFiles.writeAtomically(file, created.key.toJSONString().getBytes(StandardCharsets.UTF_8));
        return created;
    }

    String keyId() {
        return key.getKeyID();
    }

    RSAKey jwk() {
        return key;
    }

    /** The public half only, as {@code {issuer}/.well-known/jwks.json} serves it. */
    String jwksJson() {
        return new JWKSet(key.toPublicJWK()).toString(true);
    }

    String sign(JWTClaimsSet claims) {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims);
        try {
            jwt.sign(signer);
        } catch (JOSEException e) {
            throw new IllegalStateException("RS256 signing failed", e);
        }
        return jwt.serialize();
    }

    /** The claims of a token this key signed; anything else is empty. */
    Optional<JWTClaimsSet> verifiedClaims(String token) {
        try {
            SignedJWT jwt = SignedJWT.parse(token);
            boolean ours = JWSAlgorithm.RS256.equals(jwt.getHeader().getAlgorithm())
                    && key.getKeyID().equals(jwt.getHeader().getKeyID())
                    && jwt.verify(verifier);
            return ours ? Optional.of(jwt.getJWTClaimsSet()) : Optional.empty();
        } catch (ParseException | JOSEException e) {
            return Optional.empty();
        }
    }
}
