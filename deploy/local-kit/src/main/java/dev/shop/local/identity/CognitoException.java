package dev.shop.local.identity;

/**
 * A failure Cognito itself would report, named by Cognito's own error type
 * ({@code NotAuthorizedException}, {@code UsernameExistsException}, ...). The
 * HTTP endpoint turns it into Cognito's error response, and the Java API lets
 * it through unchanged, so both kinds of caller see the same outcome.
 */
public final class CognitoException extends RuntimeException {

    static final String NOT_AUTHORIZED = "NotAuthorizedException";
    static final String USER_NOT_FOUND = "UserNotFoundException";
    static final String USERNAME_EXISTS = "UsernameExistsException";
    static final String INVALID_PASSWORD = "InvalidPasswordException";
    static final String INVALID_PARAMETER = "InvalidParameterException";
    static final String RESOURCE_NOT_FOUND = "ResourceNotFoundException";
    static final String UNKNOWN_OPERATION = "UnknownOperationException";
    static final String SERIALIZATION = "SerializationException";
    static final String INTERNAL_ERROR = "InternalErrorException";

    private final String errorType;

    CognitoException(String errorType, String message) {
        super(message);
        this.errorType = errorType;
    }

    /** Cognito's name for the failure, as sent in {@code x-amzn-ErrorType} and {@code __type}. */
    public String errorType() {
        return errorType;
    }

    static CognitoException invalidParameter(String message) {
        return new CognitoException(INVALID_PARAMETER, message);
    }

    static CognitoException notAuthorized(String message) {
        return new CognitoException(NOT_AUTHORIZED, message);
    }
}
