package io.leadqualifier.webhook.subscription;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Which receiver URLs pass, checked on every address a host resolves to; names resolve here without DNS. */
class EndpointGuardTest {
    private static final Map<String, List<String>> NAMES = Map.of(
            "crm.example.com", List.of("93.184.216.34", "2606:2800:220:1:248:1893:25c8:1946"),
            "rebound.example.com", List.of("93.184.216.34", "169.254.169.254"),
            "printer.example.com", List.of("fe80::1"),
            "crm.internal", List.of("10.20.30.40"));
    private static final HostResolver RESOLVER = new HostResolver() {
        @Override
        public List<InetAddress> resolve(String host) throws UnknownHostException {
            List<String> addresses = NAMES.get(host);
            if (addresses == null) {
                throw new UnknownHostException(host);
            }
            List<InetAddress> resolved = new java.util.ArrayList<>();
            for (String address : addresses) {
                resolved.add(InetAddress.getByName(address));
            }
            return resolved;
        }
    };
    private final EndpointGuard allowingPrivate = new EndpointGuard(false, RESOLVER);
    private final EndpointGuard denyingPrivate = new EndpointGuard(true, RESOLVER);

    private static String refusal(EndpointGuard guard, String url) {
        try {
            guard.check(url);
            return null;
        } catch (EndpointGuard.Refused refused) {
            return refused.getMessage();
        }
    }

    @Test
    void aPublicHttpsUrlPassesAndIsConnectedToTheAddressChecked() throws Exception {
        EndpointGuard.Endpoint endpoint = allowingPrivate.check("https://crm.example.com/hooks/lq?tenant=7");
        assertThat(endpoint.host()).isEqualTo("crm.example.com");
        assertThat(endpoint.port()).isEqualTo(443);
        assertThat(endpoint.address().getHostAddress()).isEqualTo("93.184.216.34");
        assertThat(allowingPrivate.check("http://crm.example.com:8081/").port()).isEqualTo(8081);
    }

    @ParameterizedTest
    @ValueSource(strings = {"ftp://crm.example.com/hooks", "file:///etc/passwd", "gopher://crm.example.com/", "javascript:alert(1)",
        "crm.example.com/hooks", "http:///no-host", "http://user:secret@crm.example.com/hooks", "not a url", ""})
    void onlyHttpAndHttpsUrlsWithAHostAndNoUserInfoPass(String url) {
        assertThat(refusal(allowingPrivate, url)).as(url).isNotNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://169.254.169.254/latest/meta-data/", "http://169.254.1.1/", "http://[fe80::1]/hook",
        "http://[FE80::abcd:1]:8080/", "http://[::ffff:169.254.169.254]/", "http://[::a9fe:a9fe]/", "http://[64:ff9b::a9fe:a9fe]/",
        "http://[fd00:ec2::254]/", "http://100.100.100.200/", "http://metadata.google.internal/computeMetadata/v1/",
        "http://METADATA.GOOGLE.INTERNAL./", "http://0.0.0.0:8080/", "http://[::]/", "http://224.0.0.1/", "http://255.255.255.255/"})
    void linkLocalMetadataAndUnroutableAddressesAreRefusedAlways(String url) {
        assertThat(refusal(allowingPrivate, url)).as(url).isNotNull();
        assertThat(refusal(denyingPrivate, url)).as(url).isNotNull();
    }

    @Test
    void everyAddressAHostResolvesToIsChecked() {
        assertThat(refusal(allowingPrivate, "https://rebound.example.com/hooks"))
                .isEqualTo("resolves to a cloud metadata address (rebound.example.com → 169.254.169.254)");
        assertThat(refusal(allowingPrivate, "https://printer.example.com/hooks")).contains("a link-local address");
        assertThat(refusal(allowingPrivate, "https://nowhere.example.com/hooks")).contains("does not resolve");
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://127.0.0.1:8080/hooks", "http://[::1]/hooks", "http://10.1.2.3/", "http://172.16.0.9/",
        "http://192.168.1.20/", "http://100.64.0.1/", "http://[fd12:3456::1]/", "http://crm.internal/hooks"})
    void loopbackAndPrivateAddressesPassUnlessTheSettingDeniesThem(String url) {
        assertThat(refusal(allowingPrivate, url)).as(url).isNull();
        assertThat(refusal(denyingPrivate, url)).as(url).contains("lead-qualifier.webhooks.deny-private");
    }

    @Test
    void aRefusalNamesTheAddress() {
        assertThatThrownBy(() -> allowingPrivate.check("http://169.254.169.254/latest"))
                .hasMessage("is a cloud metadata address (169.254.169.254)");
        assertThatThrownBy(() -> allowingPrivate.check("ftp://crm.example.com/")).hasMessage("must be an http or https URL, not ftp");
    }
}
