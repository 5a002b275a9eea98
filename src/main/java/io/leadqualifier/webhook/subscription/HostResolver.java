package io.leadqualifier.webhook.subscription;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

import jakarta.inject.Singleton;

/** Host name to every address it resolves to, through the system resolver. A bean, so that tests can name hosts of their own. */
@Singleton
public class HostResolver {

    public List<InetAddress> resolve(String host) throws UnknownHostException {
        return List.of(InetAddress.getAllByName(host));
    }
}
