package io.leadqualifier.console;

import java.util.List;

/**
 * What the layout shows around every page: its title, the navigation with the current section, who is logged in,
 * and the CSRF token forms repeat.
 *
 * @param user null on pages seen before logging in
 */
public record Frame(String title, Section section, String user, List<String> roles, String csrf, List<Section> nav) {

    public String csrfField() {
        return CsrfToken.NAME;
    }

    public boolean hasRole(String role) {
        return roles.contains(role);
    }
}
