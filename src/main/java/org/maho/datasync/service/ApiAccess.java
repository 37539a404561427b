package org.maho.datasync.service;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Who is asking, for every request of the API (routes/service/api.camel.yaml calls it first). A script sends the token
 * ({@code Authorization: Bearer}); the console logs in once and holds a session cookie (HttpOnly, SameSite=Strict), and
 * every call of it that changes something carries the session's CSRF token in {@code X-CSRF-Token}: a page of another
 * site can make a browser send the cookie, never read the token. Without credentials the service listens on 127.0.0.1
 * only; a request must then name a local host (no DNS rebinding) and changes still need a session's CSRF token.
 */
public final class ApiAccess {

    /** The exchange property that holds who asked, for the action log. */
    public static final String CALLER = "datasyncCaller";
    private static final Logger LOG = LoggerFactory.getLogger("datasync.api");
    private static final String COOKIE = "datasync_session";
    private static final long SESSION_MILLIS = 12 * 3600_000L;

    private record Session(String who, String csrf, long expiresAt) {}

    private final SecureRandom random = new SecureRandom();
    private final Map<String, Session> sessions = new ConcurrentHashMap<>();
    private volatile ApiCredentials credentials = ApiCredentials.none();

    public void configure(ApiCredentials value) {
        credentials = value;
    }

    public boolean required() {
        return credentials.required();
    }

    /** Lets the request through, naming its caller in {@link #CALLER}, or refuses it with 401 or 403. */
    public void authorize(Exchange exchange) {
        String bearer = bearer(exchange);
        if (bearer != null) {
            if (credentials.token() == null || !constantTimeEquals(bearer, credentials.token())) {
                throw new ApiRefusedException(401, "the token is wrong");
            }
            // a browser never adds this header on its own: no CSRF token needed
            exchange.setProperty(CALLER, "token");
            return;
        }
        requireLocalHostWhenOpen(exchange);
        Session session = session(exchange);
        if (session == null && credentials.required()) {
            throw new ApiRefusedException(401, "log in first (POST /api/login), or send Authorization: Bearer <DATASYNC_API_TOKEN>");
        }
        if (!isRead(exchange)) {
            String csrf = exchange.getMessage().getHeader("X-CSRF-Token", String.class);
            if (session == null || csrf == null || !constantTimeEquals(csrf, session.csrf())) {
                throw new ApiRefusedException(403, "a change needs the X-CSRF-Token of the session (GET /api/session gives it)");
            }
        }
        exchange.setProperty(CALLER, session != null ? session.who() : "local");
    }

    /**
     * GET /api/session: who the session is and its CSRF token. Without credentials, a local caller gets a session
     * there and then; with them, a caller without one gets 401 and the console shows its login.
     */
    public Map<String, Object> currentSession(Exchange exchange) {
        requireLocalHostWhenOpen(exchange);
        Session session = session(exchange);
        if (session == null && !credentials.required()) {
            session = open(exchange, "local");
        }
        if (session == null) {
            throw new ApiRefusedException(401, "not logged in");
        }
        return describe(session);
    }

    /** POST /api/login with {"user": ..., "password": ...} or {"token": ...}: a session, or 401 (logged, with who tried). */
    public Map<String, Object> login(Exchange exchange, Map<String, Object> body) {
        requireLocalHostWhenOpen(exchange);
        String user = text(body, "user");
        String password = text(body, "password");
        String token = text(body, "token");
        String who = null;
        if (token != null && credentials.token() != null && constantTimeEquals(token, credentials.token())) {
            who = "token";
        } else if (user != null && password != null && credentials.user() != null && constantTimeEquals(user, credentials.user())
                && PasswordHash.matches(password.toCharArray(), credentials.passwordHash())) {
            who = user;
        } else if (!credentials.required()) {
            who = "local";
        }
        if (who == null) {
            LOG.warn("login refused for '{}'", user != null ? user : token != null ? "token" : "");
            throw new ApiRefusedException(401, "wrong user, password or token");
        }
        LOG.info("{} logged in to the console", who);
        return describe(open(exchange, who));
    }

    /** POST /api/logout: the session ends. */
    public Map<String, Object> logout(Exchange exchange) {
        String id = cookie(exchange);
        if (id != null) {
            sessions.remove(id);
        }
        exchange.getMessage().setHeader("Set-Cookie", COOKIE + "=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0");
        return Map.of("loggedOut", true);
    }

