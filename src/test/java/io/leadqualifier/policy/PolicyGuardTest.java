package io.leadqualifier.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.leadqualifier.policy.compile.PolicyCompilationException;
import io.leadqualifier.policy.guard.WorkbookGuard;
import io.leadqualifier.policy.source.PolicyFile;
import io.leadqualifier.policy.source.PolicyProblem;

/** DRL is Java: only the fact model and a short allowlist may be used, in files and in table cells alike. */
public class PolicyGuardTest {
    private static final String HEAD = "package leadqualifier.policy;\nimport io.leadqualifier.facts.*;\nglobal Outcome outcome;\n";

    private static PolicyCompilationException refused(String drl) {
        PolicyWorkspace workspace = PolicyWorkspace.copyOfDefault().write("rules/evil.drl", drl);
        try {
            workspace.compile();
        } catch (PolicyCompilationException e) {
            return e;
        }
        throw new AssertionError("the policy was accepted");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "Runtime.getRuntime().exec(\"id\");|reaches the runtime",
            "System.exit(0);|reaches the runtime",
            "Object c = Class.forName(\"x\");|uses reflection or class loading",
            "Object l = outcome.getClass();|uses reflection or class loading",
            "Object l = java.util.Optional.of(outcome).map(Object::getClass).get();|uses reflection or class loading",
            "Object l = Stage.MQL.getDeclaringClass();|uses reflection or class loading",
            "Object f = new java.io.File(\"/tmp\");|reads or writes files",
            "String s = java.nio.file.Files.readString(null);|reads or writes files",
            "Object u = new java.net.URL(\"http://x\");|uses the network",
            "new Thread(() -> {}).start();|starts threads",
            "while (true) { }|may never end",
            "for (;;) { }|may never end",
            "drools.getKieRuntime().halt();|engine's internals",
            "Object p = new ProcessBuilder(\"id\");|starts processes",
            "Object x = new java.util.concurrent.Semaphore(1);|outside the allowlist"})
    void dangerousConsequenceIsRefusedWithItsLine(String statement, String why) {
        PolicyCompilationException e = refused(HEAD + "rule \"Evil\"\nwhen\n    Lead()\nthen\n    " + statement + "\nend\n");

        assertThat(e.problems()).anySatisfy(problem -> {
            assertThat(problem.file()).isEqualTo("rules/evil.drl");
            assertThat(problem.location()).isEqualTo("line 8");
            assertThat(problem.message()).contains(why).endsWith("not allowed in a policy");
        });
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {"contact.firstName == \"Jane\"", "contact.email str[endsWith] \"@acme.fr\"",
            "contact.lastName != null"})
    void aRuleThatReadsWhatIdentifiesThePersonIsRefused(String constraint) {
        PolicyCompilationException e = refused(HEAD + "rule \"Personal\"\nwhen\n    Lead( " + constraint + " )\nthen\nend\n");

        assertThat(e.problems()).anySatisfy(problem -> {
            assertThat(problem.location()).isEqualTo("line 6");
            assertThat(problem.message()).contains("reads data that identifies the person").contains("use contact.emailDomain");
        });
    }

    @Test
    void importsOutsideTheAllowlistAreRefused() {
        PolicyCompilationException e = refused(HEAD.replace("global", "import java.io.File;\nglobal"));

        assertThat(e.problems()).anySatisfy(problem -> {
            assertThat(problem.location()).isEqualTo("line 3");
            assertThat(problem.message()).contains("import java.io.File").contains("outside the allowlist");
        });
    }

    @Test
    void functionsAndUnicodeEscapesAreRefused() {
        assertThat(refused(HEAD + "function int f(int x) { return f(x); }\n").getMessage()).contains("DRL function");
        assertThat(refused(HEAD + "rule \"U\" when Lead() then \\u0053ystem.exit(0); end\n").getMessage()).contains("unicode escapes");
    }

    @Test
    void codeInATableCellIsRefusedNamingTheRow() {
        PolicyWorkspace workspace = PolicyWorkspace.copyOfDefault()
                .setCell("fit-scoring.xlsx", "Fit", "Fit: manager", "Points", "1); System.exit(0); outcome.fit().points(1");

        assertThatThrownBy(workspace::compile).isInstanceOfSatisfying(PolicyCompilationException.class,
                e -> assertThat(e.problems()).anySatisfy(problem -> {
                    assertThat(problem.file()).isEqualTo("decision-tables/fit-scoring.xlsx");
                    assertThat(problem.location()).contains("sheet Fit").contains("Fit: manager");
                    assertThat(problem.message()).contains("System").contains("reaches the runtime");
                }));
    }

    @Test
    void allowedJavaStaysAllowed() {
        PolicyWorkspace workspace = PolicyWorkspace.copyOfDefault().write("rules/fine.drl", HEAD + """
                import java.util.List;
                import java.time.Duration;
                rule "Fine: allowed Java"
                when
                    $l : Lead( contact.emailDomain != "" )
                then
                    List<String> words = new java.util.ArrayList<>();
                    words.add(String.valueOf(Math.max(1, 2)));
                    for (String word : words) { outcome.note(word + Duration.ofDays(1)); }
                end
                """);

        assertThat(workspace.compile().ruleSources()).containsKey("Fine: allowed Java");
    }

    @Test
    void aForbiddenCallNamedInsideAStringIsAllowed() {
        PolicyWorkspace workspace = PolicyWorkspace.copyOfDefault().write("rules/fine.drl", HEAD + """
                rule "Fine: names a call in a string"
                when
                    Lead( source.channel != "System.exit(0)" )
                then
                    outcome.because("System.exit(0) is not called");
                    outcome.note(String.valueOf('"') + "while (true) { getClass(); } /* java.io.File */");
                    outcome.note(\"""
                        Runtime.getRuntime().halt(0), in a text block
                        \""");
                end
                """);

        assertThat(workspace.compile().ruleSources()).containsKey("Fine: names a call in a string");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {"/* */System.exit(0);", "System/* a comment */.exit(0);",
            "outcome.note(\"*/\"); /* \" */ System.exit(0); // \"", "outcome.note('\"'); System.exit(0); outcome.note(\"\");"})
    void aForbiddenCallBesideACommentOrALiteralIsStillRefused(String statement) {
        PolicyCompilationException e = refused(HEAD + "rule \"Evil\"\nwhen\n    Lead()\nthen\n    " + statement + "\nend\n");

        assertThat(e.problems()).anySatisfy(problem -> {
            assertThat(problem.location()).isEqualTo("line 8");
            assertThat(problem.message()).isEqualTo("'System' reaches the runtime: not allowed in a policy");
        });
    }

    @Test
    void aForbiddenCallSplitAcrossLinesIsRefusedOnEachOfThem() {
        PolicyCompilationException e = refused(HEAD + "rule \"Evil\"\nwhen\n    Lead()\nthen\n    System\n        .exit(0);\nend\n");

        assertThat(e.problems()).extracting(PolicyProblem::toString).contains(
                "rules/evil.drl (line 8): 'System' reaches the runtime: not allowed in a policy",
                "rules/evil.drl (line 9): 'exit(' reaches the runtime: not allowed in a policy");
    }

    @Test
    void codeAfterATextBlockOnItsClosingLineIsRead() {
        // A text block's closing quotes are followed by code on the same line: a regular expression that takes
        // three quotes for an empty string and an opening one reads the rest of that line as a string.
        PolicyCompilationException e = refused(HEAD + "rule \"Evil\"\nwhen\n    Lead()\nthen\n    outcome.because(\"\"\"\n"
                + "        fine\n        \"\"\"); System.exit(0);\nend\n");

        assertThat(e.problems()).anySatisfy(problem -> {
            assertThat(problem.location()).isEqualTo("line 10");
            assertThat(problem.message()).contains("'System' reaches the runtime");
        });
    }

    @Test
    void everyPartOfARuleIsRead() {
        PolicyCompilationException e = refused(HEAD + """
                declare Marker
                    at : java.io.File
                end
                rule "Evil: everywhere"
                    salience ( Runtime.getRuntime().availableProcessors() )
                when
                    $l : Lead( company.employees > Thread.activeCount() )
                    $n : Number( ) from accumulate( ActivityTally( ), init( Object o = Class.forName("x"); ), action( ), result( 0 ) )
                    $o : Object( ) from ProcessHandle.current()
                    eval( Math.max(1, 2) > 0 && System.nanoTime() > 0 )
                    if ( $l != null ) do[more]
                then
                    outcome.note("fine");
                then[more]
                    outcome.getClass();
                end
                """);

        assertThat(e.problems()).extracting(PolicyProblem::toString).contains(
                "rules/evil.drl (line 5): 'java.io.File' refers to a package outside the allowlist: not allowed in a policy",
                "rules/evil.drl (line 8): 'Runtime' reaches the runtime: not allowed in a policy",
                "rules/evil.drl (line 10): 'Thread' starts threads: not allowed in a policy",
                "rules/evil.drl (line 11): 'forName(' uses reflection or class loading: not allowed in a policy",
                "rules/evil.drl (line 12): 'ProcessHandle' starts processes: not allowed in a policy",
                "rules/evil.drl (line 13): 'System' reaches the runtime: not allowed in a policy",
                "rules/evil.drl (line 18): 'getClass(' uses reflection or class loading: not allowed in a policy");
    }

    @Test
    void aDialectTheGuardDoesNotReadIsRefused() {
        PolicyCompilationException e = refused(HEAD + "rule \"Scripted\" dialect \"mvel\"\nwhen\n    Lead()\nthen\n"
                + "    outcome.note('x');\nend\n");

        assertThat(e.problems()).anySatisfy(problem -> {
            assertThat(problem.location()).isEqualTo("line 4");
            assertThat(problem.message()).contains("dialect \"mvel\"").contains("dialect the guard does not read");
        });
    }

    @Test
    void drlTheParserCannotReadIsRefusedWithTheParsersWords() {
        PolicyCompilationException e = refused(HEAD + "rule \"Broken\" when Lead( then end\n");

        assertThat(e.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.file()).isEqualTo("rules/evil.drl");
            assertThat(problem.location()).isEqualTo("line 4, column 30");
            assertThat(problem.message()).contains("mismatched input 'end' in rule \"Broken\"");
        });
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {"html|not an .xlsx workbook", "ole2|password-protected or legacy", "empty|the file is empty"})
    void unreadableWorkbooksAreRefusedBeforeParsing(String kind, String why) {
        byte[] bytes = switch (kind) {
            case "html" -> "<html></html>".getBytes(StandardCharsets.UTF_8);
            case "ole2" -> new byte[] {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, 0, 0, 0, 0};
            default -> new byte[0];
        };
        assertThat(WorkbookGuard.refusal(bytes)).contains(why);
    }

    @Test
    void oversizedWorkbookIsRefused() {
        assertThat(WorkbookGuard.refusal(new byte[WorkbookGuard.MAX_BYTES + 1])).contains("at most");
    }

    @Test
    void shippedWorkbooksPass() {
        PolicyWorkspace shipped = PolicyWorkspace.copyOfDefault();
        for (PolicyFile file : shipped.directory().read()) {
            if (file.path().endsWith(".xlsx")) {
                assertThat(WorkbookGuard.refusal(file.content())).as(file.path()).isNull();
            }
        }
    }
}
