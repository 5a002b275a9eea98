package io.leadqualifier.webhook;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Singleton;

import io.leadqualifier.webhook.subscription.HostResolver;

/**
 * Name resolution in tests: host names under {@code .test} that a test maps to addresses (and may map again, as a
 * DNS server an attacker controls would); every other name goes to the system resolver.
 */
@Alternative
@Priority(1)
@Singleton
public class TestResolver extends HostResolver {
    private final Map<String, List<String>> names = new ConcurrentHashMap<>();

    /** From now on {@code host} resolves to these addresses. */
    public void map(String host, String... addresses) {
        names.put(host, List.of(addresses));
    }

    @Override
    public List<InetAddress> resolve(String host) throws UnknownHostException {
        List<String> mapped = names.get(host);
        if (mapped == null) {
            return super.resolve(host);
        }
        List<InetAddress> addresses = new ArrayList<>();
        for (String address : mapped) {
            addresses.add(InetAddress.getByName(address));
        }
        return addresses;
    }
}
