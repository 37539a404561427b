package org.maho.datasync.service;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckHelper;

/**
 * /observe/health and /observe/metrics, served by the API's routes behind the same access as the rest: a person or a
 * monitor that is not let in learns nothing of the shop's databases.
 */
public final class Observation {

    /** Every check with its state, message and details; 503 when one is down, as load balancers expect. */
    public Map<String, Object> health(Exchange exchange) {
        List<Map<String, Object>> checks = HealthCheckHelper.invoke(exchange.getContext()).stream()
                .filter(result -> result.getCheck().getGroup() == null || "datasync".equals(result.getCheck().getGroup())
                        || result.getState() != HealthCheck.State.UP)
                .map(result -> {
                    Map<String, Object> check = new LinkedHashMap<>();
                    check.put("name", result.getCheck().getId());
                    check.put("status", result.getState().name());
                    result.getMessage().ifPresent(message -> check.put("message", message));
                    if (!result.getDetails().isEmpty()) {
                        Map<String, Object> details = new LinkedHashMap<>();
                        result.getDetails().forEach((key, value) -> {
                            if (!key.startsWith("invocation.") && !key.startsWith("failure.") && !key.startsWith("success.")) {
                                details.put(key, String.valueOf(value));
                            }
                        });
                        check.put("details", details);
                    }
                    return check;
                }).toList();
        boolean up = checks.stream().allMatch(check -> "UP".equals(check.get("status")));
        exchange.getMessage().setHeader(Exchange.HTTP_RESPONSE_CODE, up ? 200 : 503);
        Map<String, Object> health = new LinkedHashMap<>();
        health.put("status", up ? "UP" : "DOWN");
        health.put("checks", checks);
        return health;
    }

    /** The Prometheus text format of every meter: DataSync's own and Camel's route timers. */
    public String metrics(Exchange exchange) {
        MeterRegistry registry = exchange.getContext().getRegistry().findSingleByType(MeterRegistry.class);
        exchange.getMessage().setHeader(Exchange.CONTENT_TYPE, "text/plain; version=0.0.4; charset=utf-8");
        if (registry instanceof PrometheusMeterRegistry prometheus) {
            return prometheus.scrape();
        }
        throw new ApiRefusedException(409, "no Prometheus registry: camel.metrics.enabled is false");
    }
}
