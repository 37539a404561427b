package org.maho.datasync.source.shopify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.maho.datasync.job.ApiEndpoint;
import org.maho.datasync.job.Settings;

/**
 * Shopify's Admin GraphQL API as a bulk export: {@code bulkOperationRunQuery} starts the query, {@code
 * node(id:)} is polled until the operation completes, and its JSONL file is downloaded. Every call honours the API's
 * cost-based limit: a throttled call (HTTP 429, or the error code THROTTLED) waits until the bucket has restored the
 * points the call asked for, at the restore rate the answer gives, and is made again; a call that the last answer says
 * the bucket cannot pay for waits before it is made.
 */
final class ShopifyApi {

    static final String VERSION = "datasync.shopify.api-version";
    static final String POLL_MILLIS = "datasync.shopify.bulk-poll-millis";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(20))
            .followRedirects(HttpClient.Redirect.NORMAL).build();
    /** How often a throttled call is made again before the run stops. */
    private static final int THROTTLED_ATTEMPTS = 20;
    /** What a bulk operation query costs at most; Shopify charges such a call 10 points. */
    private static final double CALL_COST = 10;

    private final ApiEndpoint shop;
    private final URI endpoint;
    private final long pollMillis;
    private double available = Double.MAX_VALUE;
    private double restoreRate;
    /** How many milliseconds the calls waited for the bucket, for the report. */
    private long waited;

    ShopifyApi(ApiEndpoint shop, Settings settings) {
        this.shop = shop;
        String version = settings == null ? "2026-07" : settings.text(VERSION);
        this.endpoint = URI.create(shop.url() + "/admin/api/" + version + "/graphql.json");
        this.pollMillis = settings == null ? 2000 : settings.number(POLL_MILLIS);
    }

    long waitedMillis() {
        return waited;
    }

    /**
     * Runs a bulk query and downloads its result into a temporary file (empty when the query found nothing), which the
     * caller deletes.
     */
    Path bulk(String query) {
        ObjectNode variables = JSON.createObjectNode().put("query", query);
        JsonNode run = call("mutation run($query: String!) { bulkOperationRunQuery(query: $query) {"
                + " bulkOperation { id status } userErrors { field message } } }", variables).path("bulkOperationRunQuery");
        if (run.path("userErrors").size() > 0) {
            throw new ShopifyApiException(describe() + " refused the bulk query: " + run.path("userErrors").get(0).path("message").asText());
        }
        String id = run.path("bulkOperation").path("id").asText();
        while (true) {
            sleep(pollMillis);
            // by its id: an app may run other bulk queries beside it
            JsonNode operation = call("query poll($id: ID!) { node(id: $id) { ... on BulkOperation { id status errorCode objectCount url } } }",
                    JSON.createObjectNode().put("id", id)).path("node");
            if (!operation.isObject()) {
                throw new ShopifyApiException(describe() + " does not know the bulk query " + id + " it started");
            }
            switch (operation.path("status").asText()) {
                case "COMPLETED" -> {
                    return download(operation.path("url").isTextual() ? operation.path("url").asText() : null);
                }
                case "FAILED", "CANCELED", "CANCELING", "EXPIRED" -> throw new ShopifyApiException(describe() + ": the bulk query "
                        + operation.path("status").asText().toLowerCase(java.util.Locale.ROOT)
                        + (operation.path("errorCode").isTextual() ? " (" + operation.path("errorCode").asText() + ")" : ""));
                default -> { } // CREATED, RUNNING: poll again
            }
        }
    }

    /** One GraphQL call, made again while the shop throttles it; its data. */
    private JsonNode call(String query, JsonNode variables) {
        ObjectNode body = JSON.createObjectNode().put("query", query);
        if (variables != null) {
            body.set("variables", variables);
        }
        for (int attempt = 1; ; attempt++) {
            if (available < CALL_COST && restoreRate > 0) {
                pause((CALL_COST - available) / restoreRate);
                available = Double.MAX_VALUE;
            }
            HttpResponse<String> response = send(HttpRequest.newBuilder(endpoint).timeout(Duration.ofSeconds(60))
                    .header("Content-Type", "application/json").header("X-Shopify-Access-Token", shop.key())
                    .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build());
            if (response.statusCode() == 401 || response.statusCode() == 403) {
                throw new ShopifyApiException(describe() + " refused the Admin API access token (HTTP " + response.statusCode()
                        + "): give a token of the shop's custom app with the scopes read_products, read_customers, read_orders and"
                        + " read_all_orders (without it Shopify gives the last 60 days' orders only)");
            }
            JsonNode answer = parse(response);
            JsonNode status = answer.path("extensions").path("cost").path("throttleStatus");
            if (status.has("currentlyAvailable")) {
                available = status.path("currentlyAvailable").asDouble();
                restoreRate = status.path("restoreRate").asDouble();
            }
            if (response.statusCode() == 429 || throttled(answer)) {
                if (attempt >= THROTTLED_ATTEMPTS) {
                    throw new ShopifyApiException(describe() + " throttled " + attempt + " calls in a row; try again later");
                }
                double cost = answer.path("extensions").path("cost").path("requestedQueryCost").asDouble(CALL_COST);
                pause(restoreRate > 0 ? Math.max(0, cost - available) / restoreRate : 1);
                available = Double.MAX_VALUE; // the pause restored what the call asked for
                continue;
            }
            if (response.statusCode() >= 300) {
                throw new ShopifyApiException(describe() + " answered HTTP " + response.statusCode());
            }
            if (answer.path("errors").size() > 0) {
                throw new ShopifyApiException(describe() + ": " + answer.path("errors").get(0).path("message").asText());
            }
            return answer.path("data");
        }
    }

    private static boolean throttled(JsonNode answer) {
        for (JsonNode error : answer.path("errors")) {
            if ("THROTTLED".equals(error.path("extensions").path("code").asText()) || "Throttled".equals(error.path("message").asText())) {
                return true;
            }
        }
        return false;
    }

    private Path download(String url) {
        try {
            Path file = Files.createTempFile("datasync-shopify-", ".jsonl");
            if (url == null) {
                return file;
            }
            HttpResponse<Path> response = HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofMinutes(30)).GET().build(),
                    HttpResponse.BodyHandlers.ofFile(file));
            if (response.statusCode() >= 300) {
                Files.deleteIfExists(file);
                throw new ShopifyApiException(describe() + ": the bulk query's file answered HTTP " + response.statusCode());
            }
            return file;
        } catch (IOException e) {
            throw new ShopifyApiException(describe() + ": cannot download the bulk query's file: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ShopifyApiException("interrupted while downloading from " + describe(), e);
        }
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new ShopifyApiException("cannot reach " + describe() + ": " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ShopifyApiException("interrupted while calling " + describe(), e);
        }
    }

    private JsonNode parse(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new ShopifyApiException(describe() + " answered HTTP " + response.statusCode() + " with no JSON", e);
        }
    }

    private void pause(double seconds) {
        long millis = (long) Math.ceil(seconds * 1000);
        waited += millis;
        sleep(millis);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ShopifyApiException("interrupted while waiting for Shopify", e);
        }
    }

    private String describe() {
        return "Shopify's Admin API at " + shop.url();
    }

    /** Shopify's API would not give what was asked: the run stops with this message. */
    static final class ShopifyApiException extends IllegalStateException {
        ShopifyApiException(String message) {
            super(message);
        }

        ShopifyApiException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
