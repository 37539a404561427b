package org.maho.datasync;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.CookieManager;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

/** A client of the service's HTTP API as a script or the console's page uses it: its own cookies, a token or a session. */
final class ServiceApi {

    record Reply(int status, String body) {
        @SuppressWarnings("unchecked")
        Map<String, Object> json() throws IOException {
            return new ObjectMapper().readValue(body, Map.class);
        }
    }

    private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
    private final String base;
    private String token;
    private String csrf;

    ServiceApi(int port) {
        base = "http://localhost:" + port;
    }

    static int freePort() throws IOException {
        try (ServerSocket free = new ServerSocket(0)) {
            return free.getLocalPort();
        }
    }

    ServiceApi token(String value) {
        token = value;
        return this;
    }

    /** Logs in as the console does and keeps the session's CSRF token for its POSTs. */
    Reply login(Map<String, String> credentials) throws Exception {
        Reply reply = post("/api/login", new ObjectMapper().writeValueAsString(credentials));
        if (reply.status() == 200) {
            csrf = (String) reply.json().get("csrfToken");
        }
        return reply;
    }

    /** A session without credentials, as the console's page opens one on a service that has none. */
    Reply session() throws Exception {
        Reply reply = get("/api/session");
        if (reply.status() == 200) {
            csrf = (String) reply.json().get("csrfToken");
        }
        return reply;
    }

    void forgetCsrf() {
        csrf = null;
    }

    Reply get(String path) throws Exception {
        return send(request(path).GET());
    }

    Reply post(String path, String json) throws Exception {
        HttpRequest.Builder request = request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json == null ? "" : json));
        if (csrf != null) {
            request.header("X-CSRF-Token", csrf);
        }
        return send(request);
    }

    Reply post(String path) throws Exception {
        return post(path, null);
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(java.time.Duration.ofSeconds(30));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return request;
    }

    private Reply send(HttpRequest.Builder request) throws Exception {
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return new Reply(response.statusCode(), response.body());
    }
}
