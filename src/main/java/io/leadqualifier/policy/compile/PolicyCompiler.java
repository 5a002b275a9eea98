package io.leadqualifier.policy.compile;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.drools.base.definitions.rule.impl.RuleImpl;
import org.drools.decisiontable.SpreadsheetCompiler;
import org.kie.api.KieBase;
import org.kie.api.KieBaseConfiguration;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;
import org.kie.api.conf.KieBaseMutabilityOption;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;

import io.leadqualifier.facts.Lead;
import io.leadqualifier.handoff.tables.HandoffTables;
import io.leadqualifier.handoff.tables.TableWorkbook;
import io.leadqualifier.policy.guard.DrlGuard;
import io.leadqualifier.policy.guard.WorkbookGuard;
import io.leadqualifier.policy.source.DrlSource;
import io.leadqualifier.policy.source.PolicyFile;
import io.leadqualifier.policy.source.PolicyFolders;
import io.leadqualifier.policy.source.PolicyProblem;
import io.leadqualifier.policy.source.PolicyVersions;
import io.quarkus.logging.Log;

/**
 * Compiles policy files into a {@link CompiledPolicy} with the KIE API, at runtime. Decision tables are
 * first turned into DRL here, sheet by sheet (not by the KIE builder), so that an error in the generated
 * DRL can be traced back to the sheet row it came from. The data workbooks ({@code *-roster.xlsx},
 * {@code *-calendars.xlsx}, {@code *-reasons.xlsx}, chosen by name: {@link PolicyFile#isDataTable()}) are never
 * compiled as rules: once the workbook guard has passed them they are read into the hand-off tables the policy
 * carries. A policy with any ERROR message, in its rules or its tables, is refused whole.
 */
public class PolicyCompiler {
    /** The DRL global every policy writes its decision into. */
    public static final String OUTCOME_GLOBAL = "outcome";
    private static final String RESOURCES = "src/main/resources/";
    private static final AtomicLong BUILDS = new AtomicLong();

    private final int sessionPoolSize;
    private final ClassLoader factClassLoader = new PolicyClassLoader(Lead.class.getClassLoader());
    // Candidates follow one another with one file changed: the others' DRL and guard findings are reused.
    private final RecentResults<PolicyFile, WorkbookDrl> workbooks = new RecentResults<>(32);
    private final RecentResults<DrlSource, List<PolicyProblem>> guarded = new RecentResults<>(128);
    private final RecentResults<List<PolicyFile>, HandoffTables.Loaded> handoffTables = new RecentResults<>(8);

    /** @param sessionPoolSize evaluation sessions kept ready per compiled policy */
    public PolicyCompiler(int sessionPoolSize) {
        this.sessionPoolSize = sessionPoolSize;
    }

