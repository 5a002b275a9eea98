package io.leadqualifier.policy;

import java.util.ArrayList;
import java.util.List;

import org.drools.model.codegen.ExecutableModelProject;
import org.kie.api.KieBase;
import org.kie.api.KieBaseConfiguration;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;
import org.kie.api.conf.KieBaseMutabilityOption;

import io.leadqualifier.facts.Lead;
import io.leadqualifier.policy.compile.CompiledPolicy;
import io.leadqualifier.policy.compile.PolicyCompilationException;
import io.leadqualifier.policy.source.DrlSource;
import io.leadqualifier.policy.source.PolicyProblem;

/**
 * The same policy built with Drools' executable model instead of the classic build, for the benchmarks
 * that compare them: the DRL a classic compilation produced (DRL files and the DRL of each table sheet,
 * already guarded), compiled again into Java lambdas. Not used by the service: it builds several times
 * slower and evaluates no faster (README, "Benchmarks").
 */
public final class ExecutableModelBuild {

    private ExecutableModelBuild() {
    }

    /** The policy rebuilt with the executable model; the build messages of a policy that does not compile. */
    public static CompiledPolicy rebuild(CompiledPolicy classic) {
        KieServices ks = KieServices.Factory.get();
        ReleaseId releaseId = ks.newReleaseId("io.leadqualifier.policy", "executable-model", "1." + System.nanoTime());
        KieFileSystem kfs = ks.newKieFileSystem().generateAndWritePomXML(releaseId);
        List<DrlSource> sources = classic.drlSources();
        for (int i = 0; i < sources.size(); i++) {
            kfs.write("src/main/resources/" + sources.get(i).file() + "." + i + ".drl", sources.get(i).drl());
        }
        KieBuilder builder = ks.newKieBuilder(kfs, Lead.class.getClassLoader()).buildAll(ExecutableModelProject.class);
        List<PolicyProblem> errors = new ArrayList<>();
        for (Message message : builder.getResults().getMessages(Message.Level.ERROR)) {
            errors.add(new PolicyProblem(String.valueOf(message.getPath()), "line " + message.getLine(), message.getText()));
        }
        if (!errors.isEmpty()) {
            throw new PolicyCompilationException(errors);
        }
        KieBaseConfiguration configuration = ks.newKieBaseConfiguration();
        configuration.setOption(KieBaseMutabilityOption.DISABLED);
        KieBase kieBase = ks.newKieContainer(releaseId, Lead.class.getClassLoader()).newKieBase(configuration);
        ks.getRepository().removeKieModule(releaseId);
        return new CompiledPolicy(classic.contentHash(), classic.files(), kieBase, classic.ruleSources(), sources,
                classic.warnings(), 4, classic.handoffTables());
    }
}
