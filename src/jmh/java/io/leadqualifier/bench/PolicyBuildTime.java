package io.leadqualifier.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.leadqualifier.policy.ExecutableModelBuild;
import io.leadqualifier.policy.compile.CompiledPolicy;
import io.leadqualifier.policy.compile.PolicyCompiler;
import io.leadqualifier.policy.source.PolicyFile;
import io.leadqualifier.policy.source.PolicyFolders;

/**
 * How long the shipped policy takes to build, classic vs executable model, alternating in one JVM: the
 * first build (cold) and the median of the following ones (warm).
 * {@code -Dbench.main=io.leadqualifier.bench.PolicyBuildTime -Dbench.args="10"}
 */
public final class PolicyBuildTime {

    private PolicyBuildTime() {
    }

    public static void main(String[] args) {
        java.util.logging.Logger.getLogger("").setLevel(java.util.logging.Level.INFO);
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        List<PolicyFile> files = new PolicyFolders(Path.of(System.getProperty("policy.dir", "."))).read();
        PolicyCompiler compiler = new PolicyCompiler(4);
        List<Long> classic = new ArrayList<>();
        List<Long> executable = new ArrayList<>();
        for (int i = 0; i < rounds; i++) {
            long start = System.nanoTime();
            CompiledPolicy policy = compiler.compile(files);
            long compiled = System.nanoTime();
            ExecutableModelBuild.rebuild(policy);
            long rebuilt = System.nanoTime();
            classic.add((compiled - start) / 1_000_000);
            // the executable model starts from the classic build's DRL: only its own build is counted
            executable.add((rebuilt - compiled) / 1_000_000);
        }
        System.out.println("classic build: " + summary(classic));
        System.out.println("executable model build: " + summary(executable));
    }

    private static String summary(List<Long> millis) {
        List<Long> warm = millis.subList(1, millis.size()).stream().sorted().toList();
        return "first " + millis.get(0) + " ms, then median " + warm.get(warm.size() / 2) + " ms (" + millis + ")";
    }
}