    public CompiledPolicy compile(List<PolicyFile> files) {
        List<PolicyProblem> problems = new ArrayList<>();
        if (files.stream().allMatch(file -> file.isScenarios() || file.isDataTable())) {
            throw new PolicyCompilationException(List.of(new PolicyProblem(PolicyFolders.RULES, null,
                    "no policy files: expected *.drl under rules/ and *.xlsx under decision-tables/")));
        }
        PhaseTimer timer = new PhaseTimer();
        Map<String, DrlSource> sources = new LinkedHashMap<>();
        List<PolicyFile> dataTables = new ArrayList<>();
        for (PolicyFile file : files) {
            if (file.path().endsWith(".xlsx")) {
                WorkbookDrl workbook = workbooks.computeIfAbsent(file, PolicyCompiler::readWorkbook);
                problems.addAll(workbook.problems());
                if (file.isDataTable() && workbook.problems().isEmpty()) {
                    dataTables.add(file);
                }
                for (int i = 0; i < workbook.sheets().size(); i++) {
                    sources.put(RESOURCES + file.path() + ".sheet" + (i + 1) + ".drl", workbook.sheets().get(i));
                }
            } else {
                sources.put(RESOURCES + file.path(),
                        new DrlSource(file.path(), null, new String(file.content(), StandardCharsets.UTF_8)));
            }
        }
        timer.lap("tables");
        HandoffTables.Loaded handoff = handoffTables.computeIfAbsent(List.copyOf(dataTables), PolicyCompiler::readHandoffTables);
        // Reported with the rules' problems, whatever these are: a table does not depend on the rules, nor they on it.
        List<PolicyProblem> tableProblems = handoff.problems().stream()
                .map(problem -> new PolicyProblem(problem.file(), problem.location(), problem.message())).toList();
        timer.lap("hand-off tables");
        // DRL is Java: nothing reaches the engine before the guard has read it, tables' DRL included.
        for (DrlSource source : sources.values()) {
            problems.addAll(guarded.computeIfAbsent(source, unseen -> List.copyOf(DrlGuard.check(unseen))));
        }
        timer.lap("guard");
        if (!problems.isEmpty()) {
            problems.addAll(tableProblems);
            throw new PolicyCompilationException(problems);
        }

        KieServices ks = KieServices.Factory.get();
        ReleaseId releaseId = ks.newReleaseId("io.leadqualifier.policy", "policy", "1." + BUILDS.incrementAndGet());
        KieFileSystem kfs = ks.newKieFileSystem().generateAndWritePomXML(releaseId);
        sources.forEach((path, source) -> kfs.write(path, source.drl()));
        KieBuilder builder = ks.newKieBuilder(kfs, factClassLoader).buildAll();
        timer.lap("engine build");

        List<PolicyProblem> warnings = new ArrayList<>();
        for (Message message : builder.getResults().getMessages()) {
            PolicyProblem problem = toProblem(message, sources);
            if (message.getLevel() == Message.Level.ERROR) {
                problems.add(problem);
            } else if (message.getLevel() == Message.Level.WARNING) {
                warnings.add(PolicyProblem.warning(problem.file(), problem.location(), problem.message()));
            }
        }
        if (!problems.isEmpty()) {
            ks.getRepository().removeKieModule(releaseId);
            problems.addAll(tableProblems);
            throw new PolicyCompilationException(problems);
        }

        KieBaseConfiguration kieBaseConfiguration = ks.newKieBaseConfiguration(null, factClassLoader);
        // A policy never changes once compiled (a change is a new policy): an immutable rule base spares
        // every insert the check for pending rule-base changes.
        kieBaseConfiguration.setOption(KieBaseMutabilityOption.DISABLED);
        KieBase kieBase = ks.newKieContainer(releaseId, factClassLoader).newKieBase(kieBaseConfiguration);
        // Each build registers a module; the compiled KieBase does not need it once built.
        ks.getRepository().removeKieModule(releaseId);

        timer.lap("rule base");
        Map<String, String> ruleSources = ruleSources(kieBase, sources, problems);
        if (!declaresOutcome(kieBase)) {
            problems.add(new PolicyProblem(PolicyFolders.RULES, null,
                    "no file declares 'global io.leadqualifier.facts.Outcome " + OUTCOME_GLOBAL + "': rules cannot record a decision"));
        }
        problems.addAll(tableProblems);
        if (!problems.isEmpty()) {
            throw new PolicyCompilationException(problems);
        }
        CompiledPolicy policy = new CompiledPolicy(PolicyVersions.contentHash(files), files, kieBase, ruleSources,
                List.copyOf(sources.values()), warnings, sessionPoolSize, handoff.tables());
        Log.debugf("Compiled %s in %s", policy, timer);
        return policy;
    }

    /**
     * What a workbook gives the engine: the DRL of each sheet holding rules (none for a scenario workbook),
     * or why it gives none. Depends only on the file, so an unchanged workbook is not read again.
     */
    private record WorkbookDrl(List<DrlSource> sheets, List<PolicyProblem> problems) {
    }