    /** Turns a refused or failed request into its status and a JSON message; a failure of ours is logged, not shown in full. */
    public Map<String, Object> refusal(Exchange exchange) {
        Throwable error = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        int status = 500;
        String message;
        if (error instanceof ApiRefusedException refused) {
            status = refused.status();
            message = refused.getMessage();
        } else if (error instanceof IllegalArgumentException) {
            status = 400;
            message = error.getMessage();
        } else {
            message = org.maho.datasync.db.ShopDatabase.rootMessage(error);
            LOG.error("{} {} failed: {}", exchange.getMessage().getHeader(Exchange.HTTP_METHOD),
                    exchange.getMessage().getHeader(Exchange.HTTP_URI), message, error);
        }
        exchange.getMessage().setHeader(Exchange.HTTP_RESPONSE_CODE, status);
        return Map.of("error", message == null ? "" : message, "status", status);
    }

    private Session open(Exchange exchange, String who) {
        sessions.values().removeIf(old -> old.expiresAt() < System.currentTimeMillis());
        String id = randomHex();
        Session session = new Session(who, randomHex(), System.currentTimeMillis() + SESSION_MILLIS);
        sessions.put(id, session);
        exchange.getMessage().setHeader("Set-Cookie", COOKIE + "=" + id + "; Path=/; HttpOnly; SameSite=Strict; Max-Age="
                + SESSION_MILLIS / 1000);
        return session;
    }

    private Map<String, Object> describe(Session session) {
        Map<String, Object> described = new LinkedHashMap<>();
        described.put("who", session.who());
        described.put("csrfToken", session.csrf());
        described.put("authentication", credentials.required() ? "required" : "none (listening on 127.0.0.1 only)");
        return described;
    }

    private Session session(Exchange exchange) {
        String id = cookie(exchange);
        Session session = id == null ? null : sessions.get(id);
        if (session != null && session.expiresAt() < System.currentTimeMillis()) {
            sessions.remove(id);
            return null;
        }
        return session;
    }

    private static String cookie(Exchange exchange) {
        String header = exchange.getMessage().getHeader("Cookie", String.class);
        if (header == null) {
            return null;
        }
        for (String part : header.split(";")) {
            String cookie = part.trim();
            if (cookie.startsWith(COOKIE + "=")) {
                // a client of RFC 2965 (Java's own) quotes the value
                return cookie.substring(COOKIE.length() + 1).replaceAll("^\"|\"$", "");
            }
        }
        return null;
    }

    private static String bearer(Exchange exchange) {
        String header = exchange.getMessage().getHeader("Authorization", String.class);
        return header != null && header.regionMatches(true, 0, "Bearer ", 0, 7) ? header.substring(7).trim() : null;
    }

    /** An open service answers only a page or script that asked for it by a local name, never one reached by rebinding DNS. */
    private void requireLocalHostWhenOpen(Exchange exchange) {
        if (credentials.required()) {
            return;
        }
        // the URL the request asked for, as its Host header named it (Camel keeps no Host header)
        String url = exchange.getMessage().getHeader(Exchange.HTTP_URL, String.class);
        String name = "";
        try {
            name = url == null ? "" : String.valueOf(java.net.URI.create(url).getHost());
        } catch (IllegalArgumentException e) {
            // no host: refused below
        }
        if (!name.equals("localhost") && !name.equals("127.0.0.1") && !name.equals("[::1]")) {
            throw new ApiRefusedException(403, "without DATASYNC_API_TOKEN or DATASYNC_API_USER the service answers only"
                    + " requests for localhost or 127.0.0.1");
        }
    }

    private static boolean isRead(Exchange exchange) {
        String method = exchange.getMessage().getHeader(Exchange.HTTP_METHOD, String.class);
        return "GET".equals(method) || "HEAD".equals(method);
    }

    private static String text(Map<String, Object> body, String key) {
        Object value = body == null ? null : body.get(key);
        return value == null || value.toString().isEmpty() ? null : value.toString();
    }

    private String randomHex() {
        byte[] bytes = new byte[24];
        random.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    private static boolean constantTimeEquals(String a, String b) {
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }
}
