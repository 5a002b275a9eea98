package io.leadqualifier.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.leadqualifier.facts.Activity;
import io.leadqualifier.facts.ChecklistBox;
import io.leadqualifier.facts.Lead;
import io.leadqualifier.facts.Reason;
import io.leadqualifier.facts.Route;
import io.leadqualifier.facts.Seniority;
import io.leadqualifier.facts.Sla;
import io.leadqualifier.facts.Stage;
import io.leadqualifier.facts.Temperature;

/**
 * The default policy written by hand in plain Java: the floor the rule engine is measured against. It does
 * the same work the rules do, reasons included, so the ratio measures the engine, not a shortcut.
 */
final class HandCodedPolicy {
    record Rate(int points, int cap, int windowDays, boolean intent) {
    }

    record Result(int fit, int engagement, Stage stage, Temperature temperature, Route route, Sla sla,
            Set<ChecklistBox> boxes, List<Reason> reasons) {
        int total() {
            return Math.max(0, fit + engagement);
        }
    }

    private static final Map<String, Rate> RATES = Map.ofEntries(
            Map.entry("EMAIL_OPEN", new Rate(5, 15, 90, false)), Map.entry("EMAIL_CLICK", new Rate(8, 24, 90, false)),
            Map.entry("NEWSLETTER_SIGNUP", new Rate(5, 5, 365, false)), Map.entry("WEBSITE_VISIT", new Rate(2, 10, 30, false)),
            Map.entry("PRICING_PAGE_VISIT", new Rate(10, 20, 30, false)), Map.entry("CONTENT_DOWNLOAD", new Rate(10, 30, 90, false)),
            Map.entry("WEBINAR_REGISTRATION", new Rate(10, 10, 90, false)), Map.entry("WEBINAR_ATTENDED", new Rate(15, 30, 90, false)),
            Map.entry("EVENT_VISIT", new Rate(10, 20, 180, false)), Map.entry("CONTACT_REQUEST", new Rate(25, 25, 60, true)),
            Map.entry("DEMO_REQUEST", new Rate(30, 30, 60, true)), Map.entry("QUOTE_REQUEST", new Rate(30, 30, 60, true)),
            Map.entry("UNSUBSCRIBE", new Rate(-20, 20, 365, false)), Map.entry("EMAIL_BOUNCE", new Rate(-10, 10, 365, false)));
    private static final Set<String> INDUSTRIES = Set.of("SOFTWARE", "FINANCE", "INSURANCE", "HEALTHCARE", "MANUFACTURING", "RETAIL");
    private static final Set<String> COUNTRIES = Set.of("FR", "BE", "CH", "LU", "DE", "ES", "IT", "NL", "GB", "US", "CA");
    private static final Set<String> FREE_MAIL = Set.of("gmail.com", "yahoo.com", "yahoo.fr", "hotmail.com", "hotmail.fr",
            "outlook.com", "live.com", "icloud.com", "orange.fr", "free.fr", "laposte.net");

    private HandCodedPolicy() {
    }

