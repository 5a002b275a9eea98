package io.leadqualifier.policy.guard;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
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
import io.leadqualifier.facts.SalesHistory;
import io.leadqualifier.facts.SalesSignals;
import io.leadqualifier.facts.Score;
import io.leadqualifier.facts.Seniority;
import io.leadqualifier.facts.Sla;
import io.leadqualifier.facts.Source;
import io.leadqualifier.facts.SourceKind;
import io.leadqualifier.facts.Stage;
import io.leadqualifier.facts.Temperature;
import io.leadqualifier.policy.source.CodeTokens.Kind;
import io.leadqualifier.policy.source.CodeTokens.Tok;

/**
 * What code in a policy may name: the fact model and a short allowlist (java.time, java.util collections,
 * java.lang math and strings), read token by token, so that a name in a comment or a string literal is not code
 * and a name split by a comment or a line break still is. A table, not logic: long on purpose.
 */
public final class CodeAllowlist {
    static final String ALLOWLIST = "(the fact model, java.time, java.util collections, java.lang math and strings)";
    private static final Set<String> FACT_TYPES = Stream.of(Lead.class, Contact.class, Company.class, Source.class,
            Consent.class, Bant.class, SalesSignals.class, SalesHistory.class, Activity.class, ActivityTally.class, ActivityWindow.class,
            Outcome.class, Outcome.FitPoints.class, Outcome.EngagementPoints.class, Outcome.SlaTerms.class, Outcome.Entry.class,
            Score.class, Checklist.class, ChecklistBox.class, AssignedStage.class, AssignedTemperature.class,
            AssignedRoute.class, Stage.class, Temperature.class, Route.class, Seniority.class, SourceKind.class,
            LegalBasis.class, Reason.class, FiredRule.class, Sla.class).map(Class::getSimpleName).collect(Collectors.toSet());
    private static final Set<String> JAVA_TYPES = Set.of("String", "Integer", "Long", "Double", "Float", "Short", "Byte",
            "Boolean", "Character", "Math", "StringBuilder", "Number", "Object", "Comparable",
            "Instant", "Duration", "Period", "LocalDate", "LocalDateTime", "LocalTime", "OffsetDateTime", "ZonedDateTime",
            "ZoneOffset", "ZoneId", "ChronoUnit", "DayOfWeek", "Month", "Year", "YearMonth",
            "List", "ArrayList", "LinkedList", "Map", "HashMap", "LinkedHashMap", "TreeMap", "Set", "HashSet", "LinkedHashSet",
            "TreeSet", "EnumSet", "EnumMap", "Collection", "Collections", "Arrays", "Objects", "Optional", "Comparator",
            "Iterator", "Entry");
    private static final List<String> ALLOWED_PACKAGES = List.of("io.leadqualifier.facts.", "java.time.", "java.util.", "java.lang.",
            "leadqualifier.");
    private static final List<String> DENIED_PACKAGES = List.of("java.io.", "java.nio.", "java.net.", "java.lang.reflect.",
            "java.lang.invoke.", "java.util.concurrent.", "java.util.stream.", "javax.", "jdk.", "sun.", "com.sun.", "org.");
    /** Known dangerous names, with why, for a message that says what is wrong. */
    private static final Map<String, String> DENIED_NAMES = new LinkedHashMap<>();
    /** Known dangerous methods, refused when called or referred to ({@code Object::getClass}). */
    private static final Map<String, String> DENIED_CALLS = new LinkedHashMap<>();
    private static final String REFLECTION = "uses reflection or class loading";
    private static final String RUNTIME = "reaches the runtime";

    static {
        deny(DENIED_NAMES, RUNTIME, "System", "Runtime", "Shutdown");
        deny(DENIED_NAMES, "starts processes", "ProcessBuilder", "Process", "ProcessHandle");
        deny(DENIED_NAMES, "starts threads", "Thread", "ThreadGroup", "ThreadLocal", "Executor", "Executors", "ExecutorService",
                "ForkJoinPool", "CompletableFuture", "Timer");
        deny(DENIED_NAMES, REFLECTION, "Class", "ClassLoader", "Method", "Field", "Constructor", "MethodHandle", "MethodHandles",
                "VarHandle", "Proxy", "Unsafe", "Module", "ModuleLayer");
        deny(DENIED_NAMES, "reads or writes files", "File", "Files", "Path", "Paths", "FileSystem", "FileSystems",
                "FileInputStream", "FileOutputStream", "FileReader", "FileWriter", "RandomAccessFile", "Scanner", "PrintStream",
                "InputStream", "OutputStream", "Reader", "Writer");
        deny(DENIED_NAMES, "uses the network", "Socket", "ServerSocket", "DatagramSocket", "URL", "URI", "URLConnection",
                "HttpURLConnection", "HttpClient", "InetAddress");
        deny(DENIED_NAMES, "loads or runs code", "ScriptEngine", "ScriptEngineManager", "ScriptEngineFactory", "JavaCompiler",
                "ToolProvider", "InitialContext", "Naming", "ObjectInputStream", "ObjectOutputStream");
        deny(DENIED_NAMES, "reaches the engine's internals", "drools", "kcontext");
        deny(DENIED_NAMES, "reads data that identifies the person (kept apart for GDPR erasure, and not given to rules; use "
                + "contact.emailDomain)", "email", "firstName", "lastName", "detail", "getEmail", "getFirstName", "getLastName",
                "getDetail");
        deny(DENIED_CALLS, "starts processes", "exec");
        deny(DENIED_CALLS, REFLECTION, "getClass", "forName", "getMethod", "getMethods", "getField", "getFields", "setAccessible",
                "newInstance", "invoke", "getClassLoader", "loadClass", "defineClass", "getDeclaringClass", "getSuperclass",
                "getConstructor", "getConstructors", "getResource", "getResourceAsStream", "getProtectionDomain", "getModule");
        deny(DENIED_CALLS, RUNTIME, "exit", "halt", "load", "loadLibrary");
    }