    private static WorkbookDrl readWorkbook(PolicyFile file) {
        String refusal = WorkbookGuard.refusal(file.content());
        if (refusal != null) {
            return new WorkbookDrl(List.of(), List.of(new PolicyProblem(file.path(), null, "refused: " + refusal)));
        }
        if (file.isScenarios() || file.isDataTable()) {
            return new WorkbookDrl(List.of(), List.of());
        }
        List<PolicyProblem> problems = new ArrayList<>();
        List<DrlSource> sheets = tableToDrl(file, problems);
        return new WorkbookDrl(List.copyOf(sheets), List.copyOf(problems));
    }

    /** The roster, calendars and reasons of the data workbooks (guarded already), by kind, in path order. */
    private static HandoffTables.Loaded readHandoffTables(List<PolicyFile> dataTables) {
        List<PolicyFile> sorted = dataTables.stream().sorted(Comparator.comparing(PolicyFile::path)).toList();
        return HandoffTables.read(workbooks(sorted, PolicyFile::isRoster), workbooks(sorted, PolicyFile::isCalendars),
                workbooks(sorted, PolicyFile::isReasons));
    }

    private static List<TableWorkbook> workbooks(List<PolicyFile> files, Predicate<PolicyFile> kind) {
        return files.stream().filter(kind).map(file -> new TableWorkbook(file.path(), file.content())).toList();
    }

    /** The DRL of each sheet that holds rules. Each sheet is compiled on its own, with its own RuleSet header. */
    private static List<DrlSource> tableToDrl(PolicyFile file, List<PolicyProblem> problems) {
        List<DrlSource> sheets = new ArrayList<>();
        String sheet = null;
        try {
            List<String> names = new ArrayList<>();
            try (Workbook book = WorkbookFactory.create(new ByteArrayInputStream(file.content()))) {
                book.forEach(each -> names.add(each.getSheetName()));
                problems.addAll(RuleTableGaps.find(file.path(), book));
            }
            for (String name : names) {
                sheet = name;
                String drl = new SpreadsheetCompiler().compile(new ByteArrayInputStream(file.content()), name);
                if (drl.contains("\nrule ")) {
                    sheets.add(new DrlSource(file.path(), name, drl));
                }
            }
        } catch (RuntimeException | IOException | LinkageError e) {
            problems.add(new PolicyProblem(file.path(), sheet == null ? null : "sheet " + sheet,
                    "not a readable decision table: " + rootMessage(e)));
            return List.of();
        }
        if (sheets.isEmpty()) {
            problems.add(new PolicyProblem(file.path(), null,
                    "no rules: no sheet has a 'RuleSet' header and a 'RuleTable' with rows under it"));
        }
        return sheets;
    }

    private static Map<String, String> ruleSources(KieBase kieBase, Map<String, DrlSource> sources,
            List<PolicyProblem> problems) {
        Map<String, String> ruleSources = new HashMap<>();
        for (KiePackage kiePackage : kieBase.getKiePackages()) {
            for (Rule rule : kiePackage.getRules()) {
                RuleImpl impl = (RuleImpl) rule;
                String kiePath = impl.getResource() == null ? null : impl.getResource().getSourcePath();
                DrlSource source = sourceAt(kiePath, sources);
                String file = source == null ? kiePath : source.file();
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

    private static PolicyProblem toProblem(Message message, Map<String, DrlSource> sources) {
        DrlSource source = sourceAt(message.getPath(), sources);
        String text = message.getText() == null ? "" : message.getText().strip();
        if (source == null) {
            return new PolicyProblem(message.getPath() == null ? "policy" : message.getPath(), null, text);
        }
        if (message.getLine() <= 0) {
            return new PolicyProblem(source.file(), source.sheet() == null ? null : "sheet " + source.sheet(), text);
        }
        String location = source.locate(message.getLine())
                + (source.sheet() == null && message.getColumn() > 0 ? ", column " + message.getColumn() : "");
        return new PolicyProblem(source.file(), location, text);
    }

    /** The KIE API names resources with or without the {@code src/main/resources/} prefix they were written under. */
    private static DrlSource sourceAt(String kiePath, Map<String, DrlSource> sources) {
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
}