    static Result evaluate(Lead lead) {
        Instant asOf = lead.getAsOf();
        List<Reason> reasons = new ArrayList<>();
        Map<String, int[]> counts = new HashMap<>();
        Instant latestIntent = null;
        for (Activity activity : lead.getActivities()) {
            Rate rate = RATES.get(activity.getType());
            int[] count = counts.computeIfAbsent(activity.getType(), t -> new int[1]);
            if (rate != null && activity.getAt().isAfter(asOf.minus(Duration.ofDays(rate.windowDays())))
                    && !activity.getAt().isAfter(asOf)) {
                count[0]++;
                if (rate.intent() && (latestIntent == null || activity.getAt().isAfter(latestIntent))) {
                    latestIntent = activity.getAt();
                }
            }
        }
        int engagement = 0;
        for (Map.Entry<String, int[]> entry : counts.entrySet()) {
            Rate rate = RATES.get(entry.getKey());
            if (rate == null) {
                reasons.add(new Reason("Engagement: unknown activity type", "rules/assessment.drl", null, entry.getKey() + " scores 0"));
                continue;
            }
            int points = Math.max(-rate.cap(), Math.min(rate.cap(), rate.points() * entry.getValue()[0]));
            engagement += points;
            reasons.add(new Reason("Engagement: " + entry.getKey(), "decision-tables/engagement-scoring.xlsx", points,
                    entry.getValue()[0] + " × " + entry.getKey() + " in the last " + rate.windowDays() + " days"));
        }

        int fit = 0;
        String industry = lead.getCompany().getIndustry();
        if (industry != null && INDUSTRIES.contains(industry)) {
            fit += add(reasons, "Fit: target industry", 15);
        }
        Integer employees = lead.getCompany().getEmployees();
        if (employees != null) {
            if (employees >= 50 && employees <= 4999) {
                fit += add(reasons, "Fit: mid-size company", 15);
            } else if (employees >= 5000) {
                fit += add(reasons, "Fit: large enterprise", 10);
            } else if (employees >= 1 && employees <= 9) {
                fit += add(reasons, "Fit: micro company", -10);
            }
        }
        Seniority seniority = lead.getContact().getSeniority();
        if (seniority == Seniority.C_LEVEL || seniority == Seniority.VP || seniority == Seniority.DIRECTOR) {
            fit += add(reasons, "Fit: senior decision level", 15);
        } else if (seniority == Seniority.MANAGER) {
            fit += add(reasons, "Fit: manager", 10);
        }
        if (lead.getCompany().getCountry() != null && COUNTRIES.contains(lead.getCompany().getCountry())) {
            fit += add(reasons, "Fit: target market", 5);
        }
        if (FREE_MAIL.contains(lead.getContact().getEmailDomain())) {
            fit += add(reasons, "Fit: free-mail address", -10);
        }
        int total = Math.max(0, fit + engagement);
        boolean knockedOut = seniority == Seniority.STUDENT || lead.getCompany().isCompetitor();

        Set<ChecklistBox> boxes = EnumSet.noneOf(ChecklistBox.class);
        if (fit >= 30) {
            boxes.add(ChecklistBox.ICP_FIT);
        }
        if (lead.getBant().isNeed()) {
            boxes.add(ChecklistBox.NEED);
        }
        if (lead.getBant().isBudget()) {
            boxes.add(ChecklistBox.BUDGET);
        }
        if (lead.getBant().isAuthority() || lead.getContact().isDecisionMaker()) {
            boxes.add(ChecklistBox.AUTHORITY);
        }
        if (lead.getBant().getTimingMonths() != null && lead.getBant().getTimingMonths() <= 6) {
            boxes.add(ChecklistBox.TIMING);
        }
        if (latestIntent != null || lead.getSales().isMeetingBooked()) {
            boxes.add(ChecklistBox.INTENT);
        }

        boolean sql = boxes.size() >= 5 && boxes.contains(ChecklistBox.NEED);
        Stage stage = knockedOut ? Stage.DISQUALIFIED
                : sql && lead.getSales().isBuyingProject() ? Stage.OPPORTUNITY
                : sql ? Stage.SQL : total >= 70 ? Stage.MQL : Stage.LEAD;
        reasons.add(new Reason("Stage: " + stage, "decision-tables/stage-thresholds.xlsx", null, "Stage " + stage));

        Temperature temperature = (latestIntent != null && !latestIntent.isBefore(asOf.minus(Duration.ofDays(14)))) || total >= 85
                ? Temperature.HOT : total >= 40 ? Temperature.WARM : Temperature.COLD;
        reasons.add(new Reason("Temperature: " + temperature, "decision-tables/stage-thresholds.xlsx", null, "Temperature " + temperature));

        boolean optedOut = lead.getConsent().isOptedOut();
        boolean intent = boxes.contains(ChecklistBox.INTENT);
        Route route = switch (stage) {
            case DISQUALIFIED -> Route.NONE;
            case LEAD -> optedOut || lead.getConsent().isDoNotEmail() ? Route.NONE : Route.NURTURE;
            case MQL -> optedOut && !intent ? Route.NONE : Route.SDR;
            case SQL, OPPORTUNITY -> optedOut && !intent ? Route.NONE : Route.AE;
        };
        reasons.add(new Reason("Route: " + route, "decision-tables/routing.xlsx", null, "Route " + route));

        Sla sla = null;
        if (route != Route.NONE) {
            sla = switch (stage) {
                case MQL -> switch (temperature) {
                    case HOT -> sla(asOf, "SDR", 1, "SDR_MANAGER", 7);
                    case WARM -> sla(asOf, "SDR", 24, "SDR_MANAGER", 14);
                    case COLD -> sla(asOf, "SDR", 48, "SDR_MANAGER", 14);
                };
                case SQL -> sla(asOf, "AE", 24, "SALES_MANAGER", 30);
                case OPPORTUNITY -> sla(asOf, "AE", 48, "SALES_MANAGER", 60);
                default -> null;
            };
        }
        return new Result(fit, engagement, stage, temperature, route, sla, boxes, reasons);
    }

    private static int add(List<Reason> reasons, String rule, int points) {
        reasons.add(new Reason(rule, "decision-tables/fit-scoring.xlsx", points, rule));
        return points;
    }

    private static Sla sla(Instant asOf, String owner, int hours, String escalateTo, int days) {
        return new Sla(owner, asOf.plus(Duration.ofHours(hours)), escalateTo, asOf.plus(Duration.ofDays(days)));
    }
}