    /** Something the allowlist refuses: the name as written, why, and its line in the DRL. */
    record Finding(int line, String what, String why) {
    }

    private CodeAllowlist() {
    }

    private static void deny(Map<String, String> table, String why, String... names) {
        for (String name : names) {
            table.put(name, why);
        }
    }

    /** May {@code import name} appear in a policy? */
    static boolean importAllowed(String name) {
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

    /** Everything the tokens name that a policy may not: each at most once per line. */
    static List<Finding> check(List<Tok> tokens, Set<String> declaredTypes) {
        Set<Finding> findings = new LinkedHashSet<>();
        for (int i = 0; i < tokens.size(); i++) {
            Tok token = tokens.get(i);
            Tok previous = i > 0 ? tokens.get(i - 1) : null;
            Tok next = i + 1 < tokens.size() ? tokens.get(i + 1) : null;
            if (token.kind() != Kind.WORD) {
                continue;
            }
            String name = token.text();
            boolean member = previous != null && previous.is(".");
            boolean called = next != null && next.is("(");
            boolean referred = previous != null && previous.is("::");
            if (DENIED_NAMES.containsKey(name)) {
                findings.add(new Finding(token.line(), name, DENIED_NAMES.get(name)));
            } else if ((called || referred) && (DENIED_CALLS.containsKey(name) || name.startsWith("getDeclared"))) {
                String what = referred ? "::" + name : name + "(";
                findings.add(new Finding(token.line(), what, DENIED_CALLS.getOrDefault(name, REFLECTION)));
            } else if (member && name.equals("class")) {
                findings.add(new Finding(token.line(), ".class", REFLECTION));
            } else if (!member) {
                loop(tokens, i, findings);
                qualifiedName(tokens, i, findings);
                if (name.matches("[A-Z][A-Za-z0-9]*[a-z][A-Za-z0-9]*") && !FACT_TYPES.contains(name) && !JAVA_TYPES.contains(name)
                        && !declaredTypes.contains(name)) {
                    findings.add(new Finding(token.line(), name, "is not a type a policy may use " + ALLOWLIST));
                }
            }
        }
        return List.copyOf(findings);
    }

    /** {@code while (…)}, {@code do {…}} and {@code for (…;…;…)}: loops that may never end (for-each may). */
    private static void loop(List<Tok> tokens, int at, Set<Finding> findings) {
        Tok token = tokens.get(at);
        Tok next = at + 1 < tokens.size() ? tokens.get(at + 1) : null;
        String why = "is a loop that may never end (use for-each over a collection)";
        if (token.is("while") && next != null && next.is("(")) {
            findings.add(new Finding(token.line(), "while (", why));
        } else if (token.is("do") && next != null && next.is("{")) {
            findings.add(new Finding(token.line(), "do {", why));
        } else if (token.is("for") && next != null && next.is("(")) {
            int depth = 0;
            for (int i = at + 1; i < tokens.size(); i++) {
                Tok inside = tokens.get(i);
                depth += inside.is("(") ? 1 : inside.is(")") ? -1 : 0;
                if (depth == 0) {
                    return; // for (X x : xs)
                }
                if (depth == 1 && inside.is(";")) {
                    findings.add(new Finding(token.line(), "for (;", why));
                    return;
                }
            }
        }
    }

    /** A name written with its package ({@code java.io.File}): refused unless the package is allowed. */
    private static void qualifiedName(List<Tok> tokens, int at, Set<Finding> findings) {
        StringBuilder name = new StringBuilder(tokens.get(at).text());
        int i = at;
        while (i + 2 < tokens.size() && tokens.get(i + 1).is(".") && tokens.get(i + 2).kind() == Kind.WORD
                && Character.isLowerCase(tokens.get(i).text().charAt(0))) {
            i += 2;
            name.append('.').append(tokens.get(i).text());
        }
        String qualified = name.toString();
        Tok token = tokens.get(at);
        if (DENIED_PACKAGES.stream().anyMatch(qualified::startsWith)) {
            findings.add(new Finding(token.line(), qualified, "refers to a package outside the allowlist"));
        } else if (i > at && Character.isUpperCase(tokens.get(i).text().charAt(0)) && Character.isLowerCase(qualified.charAt(0))
                && ALLOWED_PACKAGES.stream().noneMatch(qualified::startsWith)) {
            findings.add(new Finding(token.line(), qualified, "refers to a class outside the allowlist"));
        }
    }
}
