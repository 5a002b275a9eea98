package io.leadqualifier.evaluation;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import org.drools.decisiontable.InputType;
import org.drools.decisiontable.SpreadsheetCompiler;
import org.junit.jupiter.api.Test;

import io.leadqualifier.facts.*;
import io.leadqualifier.policy.*;

class SmokeTest {
    @Test
    void smoke() throws Exception {
        if (false) for (String t : List.of("engagement-scoring", "stage-thresholds", "handoff-sla", "fit-scoring")) {
            System.out.println(new SpreadsheetCompiler().compile(java.nio.file.Files.newInputStream(Path.of("decision-tables/" + t + ".xlsx")), InputType.XLS));
        }
        CompiledPolicy policy = new PolicyCompiler(4).compile(new PolicyDirectory(Path.of(".")).read());
        System.out.println(policy + " " + policy.warnings());
        Lead lead = new Lead();
        lead.setLeadId("x");
        lead.setAsOf(Instant.parse("2026-11-22T10:00:00Z"));
        lead.getContact().setEmail("claire@acme.fr");
        lead.getContact().setSeniority(Seniority.DIRECTOR);
        lead.getCompany().setIndustry("SOFTWARE");
        lead.getCompany().setEmployees(250);
        lead.getCompany().setCountry("FR");
        lead.getActivities().add(new Activity("CONTENT_DOWNLOAD", Instant.parse("2026-11-20T09:00:00Z"), null));
        lead.getActivities().add(new Activity("DEMO_REQUEST", Instant.parse("2026-11-20T09:00:00Z"), null));
        lead.getActivities().add(new Activity("PODCAST", Instant.parse("2026-11-20T09:00:00Z"), null));
        Evaluation e = new LeadEvaluator(1000).evaluate(policy, lead);
        Outcome o = e.outcome();
        System.out.println(o.getStage() + " " + o.getTemperature() + " " + o.getRoute() + " fit=" + o.getFit() + " eng=" + o.getEngagement() + " " + o.getBoxes() + " " + o.getSla());
        o.getFiredRules().forEach(System.out::println);
        o.getReasons().forEach(System.out::println);
    }
}
