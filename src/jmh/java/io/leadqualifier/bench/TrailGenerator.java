package io.leadqualifier.bench;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Random;
import java.util.UUID;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import io.leadqualifier.audit.trail.PendingDecision;
import io.leadqualifier.audit.trail.TrailAppender;
import io.leadqualifier.decision.DecisionView;
import io.leadqualifier.decision.LeadFacts;
import io.leadqualifier.decision.PersonalData;
import io.leadqualifier.decision.QualifyRequest;
import io.leadqualifier.evaluation.LeadEvaluator;
import io.leadqualifier.evaluation.Ledger;
import io.leadqualifier.evaluation.SampleLeads;
import io.leadqualifier.facts.Lead;
import io.leadqualifier.policy.compile.CompiledPolicy;
import io.leadqualifier.policy.compile.PolicyCompiler;
import io.leadqualifier.policy.source.PolicyFolders;
import io.leadqualifier.qualification.QualificationService;

/**
 * Fills a stopped service's database with real decisions, for the audit-trail measurements: generated leads
 * evaluated under the shipped policy, recorded as the service records them (chain, personal data apart,
 * fired rules), one second apart. The service must have started once on the database (schema, policy).
 * <p>
 * {@code ./mvnw -Pbench test-compile exec:exec -Dbench.main=io.leadqualifier.bench.TrailGenerator
 * -Dbench.args="jdbc:h2:file:./data/lead-qualifier sa - 1000000" (- for no password)}
 */
public final class TrailGenerator {

    public static void main(String[] args) throws Exception {
        java.util.logging.Logger.getLogger("").setLevel(java.util.logging.Level.INFO);
        String url = args[0];
        String user = args[1];
        String password = args[2].equals("-") ? "" : args[2];
        int count = Integer.parseInt(args[3]);
        ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
        CompiledPolicy policy = new PolicyCompiler(4).compile(new PolicyFolders(Path.of(System.getProperty("policy.dir", "."))).read());
        LeadEvaluator evaluator = new LeadEvaluator(1000);
        Lead[] leads = SampleLeads.generate(10_000, 7);
        Random random = new Random(7);
        Instant start = Instant.parse("2024-01-01T00:00:00Z");
        long began = System.nanoTime();
        try (Connection db = DriverManager.getConnection(url, user, password)) {
            db.setAutoCommit(false);
            Instant activatedAt;
            try (Statement statement = db.createStatement();
                    ResultSet rows = statement.executeQuery("select created_at from policy_version where version = '" + policy.version() + "'")) {
                if (!rows.next()) {
                    throw new IllegalStateException("Policy " + policy.version() + " is not in this database: start the service on it once");
                }
                activatedAt = rows.getTimestamp(1).toInstant();
            }
            ObjectMapper compact = json.copy().setSerializationInclusion(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL);
            java.security.SecureRandom salts = new java.security.SecureRandom();
            TrailAppender trail = new TrailAppender();
            java.util.List<PendingDecision> group = new java.util.ArrayList<>();
            for (int i = 0; i < count; i++) {
                Instant at = start.plus(Duration.ofSeconds(i));
                Lead lead = leads[i % leads.length];
                QualifyRequest sample = json.readValue(QualifyLoad.json(lead), QualifyRequest.class);
                String leadId = "gen-" + (i % 200_000);
                QualifyRequest input = new QualifyRequest(leadId, at,
                        new QualifyRequest.Contact("person" + i + "@" + sample.contact().email().split("@")[1], "First" + i, "Last" + i,
                                "Head of things", sample.contact().seniority(), sample.contact().decisionMaker()),
                        sample.company(), sample.source(), sample.consent(), shifted(sample, lead, at), sample.bant(), sample.sales(), null);
                PersonalData.Split split = PersonalData.split(input);
                Ledger ledger = evaluator.evaluate(policy, LeadFacts.of(split.recordable())).ledger();
                DecisionView view = QualificationService.view(new UUID(random.nextLong(), random.nextLong()), input, at, ledger, ledger.sla(),
                        new DecisionView.Policy(policy.version(), activatedAt));
                // Recorded exactly as the service records them: the same rows and chain; the service indexes the rules
                // that fired when it starts, as it does after a crash.
                group.add(PendingDecision.of(view, split, null, null, compact, salts));
                if (group.size() == 2000 || i == count - 1) {
                    trail.append(db, group);
                    db.commit();
                    group.clear();
                }
                if ((i + 1) % 100_000 == 0) {
                    System.out.printf("%,d decisions in %.0f s%n", i + 1, (System.nanoTime() - began) / 1e9);
                }
            }
        }
        System.out.printf("Generated %,d decisions in %.0f s%n", count, (System.nanoTime() - began) / 1e9);
    }

    /** The sample's activities moved so that they keep their age relative to the new asOf. */
    private static java.util.List<QualifyRequest.Activity> shifted(QualifyRequest sample, Lead lead, Instant asOf) {
        Duration shift = Duration.between(lead.getAsOf(), asOf);
        return sample.activities().stream()
                .map(activity -> new QualifyRequest.Activity(activity.type(), activity.at().plus(shift), "note on " + activity.type()))
                .toList();
    }
}
