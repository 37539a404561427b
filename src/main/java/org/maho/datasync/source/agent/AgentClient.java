package org.maho.datasync.source.agent;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.zip.GZIPInputStream;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.maho.datasync.db.AgentEndpoint;
import org.maho.datasync.db.RowValues;
import org.maho.datasync.db.ShopDatabase;
import org.maho.datasync.db.Sql;
import org.maho.datasync.db.TableQuery;
import org.maho.datasync.model.DateValues;
import org.maho.datasync.db.ChangeLog;

/**
 * Speaks to the source agent ({@code agent/datasync-agent.php}), for the reading and for the change tracker: each request a signed POST of one JSON request, each answer
 * gzip-compressed JSON lines read as they arrive. A network failure or a busy server (502, 503, 504) is tried again with a
 * doubling pause; any other refusal is an error naming the URL and the HTTP status.
 */
final class AgentClient implements ShopDatabase.Remote, ChangeLog {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonFactory LINES = JSON.getFactory();
    private static final SecureRandom NONCES = new SecureRandom();
    /** Changes acknowledged per request: well inside the agent's request size, each failure's reason included. */
    private static final int ACK_CHUNK = 100;

    private final AgentEndpoint endpoint;
    private final URI uri;
    private final HttpClient http;
    private final int attempts;
    private final long firstDelayMillis;

    AgentClient(AgentEndpoint endpoint, int attempts, long firstDelayMillis) {
        this.endpoint = endpoint;
        this.uri = URI.create(endpoint.url());
        this.attempts = Math.max(1, attempts);
        this.firstDelayMillis = firstDelayMillis;
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(15)).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    @Override
    public String describe() {
        return "the source agent at " + endpoint.url();
    }

    @Override
    public void select(TableQuery query, TableQuery.Rows rows) throws SQLException {
        ObjectNode request = request("select", query);
        ArrayNode columns = request.putArray("columns");
        query.columns().forEach(columns::add);
        if (query.orderBy() != null) {
            request.put("order", query.orderBy());
        }
        request.put("limit", query.limit());
        post(request, parser -> {
            JsonNode header = JSON.<JsonNode>readTree(parser);
            if (header == null || !header.has("columns")) {
                throw new IOException("the answer does not start with its columns");
            }
            List<String> names = new ArrayList<>();
            header.get("columns").forEach(name -> names.add(name.asText()));
            Function<String[], Map<String, String>> rowOf = RowValues.rowsOf(names);
            while (parser.nextToken() == JsonToken.START_ARRAY) {
                String[] values = new String[names.size()];
                int i = 0;
                for (JsonToken token = parser.nextToken(); token != JsonToken.END_ARRAY; token = parser.nextToken()) {
                    if (i == values.length) {
                        throw new IOException("a row has more values than the answer has columns");
                    }
                    values[i++] = token == JsonToken.VALUE_NULL ? null : parser.getText();
                }
                rows.row(rowOf.apply(values));
            }
            return null;
        });
    }

    @Override
    public long count(TableQuery query) throws SQLException {
        return post(request("count", query), parser -> {
            parser.nextToken();
            return JSON.<JsonNode>readTree(parser).path("count").asLong();
        });
    }

    @Override
    public List<ShopDatabase.Column> columns(String table) {
        ObjectNode request = JSON.createObjectNode().put("op", "columns").put("table", table);
        try {
            return post(request, parser -> {
                List<ShopDatabase.Column> columns = new ArrayList<>();
                // a line per column: [name, data type, nullable, charset]
                while (parser.nextToken() == JsonToken.START_ARRAY) {
                    JsonNode column = JSON.<JsonNode>readTree(parser);
                    columns.add(new ShopDatabase.Column(column.path(0).asText(), column.path(1).asText(), column.path(2).asBoolean(),
                            column.path(3).isNull() ? null : column.path(3).asText()));
                }
                return columns;
            });
        } catch (SQLException e) {
            // a table the agent does not answer for is one the shop does not have, as far as the reading can tell
            if (e.getErrorCode() == 400) {
                return List.of();
            }
            throw new org.maho.datasync.db.DatabaseUnavailableException(e.getMessage(), e);
        }
    }

