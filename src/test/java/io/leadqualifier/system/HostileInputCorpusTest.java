package io.leadqualifier.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import io.leadqualifier.audit.AuditProfile;
import io.leadqualifier.audit.trail.RecordedDecision;
import io.leadqualifier.policy.OwnPolicyCopyProfile;
import io.leadqualifier.policy.PolicyWorkspace;
import io.leadqualifier.policy.source.PolicyVersions;
import io.leadqualifier.security.Roles;
import io.leadqualifier.security.TestCredentials;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * Hostile and broken input on every endpoint, as an admin (so it gets past authentication): each gets a
 * precise 4xx problem+json, never a 5xx or a stack trace, and afterwards the recorded decisions, the
 * active policy and the policy files are exactly as before.
 */
@QuarkusTest
@TestProfile(AuditProfile.class)
class HostileInputCorpusTest {
    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /** One hostile request. */
    record Case(String name, Function<RequestSpecification, Response> request) {
    }

    static List<Case> corpus() {
        List<Case> cases = new ArrayList<>();
        ProblemResponsesTest.invalidLeads().forEach(arguments -> cases.add(new Case("qualify: " + arguments.get()[0],
                r -> r.contentType("application/json").body((String) arguments.get()[1]).post("/api/v1/qualify"))));
        cases.add(new Case("qualify: malformed JSON", r -> r.contentType("application/json").body("{\"leadId\":").post("/api/v1/qualify")));
        cases.add(new Case("qualify: JSON array", r -> r.contentType("application/json").body("[1,2]").post("/api/v1/qualify")));
        cases.add(new Case("qualify: 5,000 nested arrays", r -> r.contentType("application/json")
                .body("{\"leadId\":\"x\",\"z\":" + "[".repeat(5000) + "]".repeat(5000) + "}").post("/api/v1/qualify")));
        cases.add(new Case("qualify: XML body", r -> r.contentType("application/xml").body("<lead/>").post("/api/v1/qualify")));
        cases.add(new Case("qualify: 6 MiB body", r -> r.contentType("application/json")
                .body("{\"leadId\":\"" + "x".repeat(6 * 1024 * 1024) + "\"}").post("/api/v1/qualify")));
        cases.add(new Case("qualify: empty body", r -> r.contentType("application/json").body("").post("/api/v1/qualify")));
        cases.add(new Case("decision id: SQL injection", r -> r.get("/api/v1/decisions/' OR '1'='1")));
        cases.add(new Case("decision id: traversal", r -> r.urlEncodingEnabled(false).get("/api/v1/decisions/..%2F..%2Fetc%2Fpasswd")));
        cases.add(new Case("explanation: SQL injection in the id", r -> r.get("/api/v1/decisions/' OR '1'='1/explanation")));
        cases.add(new Case("explanation: unknown format", r -> r.queryParam("format", "<script>").get("/api/v1/decisions/"
                + java.util.UUID.randomUUID() + "/explanation")));
        cases.add(new Case("export: SQL injection in a filter", r -> r.queryParam("leadId", "x' OR '1'='1").get("/api/v1/decisions/export")));
        cases.add(new Case("export: unknown format", r -> r.queryParam("format", "xlsx").get("/api/v1/decisions/export")));
        cases.add(new Case("export: bad time", r -> r.queryParam("from", "1 OR 1=1").get("/api/v1/decisions/export")));
        cases.add(new Case("verify: negative sequence", r -> r.queryParam("fromSequence", "-1").get("/api/v1/audit/verify")));
        cases.add(new Case("verify: sequence overflow", r -> r.queryParam("toSequence", "99999999999999999999999").get("/api/v1/audit/verify")));
        cases.add(new Case("erasure: SQL injection in the lead id", r -> r.delete("/api/v1/leads/x' OR '1'='1/personal-data")));
        cases.add(new Case("erasure: wildcard lead id", r -> r.delete("/api/v1/leads/%25/personal-data")));
        cases.add(new Case("diff: SQL injection in a filter", r -> r.queryParam("from", "' OR 1=1 --").get("/api/v1/policy/diff")));
        cases.add(new Case("diff: script in a filter", r -> r.queryParam("from", "<script>alert(1)</script>").get("/api/v1/policy/diff")));
        cases.add(new Case("version: traversal", r -> r.urlEncodingEnabled(false).get("/api/v1/policy/versions/..%2F..%2Fetc")));
        cases.add(new Case("download: traversal", r -> r.get("/api/v1/policy/versions/abc/files/../../../../etc/passwd")));
        cases.add(new Case("candidates: limit not a number", r -> r.get("/api/v1/policy/candidates?limit=abc")));
        cases.add(new Case("rollback: injection in the version", r -> r.post("/api/v1/policy/versions/' OR 1=1/activate")));
        for (String[] drl : maliciousDrl()) {
            cases.add(new Case("upload DRL: " + drl[0], r -> r.multiPart("file", "rules/evil.drl", drl[1].getBytes(StandardCharsets.UTF_8),
                    "text/plain").post("/api/v1/policy/files")));
        }
        PolicyWorkspace shipped = PolicyWorkspace.copyOfDefault();
        byte[] fit = shipped.bytes("decision-tables/fit-scoring.xlsx");
        cases.add(upload("XLSX zip bomb", "fit-scoring.xlsx", HostileWorkbooks.zipBomb()));
        cases.add(upload("XLSX with XXE", "fit-scoring.xlsx", HostileWorkbooks.withXxe(fit)));
        cases.add(upload("XLSX with a duplicate zip entry", "fit-scoring.xlsx", HostileWorkbooks.withDuplicateEntry(fit)));
        cases.add(upload("password-protected XLSX", "fit-scoring.xlsx", HostileWorkbooks.passwordProtected(fit)));
        cases.add(upload("HTML named .xlsx", "fit-scoring.xlsx", "<html><body>hi</body></html>".getBytes(StandardCharsets.UTF_8)));
        cases.add(upload("random bytes named .xlsx", "fit-scoring.xlsx", new byte[] {1, 2, 3, 4, 5, 6, 7, 8}));
        cases.add(upload("empty file", "fit-scoring.xlsx", new byte[0]));
        cases.add(upload("code injected in a table cell", "fit-scoring.xlsx", PolicyWorkspace.copyOfDefault()
                .setCell("fit-scoring.xlsx", "Fit", "Fit: manager", "Points", "1); System.exit(0); outcome.fit().points(1")
                .bytes("decision-tables/fit-scoring.xlsx")));
        cases.add(upload("path traversal in the file name", "../../etc/passwd.drl", "x".getBytes()));
        cases.add(upload("traversal inside the folder", "rules/../../x.drl", "x".getBytes()));
        cases.add(upload("executable", "payload.exe", "MZ".getBytes()));
        cases.add(new Case("upload: 21 files", r -> {
            for (int i = 0; i < 21; i++) {
                r.multiPart("file", "rules/f" + i + ".drl", "package x;".getBytes(), "text/plain");
            }
            return r.post("/api/v1/policy/files");
        }));
        cases.add(new Case("upload: JSON instead of files", r -> r.contentType("application/json").body("{}").post("/api/v1/policy/files")));
        return cases;
    }

