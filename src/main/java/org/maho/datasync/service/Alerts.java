package org.maho.datasync.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.camel.ProducerTemplate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a person must hear about: a run that failed, changes parked, the tracker's lag above
 * datasync.alerts.lag-seconds (and its recovery). Each alert is kept for the console and, when
 * datasync.alerts.webhook-url is set, handed to the alerts route (service-routes/alerts.camel.yaml), which posts it as
 * JSON and retries; handing it over never waits, so an alert never holds up a sync.
 */
public final class Alerts {

    private static final Logger LOG = LoggerFactory.getLogger("datasync.service");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int KEPT = 50;

    private final Deque<Map<String, Object>> recent = new ArrayDeque<>();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private volatile ProducerTemplate route;
    private volatile String webhook = "";
    private volatile boolean lagging;

    void attach(ProducerTemplate template, String webhookUrl) {
        route = template;
        webhook = webhookUrl == null ? "" : webhookUrl.trim();
    }

    /** The newest first, for the console. */
    public synchronized List<Map<String, Object>> recent() {
        return new ArrayList<>(recent);
    }

    void runFailed(String command, String cause, String message) {
        raise("run-failed", command + " (" + cause + ") failed: " + message, Map.of("command", command, "cause", cause));
    }

    void parked(String type, int count, String command) {
        raise("change-parked", count + " " + type + " change" + (count == 1 ? "" : "s") + " parked after failing every attempt;"
                + " see the console's parked changes", Map.of("entityType", type, "count", count, "command", command));
    }

    /** Said once when the lag goes above the threshold, and once when it is back under it. */
    void lag(long seconds, long threshold) {
        if (seconds > threshold && !lagging) {
            lagging = true;
            raise("lag", "the oldest pending change is " + seconds + " s old (threshold " + threshold + " s)",
                    Map.of("lagSeconds", seconds, "thresholdSeconds", threshold));
        } else if (seconds <= threshold && lagging) {
            lagging = false;
            raise("lag-recovered", "the oldest pending change is " + seconds + " s old again (threshold " + threshold + " s)",
                    Map.of("lagSeconds", seconds, "thresholdSeconds", threshold));
        }
    }

    private void raise(String kind, String message, Map<String, Object> details) {
        Map<String, Object> alert = new LinkedHashMap<>();
        alert.put("kind", kind);
        alert.put("at", Instant.now().toString());
        alert.put("message", message);
        alert.put("details", details);
        synchronized (this) {
            recent.addFirst(alert);
            while (recent.size() > KEPT) {
                recent.removeLast();
            }
        }
        LOG.warn("alert: {}", message);
        ProducerTemplate template = route;
        if (!webhook.isEmpty() && template != null) {
            try {
                template.sendBody("seda:datasync-alerts?blockWhenFull=false&discardWhenFull=true", alert);
            } catch (RuntimeException e) {
                LOG.warn("the alert could not be queued for {}: {}", webhook, e.getMessage());
            }
        }
    }

    /** The alerts route's step: one POST; a failure is thrown, for the route's redelivery. */
    public void post(Map<String, Object> alert) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(webhook)).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(alert)))
                .build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 != 2) {
            throw new IOException("the webhook " + webhook + " answered " + response.statusCode());
        }
    }
}
