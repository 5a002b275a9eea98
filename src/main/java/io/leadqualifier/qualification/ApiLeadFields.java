package io.leadqualifier.qualification;

import java.lang.reflect.RecordComponent;
import java.util.Set;
import java.util.TreeSet;

import jakarta.enterprise.context.ApplicationScoped;

import io.leadqualifier.decision.QualifyRequest;
import io.leadqualifier.policy.check.LeadFieldsFilled;

/**
 * The lead fields a qualify request fills: every component of the request's nested records, plus what the
 * facts derive from them ({@code contact.emailDomain}, {@code sales.buyingProject},
 * {@code consent.optedOutOrDoNotEmail}), and the lead's history, which the service fills from its lifecycle.
 */
@ApplicationScoped
public class ApiLeadFields implements LeadFieldsFilled {
    private final Set<String> paths = compute();

    @Override
    public Set<String> paths() {
        return paths;
    }

    private static Set<String> compute() {
        Set<String> paths = new TreeSet<>();
        for (RecordComponent component : QualifyRequest.class.getRecordComponents()) {
            if (component.getType().isRecord()) {
                for (RecordComponent field : component.getType().getRecordComponents()) {
                    paths.add(component.getName() + "." + field.getName());
                }
            }
        }
        paths.add("contact.emailDomain");
        paths.add("sales.buyingProject");
        paths.add("consent.optedOutOrDoNotEmail");
        // The history is filled by the service from the lifecycle, not by the client; SalesHistory derives these.
        for (String derived : new String[] {"known", "held", "handedOff", "contacted", "closed"}) {
            paths.add("history." + derived);
        }
        return Set.copyOf(paths);
    }
}
