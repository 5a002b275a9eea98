package io.leadqualifier.policy.compile;

import java.util.List;
import java.util.stream.Collectors;

import io.leadqualifier.policy.source.PolicyProblem;

/** A policy that cannot be served, with every problem found. */
public class PolicyCompilationException extends RuntimeException {
    private final List<PolicyProblem> problems;

    public PolicyCompilationException(List<PolicyProblem> problems) {
        super(problems.stream().filter(PolicyProblem::isError).count() + " problem(s) in the policy:\n  "
                + problems.stream().filter(PolicyProblem::isError).map(PolicyProblem::toString)
                        .collect(Collectors.joining("\n  ")));
        this.problems = List.copyOf(problems);
    }

    public List<PolicyProblem> problems() {
        return problems;
    }
}
