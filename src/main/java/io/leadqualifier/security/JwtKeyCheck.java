package io.leadqualifier.security;

import java.nio.file.Files;
import java.nio.file.Path;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.ConfigProvider;

import io.quarkus.runtime.StartupEvent;

/**
 * Fails the start when a JWT verification key file is configured but missing: otherwise every request,
 * whatever its credentials, would fail when the JWT mechanism first tries to read it.
 */
@ApplicationScoped
public class JwtKeyCheck {

    void onStart(@Observes StartupEvent event) {
        ConfigProvider.getConfig().getOptionalValue("mp.jwt.verify.publickey.location", String.class)
                .filter(location -> !location.contains(":") || location.startsWith("file:"))
                .map(location -> Path.of(location.replaceFirst("^file:", "")))
                .filter(file -> !Files.isReadable(file))
                .ifPresent(file -> {
                    throw new IllegalStateException("mp.jwt.verify.publickey.location names " + file.toAbsolutePath()
                            + ", which cannot be read: fix MP_JWT_VERIFY_PUBLICKEY_LOCATION or unset it");
                });
    }
}