    @Override
    public long rowCount(String table) {
        try {
            return post(JSON.createObjectNode().put("op", "rows").put("table", table), parser -> {
                parser.nextToken();
                return JSON.<JsonNode>readTree(parser).path("rows").asLong(-1);
            });
        } catch (SQLException e) {
            return -1;
        }
    }

    @Override
    public boolean exists() {
        return columns(ChangeLog.TABLE).stream().anyMatch(column -> column.name().equals("revision"));
    }

    @Override
    public Map<String, List<ChangeLog.Change>> pending(Collection<String> types, Integer limit) throws SQLException {
        Map<String, List<ChangeLog.Change>> changes = new LinkedHashMap<>();
        if (types.isEmpty()) {
            return changes;
        }
        ObjectNode request = JSON.createObjectNode().put("op", "changes");
        types.forEach(request.putArray("types")::add);
        if (limit != null) {
            request.put("limit", limit);
        }
        post(request, parser -> {
            parser.nextToken();
            JSON.readTree(parser);
            // a line per change: tracker_id, entity_type, entity_id, action, source_identifier, revision, attempts, created_at
            while (parser.nextToken() == JsonToken.START_ARRAY) {
                JsonNode row = JSON.readTree(parser);
                ChangeLog.Change change = new ChangeLog.Change(row.path(0).asLong(), row.path(1).asText(), row.path(2).asLong(),
                        row.path(3).asText(), row.path(4).isNull() ? null : row.path(4).asText(), row.path(5).asLong(), row.path(6).asInt(),
                        row.path(7).isNull() ? null : DateValues.parse(row.path(7).asText()));
                changes.computeIfAbsent(change.type(), k -> new ArrayList<>()).add(change);
            }
            return null;
        });
        return changes;
    }

    @Override
    public int markSynced(Collection<ChangeLog.Change> changes) throws SQLException {
        int synced = 0;
        for (List<ChangeLog.Change> chunk : Sql.chunks(changes, ACK_CHUNK)) {
            ObjectNode request = JSON.createObjectNode().put("op", "ack");
            ArrayNode list = request.putArray("synced");
            chunk.forEach(change -> list.addArray().add(change.trackerId()).add(change.type()).add(change.entityId()).add(change.revision()));
            synced += post(request, parser -> {
                parser.nextToken();
                return JSON.<JsonNode>readTree(parser).path("synced").asInt();
            });
        }
        return synced;
    }

    @Override
    public int recordFailures(Map<ChangeLog.Change, String> reasons, int maxAttempts) throws SQLException {
        int parked = 0;
        for (List<Map.Entry<ChangeLog.Change, String>> chunk : Sql.chunks(reasons.entrySet(), ACK_CHUNK)) {
            ObjectNode request = JSON.createObjectNode().put("op", "ack").put("max_attempts", maxAttempts);
            ArrayNode list = request.putArray("failed");
            chunk.forEach(failure -> {
                ChangeLog.Change change = failure.getKey();
                list.addArray().add(change.trackerId()).add(change.type()).add(change.entityId()).add(change.revision())
                        .add(change.attempts()).add(failure.getValue());
            });
            parked += post(request, parser -> {
                parser.nextToken();
                return JSON.<JsonNode>readTree(parser).path("parked").asInt();
            });
        }
        return parked;
    }

    private static ObjectNode request(String op, TableQuery query) {
        ObjectNode request = JSON.createObjectNode().put("op", op).put("table", query.table());
        ArrayNode where = request.putArray("where");
        for (TableQuery.Condition condition : query.conditions()) {
            ObjectNode json = where.addObject().put("column", condition.column()).put("op", condition.op().name());
            ArrayNode values = json.putArray("values");
            for (Object value : condition.values()) {
                if (value instanceof Integer || value instanceof Long) {
                    values.add(((Number) value).longValue());
                } else {
                    values.add(String.valueOf(value));
                }
            }
        }
        return request;
    }

    /** Reads an answer's lines after the request's; returns what the reading makes of them. */
    private interface Answer<T> {
        T read(JsonParser lines) throws IOException, SQLException;
    }

