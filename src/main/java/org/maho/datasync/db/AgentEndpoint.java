package org.maho.datasync.db;

/**
 * Where the source agent answers ({@code -a agent}) and the secret its requests are signed with. The secret is never part
 * of {@link #toString()}, so that no message or log shows it.
 */
public record AgentEndpoint(String url, String secret) {

    @Override
    public String toString() {
        return url;
    }
}
