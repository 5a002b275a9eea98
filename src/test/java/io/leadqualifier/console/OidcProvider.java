package io.leadqualifier.console;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.interfaces.RSAPublicKey;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import io.leadqualifier.security.JwtTestKeys;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.smallrye.jwt.build.Jwt;

/**
 * A company's OIDC provider for tests, on loopback: discovery, an authorization endpoint that logs in whoever the
 * test says ({@link #nextUser}) and sends the browser back with a code, a token endpoint that checks the client's
 * secret and the code, and the key set that signs its ID tokens.
 */
public class OidcProvider implements QuarkusTestResourceLifecycleManager {
    static final String CLIENT_ID = "lead-qualifier-console";
    static final String SECRET = UUID.randomUUID().toString();

    /** Who logs in at the provider next. */
    record User(String name, List<String> groups) {
    }

    static volatile User nextUser = new User("ana@acme.example", List.of("revops"));
    /** Codes exchanged at the token endpoint, with the client secret they came with. */
    static final Map<String, String> exchanged = new ConcurrentHashMap<>();

    private final KeyPair keys = JwtTestKeys.newPair();
    private final Map<String, Grant> codes = new ConcurrentHashMap<>();
    private HttpServer server;
    private String base;

    private record Grant(User user, String nonce, String redirectUri) {
    }

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        base = "http://127.0.0.1:" + server.getAddress().getPort();
        server.createContext("/.well-known/openid-configuration", exchange -> json(exchange, 200, """
                {"issuer":"%1$s","authorization_endpoint":"%1$s/authorize","token_endpoint":"%1$s/token",
                 "jwks_uri":"%1$s/jwks","response_types_supported":["code"],"subject_types_supported":["public"],
                 "id_token_signing_alg_values_supported":["RS256"]}""".formatted(base)));
        server.createContext("/jwks", exchange -> {
            RSAPublicKey key = (RSAPublicKey) keys.getPublic();
            json(exchange, 200, "{\"keys\":[{\"kty\":\"RSA\",\"kid\":\"k1\",\"use\":\"sig\",\"alg\":\"RS256\",\"n\":\"" + unsigned(key.getModulus())
                    + "\",\"e\":\"" + unsigned(key.getPublicExponent()) + "\"}]}");
        });
        server.createContext("/authorize", this::authorize);
        server.createContext("/token", this::token);
        server.start();
        return Map.of("quarkus.oidc.auth-server-url", base, "quarkus.oidc.client-id", CLIENT_ID,
                "quarkus.oidc.credentials.secret", SECRET);
    }

    private void authorize(HttpExchange exchange) throws IOException {
        Map<String, String> query = form(exchange.getRequestURI().getRawQuery());
        if (!"code".equals(query.get("response_type")) || !CLIENT_ID.equals(query.get("client_id"))) {
            json(exchange, 400, "{\"error\":\"invalid_request\"}");
            return;
        }
        String code = UUID.randomUUID().toString();
        codes.put(code, new Grant(nextUser, query.get("nonce"), query.get("redirect_uri")));
        String back = query.get("redirect_uri") + (query.get("redirect_uri").contains("?") ? "&" : "?") + "code=" + code + "&state="
                + java.net.URLEncoder.encode(query.get("state"), StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Location", back);
        exchange.sendResponseHeaders(302, -1);
        exchange.close();
    }

    private void token(HttpExchange exchange) throws IOException {
        Map<String, String> body = form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        String secret = clientSecret(exchange, body);
        Grant grant = codes.remove(String.valueOf(body.get("code")));
        if (grant == null || !SECRET.equals(secret) || !"authorization_code".equals(body.get("grant_type"))
                || !grant.redirectUri().equals(body.get("redirect_uri"))) {
            json(exchange, 400, "{\"error\":\"invalid_grant\"}");
            return;
        }
        exchanged.put(body.get("code"), secret);
        var claims = Jwt.issuer(base).subject(grant.user().name()).audience(CLIENT_ID).claim("preferred_username", grant.user().name())
                .groups(new java.util.HashSet<>(grant.user().groups())).expiresIn(300);
        if (grant.nonce() != null) {
            claims.claim("nonce", grant.nonce());
        }
        String idToken = claims.jws().keyId("k1").sign(keys.getPrivate());
        String accessToken = Jwt.issuer(base).subject(grant.user().name()).audience(CLIENT_ID).expiresIn(300).jws().keyId("k1")
                .sign(keys.getPrivate());
        json(exchange, 200, "{\"access_token\":\"" + accessToken + "\",\"token_type\":\"Bearer\",\"expires_in\":300,\"id_token\":\""
                + idToken + "\"}");
    }

    private static String clientSecret(HttpExchange exchange, Map<String, String> body) {
        String basic = exchange.getRequestHeaders().getFirst("Authorization");
        if (basic != null && basic.startsWith("Basic ")) {
            String pair = new String(Base64.getDecoder().decode(basic.substring(6)), StandardCharsets.UTF_8);
            String[] parts = pair.split(":", 2);
            return parts.length == 2 && URLDecoder.decode(parts[0], StandardCharsets.UTF_8).equals(CLIENT_ID)
                    ? URLDecoder.decode(parts[1], StandardCharsets.UTF_8) : null;
        }
        return CLIENT_ID.equals(body.get("client_id")) ? body.get("client_secret") : null;
    }

    private static Map<String, String> form(String text) {
        if (text == null || text.isEmpty()) {
            return Map.of();
        }
        return Arrays.stream(text.split("&")).map(pair -> pair.split("=", 2)).collect(Collectors.toMap(
                pair -> URLDecoder.decode(pair[0], StandardCharsets.UTF_8),
                pair -> pair.length > 1 ? URLDecoder.decode(pair[1], StandardCharsets.UTF_8) : "", (a, b) -> b));
    }

    private static void json(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    private static String unsigned(java.math.BigInteger value) {
        byte[] bytes = value.toByteArray();
        if (bytes.length > 1 && bytes[0] == 0) {
            bytes = Arrays.copyOfRange(bytes, 1, bytes.length);
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }
}
