package io.leadqualifier.console;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.nio.charset.StandardCharsets;

import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.ext.web.RoutingContext;

/**
 * The console's CSRF token (double submit): a random value in an HttpOnly, SameSite=Strict cookie scoped to
 * {@code /console}, repeated in a hidden field of every form. A page from another site can make the browser send the
 * cookie (not with SameSite=Strict, but older browsers) and cannot read it to fill the field. quarkus-rest-csrf does
 * the same but is not published for the Quarkus version this service is on.
 */
public final class CsrfToken {
    /** The cookie and the form field. */
    public static final String NAME = "console-csrf";
    private static final SecureRandom RANDOM = new SecureRandom();

    private CsrfToken() {
    }

    /** The token of this browser, made (and sent as a cookie with the answer) when it has none. */
    static String of(RoutingContext request) {
        Cookie cookie = request.request().getCookie(NAME);
        if (cookie != null && isWellFormed(cookie.getValue())) {
            return cookie.getValue();
        }
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        request.response().addCookie(Cookie.cookie(NAME, token).setPath("/console").setHttpOnly(true)
                .setSameSite(CookieSameSite.STRICT).setSecure(request.request().isSSL()));
        return token;
    }

    /** Whether the form's field repeats the browser's cookie. */
    static boolean matches(String cookie, String field) {
        return isWellFormed(cookie) && field != null
                && MessageDigest.isEqual(cookie.getBytes(StandardCharsets.US_ASCII), field.getBytes(StandardCharsets.US_ASCII));
    }

    private static boolean isWellFormed(String token) {
        return token != null && token.matches("[A-Za-z0-9_-]{43}");
    }
}
