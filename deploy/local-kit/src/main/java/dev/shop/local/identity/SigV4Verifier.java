package dev.shop.local.identity;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.sun.net.httpserver.Headers;

/**
 * Checks an AWS Signature Version 4 on a request to the identity endpoint, as
 * Cognito does for the operations that need IAM credentials: the header form
 * ({@code Authorization: AWS4-HMAC-SHA256 Credential=..., SignedHeaders=...,
 * Signature=...} with {@code X-Amz-Date}), signed for service
 * {@code cognito-idp} with the stack's {@link AdminCredentials}. Failures are
 * the errors AWS answers with: no signature is
 * {@code MissingAuthenticationTokenException}, an unknown key
 * {@code UnrecognizedClientException}, anything else
 * {@code InvalidSignatureException}.
 */
final class SigV4Verifier {

    static final String MISSING_TOKEN = "MissingAuthenticationTokenException";
    static final String UNRECOGNIZED_CLIENT = "UnrecognizedClientException";
    static final String INVALID_SIGNATURE = "InvalidSignatureException";
    private static final String ALGORITHM = "AWS4-HMAC-SHA256";
    private static final String SERVICE = "cognito-idp";
    private static final Duration MAX_SKEW = Duration.ofMinutes(15);
    private static final DateTimeFormatter AMZ_DATE = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'");

    private final AdminCredentials credentials;
    private final String region;
    private final Clock clock;

    SigV4Verifier(AdminCredentials credentials, String region, Clock clock) {
        this.credentials = credentials;
        this.region = region;
        this.clock = clock;
    }

    /** @throws CognitoException unless the request is signed with the stack's credentials */
    void verify(String method, String rawPath, String rawQuery, Headers headers, byte[] body) {
        String authorization = headers.getFirst("Authorization");
        if (authorization == null || authorization.isBlank()) {
            throw new CognitoException(MISSING_TOKEN, "Missing Authentication Token");
        }
        if (!authorization.startsWith(ALGORITHM + " ")) {
            throw new CognitoException(INVALID_SIGNATURE, "Authorization header requires the " + ALGORITHM + " algorithm");
        }
        Map<String, String> parts = new TreeMap<>();
        for (String part : authorization.substring(ALGORITHM.length() + 1).split(",")) {
            int equals = part.indexOf('=');
            if (equals > 0) {
                parts.put(part.substring(0, equals).strip(), part.substring(equals + 1).strip());
            }
        }
        String credential = parts.get("Credential");
        String signedHeaders = parts.get("SignedHeaders");
        String signature = parts.get("Signature");
        if (credential == null || signedHeaders == null || signature == null) {
            throw new CognitoException(INVALID_SIGNATURE,
                "Authorization header requires 'Credential', 'SignedHeaders' and 'Signature' parameters");
        }
        String[] scope = credential.split("/", -1);
        if (scope.length != 5) {
            throw new CognitoException(INVALID_SIGNATURE, "Credential should be scoped to a valid region.");
        }
        if (!MessageDigest.isEqual(scope[0].getBytes(StandardCharsets.UTF_8),
            credentials.accessKeyId().getBytes(StandardCharsets.UTF_8))) {
            throw new CognitoException(UNRECOGNIZED_CLIENT, "The security token included in the request is invalid.");
        }
        String amzDate = headers.getFirst("X-Amz-Date");
        Instant signedAt = parseDate(amzDate);
        if (!scope[1].equals(amzDate.substring(0, 8)) || !scope[2].equals(region) || !scope[3].equals(SERVICE)
            || !scope[4].equals("aws4_request")) {
            throw new CognitoException(INVALID_SIGNATURE, "Credential should be scoped to a valid region, service "
                + SERVICE + " and the date of X-Amz-Date.");
        }
        if (Duration.between(signedAt, clock.instant()).abs().compareTo(MAX_SKEW) > 0) {
            throw new CognitoException(INVALID_SIGNATURE, "Signature expired: " + amzDate + " is now earlier or later"
                + " than 15 minutes from the current time.");
        }
        List<String> signed = Arrays.asList(signedHeaders.split(";"));
        if (!signed.contains("host") || !signed.contains("x-amz-date")) {
            throw new CognitoException(INVALID_SIGNATURE, "The request must sign the host and x-amz-date headers.");
        }
        String canonicalRequest = method + "\n" + rawPath + "\n" + canonicalQuery(rawQuery) + "\n"
            + canonicalHeaders(signed, headers) + "\n" + signedHeaders + "\n" + hex(sha256(body));
        String stringToSign = ALGORITHM + "\n" + amzDate + "\n" + String.join("/", Arrays.copyOfRange(scope, 1, 5))
            + "\n" + hex(sha256(canonicalRequest.getBytes(StandardCharsets.UTF_8)));
        byte[] key = hmac(("AWS4" + credentials.secretAccessKey()).getBytes(StandardCharsets.UTF_8), scope[1]);
        key = hmac(key, region);
        key = hmac(key, SERVICE);
        key = hmac(key, "aws4_request");
        String expected = hex(hmac(key, stringToSign));
        if (!MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), signature.getBytes(StandardCharsets.UTF_8))) {
            throw new CognitoException(INVALID_SIGNATURE, "The request signature we calculated does not match the"
                + " signature you provided. Check your AWS Secret Access Key and signing method.");
        }
    }

    private static Instant parseDate(String amzDate) {
        try {
            if (amzDate == null) {
                throw new DateTimeParseException("missing", "", 0);
            }
            return LocalDateTime.parse(amzDate, AMZ_DATE).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw new CognitoException(INVALID_SIGNATURE, "The request must carry X-Amz-Date as yyyyMMdd'T'HHmmss'Z'.");
        }
    }

    private static String canonicalQuery(String rawQuery) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return "";
        }
        List<String> pairs = new ArrayList<>();
        for (String pair : rawQuery.split("&")) {
            pairs.add(pair.contains("=") ? pair : pair + "=");
        }
        pairs.sort(null);
        return String.join("&", pairs);
    }

    private static String canonicalHeaders(List<String> signed, Headers headers) {
        StringBuilder canonical = new StringBuilder();
        for (String name : signed) {
            List<String> values = headers.getOrDefault(name, List.of());
            canonical.append(name.toLowerCase(Locale.ROOT)).append(':')
                .append(values.stream().map(value -> value.strip().replaceAll(" +", " ")).collect(Collectors.joining(",")))
                .append('\n');
        }
        return canonical.toString();
    }

    private static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] hmac(byte[] key, String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }
}
