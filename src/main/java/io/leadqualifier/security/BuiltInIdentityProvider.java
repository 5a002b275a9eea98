package io.leadqualifier.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.UsernamePasswordAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;

/**
 * Checks HTTP Basic credentials against the built-in ones: the user is a role name, the password its
 * generated secret. The file is created on first start, and the log says where, never what.
 */
@ApplicationScoped
public class BuiltInIdentityProvider implements IdentityProvider<UsernamePasswordAuthenticationRequest> {
    private final SecurityConfig config;
    private volatile BuiltInCredentials credentials;

    BuiltInIdentityProvider(SecurityConfig config) {
        this.config = config;
    }

    void onStart(@Observes StartupEvent event) {
        if (!config.builtInCredentials()) {
            Log.info("Built-in credentials are off: requests need a bearer JWT");
            return;
        }
        BuiltInCredentials loaded = credentials();
        if (loaded.generated()) {
            Log.infof("Generated built-in credentials for roles %s in %s (readable by this user only). "
                    + "Use HTTP Basic with the role as user, e.g. curl -u crm:<secret from that file>", Roles.ALL, loaded.file().normalize());
        } else {
            Log.infof("Built-in credentials from %s", loaded.file());
        }
    }

    @Override
    public Class<UsernamePasswordAuthenticationRequest> getRequestType() {
        return UsernamePasswordAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(UsernamePasswordAuthenticationRequest request,
            AuthenticationRequestContext context) {
        if (!config.builtInCredentials()) {
            return Uni.createFrom().failure(new AuthenticationFailedException("built-in credentials are off"));
        }
        String user = request.getUsername();
        return credentials().roleOf(user, new String(request.getPassword().getPassword()))
                .<Uni<SecurityIdentity>>map(role -> Uni.createFrom().item(QuarkusSecurityIdentity.builder()
                        .setPrincipal(new QuarkusPrincipal(role)).addRole(role).build()))
                .orElseGet(() -> Uni.createFrom().failure(new AuthenticationFailedException("wrong user or password")));
    }

    private BuiltInCredentials credentials() {
        BuiltInCredentials loaded = credentials;
        if (loaded == null) {
            synchronized (this) {
                if (credentials == null) {
                    credentials = BuiltInCredentials.loadOrGenerate(config.credentialsFile());
                }
                loaded = credentials;
            }
        }
        return loaded;
    }
}
