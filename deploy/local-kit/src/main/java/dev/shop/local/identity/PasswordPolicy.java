package dev.shop.local.identity;

/**
 * The user pool's password policy: at least 8 characters with an upper-case
 * letter, a lower-case letter and a digit. The messages are Cognito's own,
 * so a client that shows them reads the same locally and in AWS.
 */
final class PasswordPolicy {

    static final int MIN_LENGTH = 8;
    private static final int MAX_LENGTH = 256;
    private static final String PREFIX = "Password did not conform with policy: ";

    private PasswordPolicy() {
    }

    static void check(String password) {
        if (password.length() > MAX_LENGTH) {
            throw CognitoException.invalidParameter(
                    "1 validation error detected: Value at 'password' failed to satisfy constraint: "
                            + "Member must have length less than or equal to " + MAX_LENGTH);
        }
        if (password.length() < MIN_LENGTH) {
            throw weak("Password not long enough");
        }
        if (password.chars().noneMatch(Character::isLowerCase)) {
            throw weak("Password must have lowercase characters");
        }
        if (password.chars().noneMatch(Character::isUpperCase)) {
            throw weak("Password must have uppercase characters");
        }
        if (password.chars().noneMatch(Character::isDigit)) {
            throw weak("Password must have numeric characters");
        }
    }

    private static CognitoException weak(String reason) {
        return new CognitoException(CognitoException.INVALID_PASSWORD, PREFIX + reason);
    }
}
