package io.leadqualifier.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The quick start is not open: the first start generates strong secrets only the owner can read. */
class BuiltInCredentialsTest {

    @Test
    void firstStartGeneratesAStrongSecretPerRoleReadableByTheOwnerOnly(@TempDir Path data) throws Exception {
        Path file = data.resolve("sub/credentials.properties");
        BuiltInCredentials credentials = BuiltInCredentials.loadOrGenerate(file);

        assertThat(credentials.generated()).isTrue();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        Properties secrets = new Properties();
        try (var reader = Files.newBufferedReader(file)) {
            secrets.load(reader);
        }
        assertThat(secrets.stringPropertyNames()).containsExactlyInAnyOrderElementsOf(Roles.ALL);
        assertThat(secrets.values()).doesNotHaveDuplicates()
                .allSatisfy(secret -> assertThat((String) secret).hasSize(43).matches("[A-Za-z0-9_-]+"));
        for (String role : Roles.ALL) {
            assertThat(credentials.roleOf(role, secrets.getProperty(role))).contains(role);
        }
    }

    @Test
    void laterStartsKeepTheSecrets(@TempDir Path data) throws Exception {
        Path file = data.resolve("credentials.properties");
        BuiltInCredentials.loadOrGenerate(file);
        String before = Files.readString(file);

        BuiltInCredentials again = BuiltInCredentials.loadOrGenerate(file);

        assertThat(again.generated()).isFalse();
        assertThat(Files.readString(file)).isEqualTo(before);
    }

    @Test
    void wrongSecretOrRoleIsRefused(@TempDir Path data) {
        BuiltInCredentials credentials = BuiltInCredentials.loadOrGenerate(data.resolve("credentials.properties"));

        assertThat(credentials.roleOf(Roles.ADMIN, "guess")).isEmpty();
        assertThat(credentials.roleOf("root", "guess")).isEmpty();
        assertThat(credentials.roleOf(Roles.ADMIN, null)).isEmpty();
    }
}
