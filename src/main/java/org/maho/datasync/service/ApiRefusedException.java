package org.maho.datasync.service;

/** A request the API does not carry out, with the HTTP status that says why (400, 401, 403, 404, 409). */
public final class ApiRefusedException extends RuntimeException {

    private final int status;

    public ApiRefusedException(int status, String message) {
        super(message);
        this.status = status;
    }

    public int status() {
        return status;
    }
}
