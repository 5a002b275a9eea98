package io.leadqualifier.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Instant;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import io.leadqualifier.security.BuiltInCredentials;
import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.build.Jwt;

/** What authentication adds per request: the built-in secret check, and verifying an RS256 JWT. */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class AuthenticationBenchmark {
    private BuiltInCredentials credentials;
    private String secret;
    private JWTParser parser;
    private String token;

    @Setup
    public void setUp() throws Exception {
        Path file = Files.createTempDirectory("auth-bench").resolve("credentials.properties");
        credentials = BuiltInCredentials.loadOrGenerate(file);
        Properties secrets = new Properties();
        try (var reader = Files.newBufferedReader(file)) {
            secrets.load(reader);
        }
        secret = secrets.getProperty("crm");
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair pair = generator.generateKeyPair();
        JWTAuthContextInfo info = new JWTAuthContextInfo((java.security.interfaces.RSAPublicKey) pair.getPublic(), "https://idp.bench");
        parser = new DefaultJWTParser(info);
        token = Jwt.issuer("https://idp.bench").upn("crm-connector").groups("crm")
                .expiresAt(Instant.now().plusSeconds(3600)).sign(pair.getPrivate());
    }

    @Benchmark
    public Object builtInSecretCheck() {
        return credentials.roleOf("crm", secret);
    }

    @Benchmark
    public JsonWebToken jwtVerification() throws Exception {
        return parser.parse(token);
    }
}
