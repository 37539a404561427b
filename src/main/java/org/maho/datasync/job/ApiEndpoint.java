package org.maho.datasync.job;

/**
 * A shop's web API: where it answers and the access token it takes (a Shopify Admin API token).
 *
 * @param url the shop's address: {@code https://example.myshopify.com}
 * @param key the access token, never printed
 */
public record ApiEndpoint(String url, String key) {

    @Override
    public String toString() {
        return url;
    }
}
