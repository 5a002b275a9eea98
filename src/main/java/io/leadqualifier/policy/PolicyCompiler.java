package io.leadqualifier.policy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import org.drools.base.definitions.rule.impl.RuleImpl;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.drools.decisiontable.SpreadsheetCompiler;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;
import org.kie.api.runtime.KieContainer;

import io.leadqualifier.facts.Lead;

/**
 * Compiles policy files into a {@link CompiledPolicy} with the KIE API, at runtime. Decision tables are
 * first turned into DRL here (not by the KIE builder) so that an error in the generated DRL can be
 * traced back to the sheet row it came from. A policy with any ERROR message is refused whole.
 */
public class PolicyCompiler {
    /** The DRL global every policy writes its decision into. */
    public static final String OUTCOME_GLOBAL = "outcome";
    private static final String RESOURCES = "src/main/resources/";
    private static final AtomicLong BUILDS = new AtomicLong();

    private final int sessionPoolSize;

    /** @param sessionPoolSize evaluation sessions kept ready per compiled policy */
    public PolicyCompiler(int sessionPoolSize) {
        this.sessionPoolSize = sessionPoolSize;
    }

    public CompiledPolicy compile(List<PolicyFile> files) {
        List<PolicyProblem> problems = new ArrayList<>();
        if (files.isEmpty()) {
            problems.add(new PolicyProblem(PolicyDirectory.RULES, null,
                    "no policy files: expected *.drl under rules/ and *.xlsx under decision-tables/"));
            throw new PolicyCompilationException(problems);
        }
        Map<String, GeneratedDrl> sources = new LinkedHashMap<>();
        for (PolicyFile file : files) {
            if (file.isDecisionTable()) {
                List<String> sheets = tableToDrl(file, problems);
                for (int i = 0; i < sheets.size(); i += 2) {
                    sources.put(RESOURCES + file.path() + ".sheet" + (i / 2 + 1) + ".drl",
                            new GeneratedDrl(file.path(), sheets.get(i), sheets.get(i + 1)));
                }
            } else {
                sources.put(RESOURCES + file.path(),
                        new GeneratedDrl(file.path(), null, new String(file.content(), StandardCharsets.UTF_8)));
            }
        }
        if (!problems.isEmpty()) {
            throw new PolicyCompilationException(problems);
        }

        KieServices ks = KieServices.Factory.get();
        ReleaseId releaseId = ks.newReleaseId("io.leadqualifier.policy", "policy", "1." + BUILDS.incrementAndGet());
        KieFileSystem kfs = ks.newKieFileSystem().generateAndWritePomXML(releaseId);
        sources.forEach((path, source) -> kfs.write(path, source.drl));
        ClassLoader factClassLoader = Lead.class.getClassLoader();
        KieBuilder builder = ks.newKieBuilder(kfs, factClassLoader).buildAll();

        List<PolicyProblem> warnings = new ArrayList<>();
        for (Message message : builder.getResults().getMessages()) {
            PolicyProblem problem = toProblem(message, sources);
            if (message.getLevel() == Message.Level.ERROR) {
                problems.add(problem);
            } else if (message.getLevel() == Message.Level.WARNING) {
                warnings.add(problem);
            }
        }
        if (!problems.isEmpty()) {
            ks.getRepository().removeKieModule(releaseId);
            throw new PolicyCompilationException(problems);
        }

        KieContainer container = ks.newKieContainer(releaseId, factClassLoader);
        KieBase kieBase = container.getKieBase();
        // Each build registers a module; the compiled KieBase does not need it once built.
        ks.getRepository().removeKieModule(releaseId);

        Map<String, String> ruleSources = ruleSources(kieBase, sources, problems);
        if (!declaresOutcome(kieBase)) {
            problems.add(new PolicyProblem(PolicyDirectory.RULES, null,
                    "no file declares 'global io.leadqualifier.facts.Outcome " + OUTCOME_GLOBAL + "': rules cannot record a decision"));
        }
        if (!problems.isEmpty()) {
            throw new PolicyCompilationException(problems);
        }
        return new CompiledPolicy(PolicyVersions.contentHash(files), files, kieBase, ruleSources, warnings, sessionPoolSize);
    }

