package io.leadqualifier.policy;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import io.leadqualifier.facts.Activity;
import io.leadqualifier.facts.ActivityTally;
import io.leadqualifier.facts.ActivityWindow;
import io.leadqualifier.facts.AssignedRoute;
import io.leadqualifier.facts.AssignedStage;
import io.leadqualifier.facts.AssignedTemperature;
import io.leadqualifier.facts.Bant;
import io.leadqualifier.facts.Checklist;
import io.leadqualifier.facts.ChecklistBox;
import io.leadqualifier.facts.Company;
import io.leadqualifier.facts.Consent;
import io.leadqualifier.facts.Contact;
import io.leadqualifier.facts.FiredRule;
import io.leadqualifier.facts.Lead;
import io.leadqualifier.facts.LegalBasis;
import io.leadqualifier.facts.Outcome;
import io.leadqualifier.facts.Reason;
import io.leadqualifier.facts.Route;
import io.leadqualifier.facts.SalesSignals;
import io.leadqualifier.facts.Score;
import io.leadqualifier.facts.Seniority;
import io.leadqualifier.facts.Sla;
import io.leadqualifier.facts.Source;
import io.leadqualifier.facts.SourceKind;
import io.leadqualifier.facts.Stage;
import io.leadqualifier.facts.Temperature;

/**
 * DRL is Java: a rule can call anything on the class path. Before the engine sees a policy, every DRL (a
 * file, or generated from a table) must use only the fact model and a short allowlist (java.time, java.util
 * collections, java.lang math and strings). Anything reaching the runtime, processes, reflection, class
 * loading, files, network, threads or the engine's internals is refused with its line, and so are loops
 * that can run forever and DRL functions (which can recurse).
 */
final class DrlGuard {
    private static final Set<String> FACT_TYPES = Stream.of(Lead.class, Contact.class, Company.class, Source.class,
            Consent.class, Bant.class, SalesSignals.class, Activity.class, ActivityTally.class, ActivityWindow.class,
            Outcome.class, Outcome.FitPoints.class, Outcome.EngagementPoints.class, Outcome.SlaTerms.class, Outcome.Entry.class,
            Score.class, Checklist.class, ChecklistBox.class, AssignedStage.class, AssignedTemperature.class,
            AssignedRoute.class, Stage.class, Temperature.class, Route.class, Seniority.class, SourceKind.class,
            LegalBasis.class, Reason.class, FiredRule.class, Sla.class).map(Class::getSimpleName).collect(java.util.stream.Collectors.toSet());
    private static final Set<String> JAVA_TYPES = Set.of("String", "Integer", "Long", "Double", "Float", "Short", "Byte",
            "Boolean", "Character", "Math", "StringBuilder", "Number", "Object", "Comparable",
            "Instant", "Duration", "Period", "LocalDate", "LocalDateTime", "LocalTime", "OffsetDateTime", "ZonedDateTime",
            "ZoneOffset", "ZoneId", "ChronoUnit", "DayOfWeek", "Month", "Year", "YearMonth",
            "List", "ArrayList", "LinkedList", "Map", "HashMap", "LinkedHashMap", "TreeMap", "Set", "HashSet", "LinkedHashSet",
            "TreeSet", "EnumSet", "EnumMap", "Collection", "Collections", "Arrays", "Objects", "Optional", "Comparator",
            "Iterator", "Entry");
    private static final List<String> ALLOWED_PACKAGES = List.of("io.leadqualifier.facts.", "java.time.", "java.util.", "java.lang.");
    /** Known dangerous names, with why, for a message that says what is wrong. */
    private static final Map<Pattern, String> DENIED = new LinkedHashMap<>();

    static {
        deny("\\b(System|Runtime|Shutdown)\\b", "reaches the runtime");
        deny("\\b(ProcessBuilder|Process|ProcessHandle)\\b|\\bexec\\s*\\(", "starts processes");
        deny("\\b(Thread|ThreadGroup|ThreadLocal|Executors?|ExecutorService|ForkJoinPool|CompletableFuture|Timer)\\b",
                "starts threads");
        deny("\\b(Class|ClassLoader|Method|Field|Constructor|MethodHandles?|VarHandle|Proxy|Unsafe|Module|ModuleLayer)\\b"
                + "|\\.class\\b|\\b(getClass|forName|getDeclared\\w*|getMethods?|getFields?|setAccessible|newInstance|invoke"
                + "|getClassLoader|loadClass|defineClass)\\s*\\(", "uses reflection or class loading");
        deny("\\b(File|Files|Path|Paths|FileSystems?|FileInputStream|FileOutputStream|FileReader|FileWriter|RandomAccessFile"
                + "|Scanner|PrintStream|InputStream|OutputStream|Reader|Writer)\\b", "reads or writes files");
        deny("\\b(Socket|ServerSocket|DatagramSocket|URL|URI|URLConnection|HttpURLConnection|HttpClient|InetAddress)\\b",
                "uses the network");
        deny("\\b(ScriptEngine\\w*|JavaCompiler|ToolProvider|InitialContext|Naming|ObjectInputStream|ObjectOutputStream)\\b",
                "loads or runs code");
        deny("\\b(drools|kcontext)\\s*\\.", "reaches the engine's internals");
        deny("\\b(exit|halt|load|loadLibrary)\\s*\\(", "reaches the runtime");
        deny("\\bwhile\\s*\\(|\\bdo\\s*\\{|\\bfor\\s*\\([^:)]*;", "is a loop that may never end (use for-each over a collection)");
        deny("\\b(email|firstName|lastName|detail|getEmail|getFirstName|getLastName|getDetail)\\b",
                "reads data that identifies the person (kept apart for GDPR erasure, and not given to rules; use contact.emailDomain)");
        deny("\\bfunction\\b", "declares a DRL function (it can recurse without end)");
        deny("\\b(java\\.(io|nio|net|lang\\.reflect|lang\\.invoke|util\\.concurrent|util\\.stream)|javax|jdk|sun|com\\.sun|org)\\.\\w",
                "refers to a package outside the allowlist");
    }