    private static Case upload(String name, String fileName, byte[] content) {
        return new Case("upload: " + name, r -> r.multiPart("file", fileName, content, XLSX).post("/api/v1/policy/files"));
    }

    private static List<String[]> maliciousDrl() {
        String head = "package leadqualifier.policy;\nimport io.leadqualifier.facts.*;\nglobal Outcome outcome;\n";
        List<String[]> drl = new ArrayList<>();
        for (String[] rhs : new String[][] {
                {"Runtime.exec", "Runtime.getRuntime().exec(\"touch /tmp/pwned\");"},
                {"System.exit", "System.exit(0);"},
                {"reflection", "Object r = Class.forName(\"java.lang.Runtime\");"},
                {"getClass and class loader", "Object l = outcome.getClass().getClassLoader();"},
                {"file read", "String s = java.nio.file.Files.readString(java.nio.file.Path.of(\"/etc/passwd\"));"},
                {"file delete", "new java.io.File(\"/tmp/x\").delete();"},
                {"infinite while loop", "while (true) { }"},
                {"infinite for loop", "for (;;) { }"},
                {"thread", "new Thread(() -> {}).start();"},
                {"network", "Object u = new java.net.URL(\"http://127.0.0.1/\");"},
                {"engine internals", "drools.getKieRuntime().halt();"},
                {"unicode-escaped System.exit", "\\u0053ystem.exit(0);"}}) {
            drl.add(new String[] {rhs[0], head + "rule \"Evil: " + rhs[0] + "\"\nwhen\n    Lead()\nthen\n    " + rhs[1] + "\nend\n"});
        }
        drl.add(new String[] {"import java.io.File", head.replace("import io.leadqualifier.facts.*;",
                "import io.leadqualifier.facts.*;\nimport java.io.File;")});
        drl.add(new String[] {"recursive function", head + "function int loop(int x) { return loop(x); }\n"});
        drl.add(new String[] {"syntax error", head + "rule \"Broken\" when Lead( then end\n"});
        return drl;
    }

    /** What no hostile input may change. */
    record Recorded(long decisions, String activeVersion, String policyFiles) {
        static Recorded now() {
            return new Recorded(QuarkusTransaction.requiringNew().call(() -> RecordedDecision.count()),
                    TestCredentials.as(Roles.ADMIN).get("/api/v1/policy").then().statusCode(200).extract().path("version"),
                    PolicyVersions.contentHash(PolicyWorkspace.at(OwnPolicyCopyProfile.directory("audit")).directory().read()));
        }
    }

    @TestFactory
    Stream<DynamicTest> everyHostileInputGetsAPrecise4xxAndChangesNothing() {
        List<Case> corpus = corpus();
        assertThat(corpus).hasSizeGreaterThanOrEqualTo(40);
        Recorded before = Recorded.now();
        return Stream.concat(
                corpus.stream().map(hostile -> DynamicTest.dynamicTest(hostile.name(), () -> answersAPrecise4xx(hostile))),
                Stream.of(DynamicTest.dynamicTest("afterwards: the decisions, the active policy and its files are as before",
                        () -> assertThat(Recorded.now()).isEqualTo(before))));
    }

    private static void answersAPrecise4xx(Case hostile) {
        Response response = hostile.request().apply(TestCredentials.as(Roles.ADMIN));
        String body = response.asString();
        assertThat(response.statusCode()).as(body.substring(0, Math.min(300, body.length()))).isBetween(400, 499);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(body).doesNotContain("Exception", "\tat ", "at io.");
    }
}