    private <T> T post(ObjectNode request, Answer<T> answer) throws SQLException {
        byte[] body;
        try {
            body = JSON.writeValueAsBytes(request);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        long delay = firstDelayMillis;
        for (int attempt = 1; ; attempt++) {
            try {
                HttpResponse<InputStream> response = http.send(signed(body), HttpResponse.BodyHandlers.ofInputStream());
                int status = response.statusCode();
                if (status == 200) {
                    return read(response, answer);
                }
                String reason = reason(response);
                if ((status == 502 || status == 503 || status == 504) && attempt < attempts) {
                    pause(delay);
                    delay *= 2;
                    continue;
                }
                throw new SQLException(refusal(status, reason), status >= 500 ? "08S01" : "42000", status);
            } catch (IOException e) {
                if (attempt >= attempts) {
                    // this message is what the run reports; the network's own exception is kept for -vv
                    SQLTransientConnectionException unanswered = new SQLTransientConnectionException(describe()
                            + " does not answer after " + attempts + " attempts: " + networkFailure(e), "08S01");
                    unanswered.addSuppressed(e);
                    throw unanswered;
                }
                pause(delay);
                delay *= 2;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SQLTransientConnectionException("interrupted while reading " + describe(), "08S01", e);
            }
        }
    }

    private <T> T read(HttpResponse<InputStream> response, Answer<T> answer) throws IOException, SQLException {
        boolean gzip = response.headers().firstValue("Content-Encoding").map("gzip"::equalsIgnoreCase).orElse(false);
        try (InputStream body = gzip ? new GZIPInputStream(response.body(), 65536) : response.body();
             JsonParser lines = LINES.createParser(body)) {
            T result = answer.read(lines);
            // the answer's last line says it is whole: one cut short lacks it
            if (lines.currentToken() != JsonToken.START_OBJECT) {
                lines.nextToken();
            }
            JsonNode last = lines.currentToken() == JsonToken.START_OBJECT ? JSON.<JsonNode>readTree(lines) : null;
            if (last == null || !last.path("end").asBoolean()) {
                throw new IOException("the answer was cut short");
            }
            return result;
        }
    }

    private static String networkFailure(IOException e) {
        if (e instanceof java.net.ConnectException) {
            return "nothing accepts connections there";
        }
        if (e instanceof java.net.http.HttpTimeoutException) {
            return "it timed out";
        }
        return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }

    private String refusal(int status, String reason) {
        String what = switch (status) {
            case 401 -> "refused the request's signature: DATASYNC_AGENT_SECRET must be the agent's secret, and this"
                    + " machine's clock within five minutes of the shop's";
            case 403 -> "refused to answer" + (reason.isEmpty() ? "" : ": " + reason);
            case 404 -> "was not found: check --url";
            default -> "answered HTTP " + status + (reason.isEmpty() ? "" : ": " + reason);
        };
        return describe() + " " + what + " (HTTP " + status + ")";
    }

    /** The one-line reason the agent gives with a refusal, if any. */
    private static String reason(HttpResponse<InputStream> response) {
        try (InputStream body = response.body()) {
            byte[] text = body.readNBytes(2000);
            JsonNode error = JSON.readTree(text).path("error");
            return error.isTextual() ? error.asText() : "";
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }

    private HttpRequest signed(byte[] body) {
        String timestamp = String.valueOf(System.currentTimeMillis() / 1000);
        byte[] nonceBytes = new byte[16];
        NONCES.nextBytes(nonceBytes);
        String nonce = HexFormat.of().formatHex(nonceBytes);
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        byte[] signed = ("POST\n" + path + "\n" + timestamp + "\n" + nonce + "\n").getBytes(StandardCharsets.UTF_8);
        return HttpRequest.newBuilder(uri).timeout(Duration.ofMinutes(10))
                .header("Content-Type", "application/json")
                .header("Accept-Encoding", "gzip")
                .header("X-DataSync-Timestamp", timestamp)
                .header("X-DataSync-Nonce", nonce)
                .header("X-DataSync-Signature", signature(endpoint.secret(), signed, body))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
    }

    /** Hex HMAC-SHA256 of the signed text followed by the body. */
    static String signature(String secret, byte[] signed, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update(signed);
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void pause(long millis) throws SQLException {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLTransientConnectionException("interrupted", "08S01", e);
        }
    }
}