    /**
     * The DRL of each sheet that holds rules, as (sheet name, DRL) pairs. Each sheet is compiled on its
     * own, with its own RuleSet header, so that a problem can name its sheet.
     */
    private static List<String> tableToDrl(PolicyFile file, List<PolicyProblem> problems) {
        List<String> sheetsAndDrl = new ArrayList<>();
        String sheet = null;
        try {
            for (String name : sheetNames(file.content())) {
                sheet = name;
                String drl = new SpreadsheetCompiler().compile(new ByteArrayInputStream(file.content()), name);
                if (drl.contains("\nrule ")) {
                    sheetsAndDrl.add(name);
                    sheetsAndDrl.add(drl);
                }
            }
        } catch (RuntimeException | IOException | LinkageError e) {
            problems.add(new PolicyProblem(file.path(), sheet == null ? null : "sheet " + sheet,
                    "not a readable decision table: " + rootMessage(e)));
            return List.of();
        }
        if (sheetsAndDrl.isEmpty()) {
            problems.add(new PolicyProblem(file.path(), null,
                    "no rules: no sheet has a 'RuleSet' header and a 'RuleTable' with rows under it"));
        }
        return sheetsAndDrl;
    }

    private static List<String> sheetNames(byte[] workbook) throws IOException {
        try (Workbook book = WorkbookFactory.create(new ByteArrayInputStream(workbook))) {
            List<String> names = new ArrayList<>();
            book.forEach(sheet -> names.add(sheet.getSheetName()));
            return names;
        }
    }

    private static Map<String, String> ruleSources(KieBase kieBase, Map<String, GeneratedDrl> sources,
            List<PolicyProblem> problems) {
        Map<String, String> ruleSources = new HashMap<>();
        for (KiePackage kiePackage : kieBase.getKiePackages()) {
            for (Rule rule : kiePackage.getRules()) {
                String kiePath = ((RuleImpl) rule).getResource() == null ? null
                        : ((RuleImpl) rule).getResource().getSourcePath();
                GeneratedDrl source = sourceAt(kiePath, sources);
                String file = source == null ? kiePath : source.policyPath;
                String previous = ruleSources.put(rule.getName(), file);
                if (previous != null) {
                    problems.add(new PolicyProblem(file, "rule \"" + rule.getName() + "\"",
                            "duplicate rule name, also in " + previous + ": rule names are the audit trail and must be unique"));
                }
            }
        }
        return ruleSources;
    }

    private static boolean declaresOutcome(KieBase kieBase) {
        for (KiePackage kiePackage : kieBase.getKiePackages()) {
            if (kiePackage.getGlobalVariables().stream().anyMatch(g -> g.getName().equals(OUTCOME_GLOBAL))) {
                return true;
            }
        }
        return false;
    }

    private static PolicyProblem toProblem(Message message, Map<String, GeneratedDrl> sources) {
        GeneratedDrl source = sourceAt(message.getPath(), sources);
        String text = message.getText() == null ? "" : message.getText().strip();
        if (source == null) {
            return new PolicyProblem(message.getPath() == null ? "policy" : message.getPath(), null, text);
        }
        if (message.getLine() <= 0) {
            return new PolicyProblem(source.policyPath, null, text);
        }
        String location = source.sheet != null ? source.cellOf(message.getLine())
                : "line " + message.getLine() + (message.getColumn() > 0 ? ", column " + message.getColumn() : "");
        return new PolicyProblem(source.policyPath, location, text);
    }

    /** The KIE API names resources with or without the {@code src/main/resources/} prefix they were written under. */
    private static GeneratedDrl sourceAt(String kiePath, Map<String, GeneratedDrl> sources) {
        if (kiePath == null) {
            return null;
        }
        return sources.get(kiePath.startsWith(RESOURCES) ? kiePath : RESOURCES + kiePath);
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String text = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return text.strip();
    }

    /** DRL text as given to the KIE builder, the policy file it comes from, and the sheet for a table. */
    private record GeneratedDrl(String policyPath, String sheet, String drl) {

        /**
         * The spreadsheet place of a line of DRL generated from a table: the compiler writes a
         * {@code // rule values at C12, header at C7} comment before each rule it makes of a row.
         */
        String cellOf(int line) {
            String[] lines = drl.split("\n", -1);
            String rule = null;
            for (int i = Math.min(line, lines.length) - 1; i >= 0; i--) {
                String text = lines[i].strip();
                if (rule == null && text.startsWith("rule ")) {
                    rule = text.substring(5).strip();
                }
                if (text.startsWith("// rule values at")) {
                    String cells = text.substring("// rule values at".length()).strip();
                    int comma = cells.indexOf(',');
                    String row = comma < 0 ? cells : cells.substring(0, comma);
                    return "sheet " + sheet + ", row starting at cell " + row + (rule == null ? "" : ", rule " + rule);
                }
            }
            return "sheet " + sheet + ", the RuleSet/Import/Variables header";
        }
    }
}
