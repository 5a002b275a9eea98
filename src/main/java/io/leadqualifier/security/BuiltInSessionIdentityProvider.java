package io.leadqualifier.security;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TrustedAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;

/**
 * Restores a console login from its encrypted cookie: the form login checked the password when the cookie was made, so
 * the cookie names a user that is a role of the built-in credentials. Refused once built-in credentials are off.
 */
@ApplicationScoped
public class BuiltInSessionIdentityProvider implements IdentityProvider<TrustedAuthenticationRequest> {
    private final SecurityConfig config;

    BuiltInSessionIdentityProvider(SecurityConfig config) {
        this.config = config;
    }

    @Override
    public Class<TrustedAuthenticationRequest> getRequestType() {
        return TrustedAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(TrustedAuthenticationRequest request, AuthenticationRequestContext context) {
        String user = request.getPrincipal();
        if (!config.builtInCredentials() || !Roles.ALL.contains(user)) {
            return Uni.createFrom().failure(new AuthenticationFailedException("no such built-in user"));
        }
        return Uni.createFrom().item(QuarkusSecurityIdentity.builder().setPrincipal(new QuarkusPrincipal(user)).addRole(user).build());
    }
}