    private static final Pattern IMPORT = Pattern.compile("^\\s*import\\s+(?:static\\s+|function\\s+)?([\\w.]+?(?:\\.\\*)?)\\s*;?\\s*$");
    private static final Pattern DECLARE = Pattern.compile("\\bdeclare\\s+(\\w+)");
    private static final Pattern TYPE_NAME = Pattern.compile("(?<![\\w.$])([A-Z][A-Za-z0-9]*[a-z][A-Za-z0-9]*)\\b");
    private static final Pattern QUALIFIED = Pattern.compile("\\b((?:[a-z]\\w*\\.)+)([A-Z]\\w*)");

    private DrlGuard() {
    }

    private static void deny(String regex, String why) {
        DENIED.put(Pattern.compile(regex), why);
    }

    static List<PolicyProblem> check(DrlSource source) {
        List<PolicyProblem> problems = new ArrayList<>();
        String drl = source.drl();
        if (drl.contains("\\u")) {
            int line = lineOf(drl, drl.indexOf("\\u"));
            problems.add(new PolicyProblem(source.file(), source.locate(line),
                    "unicode escapes (\\u…) are not allowed in a policy: Java reads them as code"));
        }
        String code = stripCommentsAndStrings(drl);
        Set<String> declared = new HashSet<>();
        Matcher declaration = DECLARE.matcher(code);
        while (declaration.find()) {
            declared.add(declaration.group(1));
        }
        String[] lines = code.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            String place = source.locate(i + 1);
            Matcher imported = IMPORT.matcher(line);
            if (imported.matches()) {
                if (!importAllowed(imported.group(1))) {
                    problems.add(problem(source, place, "import " + imported.group(1), "is outside the allowlist "
                            + "(the fact model, java.time, java.util collections, java.lang math and strings)"));
                }
                continue;
            }
            for (Map.Entry<Pattern, String> denied : DENIED.entrySet()) {
                Matcher matcher = denied.getKey().matcher(line);
                if (matcher.find()) {
                    problems.add(problem(source, place, matcher.group().strip(), denied.getValue()));
                }
            }
            Matcher qualified = QUALIFIED.matcher(line);
            while (qualified.find()) {
                String name = qualified.group(1) + qualified.group(2);
                if (ALLOWED_PACKAGES.stream().noneMatch(name::startsWith) && !name.startsWith("leadqualifier.")) {
                    problems.add(problem(source, place, name, "refers to a class outside the allowlist"));
                }
            }
            Matcher type = TYPE_NAME.matcher(line);
            while (type.find()) {
                String name = type.group(1);
                if (!FACT_TYPES.contains(name) && !JAVA_TYPES.contains(name) && !declared.contains(name)
                        && DENIED.keySet().stream().noneMatch(p -> p.matcher(name).find())) {
                    problems.add(problem(source, place, name, "is not a type a policy may use "
                            + "(the fact model, java.time, java.util collections, java.lang math and strings)"));
                }
            }
        }
        return problems;
    }

    private static boolean importAllowed(String name) {
        if (name.startsWith("io.leadqualifier.facts.")) {
            return true;
        }
        for (String prefix : List.of("java.time.", "java.util.", "java.lang.")) {
            if (name.startsWith(prefix)) {
                String rest = name.substring(prefix.length());
                String simple = rest.contains(".") ? rest.substring(0, rest.indexOf('.')) : rest;
                return simple.equals("*") ? prefix.equals("java.time.") : JAVA_TYPES.contains(simple);
            }
        }
        return false;
    }

    private static PolicyProblem problem(DrlSource source, String place, String what, String why) {
        return new PolicyProblem(source.file(), place, "'" + what + "' " + why + ": not allowed in a policy");
    }

    /** The DRL with comments and string contents blanked, line breaks kept so lines still count. */
    static String stripCommentsAndStrings(String drl) {
        StringBuilder out = new StringBuilder(drl.length());
        int i = 0;
        while (i < drl.length()) {
            char c = drl.charAt(i);
            if (c == '/' && i + 1 < drl.length() && drl.charAt(i + 1) == '/') {
                while (i < drl.length() && drl.charAt(i) != '\n') {
                    i++;
                }
            } else if (c == '/' && i + 1 < drl.length() && drl.charAt(i + 1) == '*') {
                i += 2;
                while (i < drl.length() && !(drl.charAt(i) == '*' && i + 1 < drl.length() && drl.charAt(i + 1) == '/')) {
                    out.append(drl.charAt(i) == '\n' ? '\n' : ' ');
                    i++;
                }
                i += 2;
            } else if (c == '"' || c == '\'') {
                out.append(c);
                i++;
                while (i < drl.length() && drl.charAt(i) != c && drl.charAt(i) != '\n') {
                    if (drl.charAt(i) == '\\') {
                        i++;
                    }
                    i++;
                }
                out.append(c);
                i++;
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    private static int lineOf(String text, int index) {
        return 1 + (int) text.substring(0, index).chars().filter(ch -> ch == '\n').count();
    }
}
