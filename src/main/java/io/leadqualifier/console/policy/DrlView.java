package io.leadqualifier.console.policy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import io.leadqualifier.policy.api.PolicyDiff;
import io.leadqualifier.policy.source.PolicyFile;

/** A DRL file as rule authors read it: each rule by name with its source, as the engine's parser reads the file. */
public record DrlView(String path, List<Rule> rules, String unparsed) {

    /** A rule and its text from {@code rule} to {@code end}. */
    public record Rule(String name, String source) {
    }

    static DrlView of(PolicyFile file) {
        String text = new String(file.content(), StandardCharsets.UTF_8);
        Map<String, String> rules = PolicyDiff.rules(file.path(), text);
        if (rules == null) {
            return new DrlView(file.path(), List.of(), text);
        }
        return new DrlView(file.path(), rules.entrySet().stream().map(rule -> new Rule(rule.getKey(), rule.getValue())).toList(), null);
    }
}
