package org.maho.datasync.service;

/**
 * Who may use the service's console and API, from {@code .env.local}: a bearer token (scripts, the shop's module), a
 * user and a password hash ({@code datasync hash-password} makes one; the console's login), either or both. With none,
 * the service listens on 127.0.0.1 only.
 */
public record ApiCredentials(String token, String user, String passwordHash) {

    public static ApiCredentials none() {
        return new ApiCredentials(null, null, null);
    }

    /** Null and blank values mean "not set". */
    public ApiCredentials {
        token = blankToNull(token);
        user = blankToNull(user);
        passwordHash = blankToNull(passwordHash);
        if ((user == null) != (passwordHash == null)) {
            throw new IllegalArgumentException("DATASYNC_API_USER and DATASYNC_API_PASSWORD_HASH go together: set both or neither");
        }
        if (passwordHash != null && !PasswordHash.isHash(passwordHash)) {
            throw new IllegalArgumentException("DATASYNC_API_PASSWORD_HASH is not a hash that 'datasync hash-password' made");
        }
    }

    /** Whether anyone has been named: then every request must say who it is, and the service may listen on every interface. */
    public boolean required() {
        return token != null || user != null;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
