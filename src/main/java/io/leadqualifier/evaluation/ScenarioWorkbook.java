package io.leadqualifier.evaluation;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;

import io.leadqualifier.facts.Activity;
import io.leadqualifier.facts.Lead;
import io.leadqualifier.facts.Route;
import io.leadqualifier.facts.Seniority;
import io.leadqualifier.facts.Stage;
import io.leadqualifier.facts.Temperature;
import io.leadqualifier.policy.PolicyFile;
import io.leadqualifier.policy.PolicyProblem;

/**
 * Reads scenarios from a {@code *-scenarios.xlsx} workbook. In every sheet, the row whose first cell is
 * {@code Scenario} holds the column labels; each row below with a name is a scenario. Columns are found by
 * label (case and spaces do not matter), so they may be in any order and any may be left out.
 * <p>
 * Activities are written {@code TYPE [xN] AGE}, separated by commas or semicolons, the age before asOf in
 * days or hours: {@code DEMO_REQUEST 3d, EMAIL_OPEN x3 2d, WEBSITE_VISIT 12h} ({@code -1d} is in the future).
 */
public final class ScenarioWorkbook {
    /** The asOf of a scenario that gives none. */
    public static final Instant DEFAULT_AS_OF = Instant.parse("2026-01-15T12:00:00Z");
    private static final Pattern ACTIVITY = Pattern.compile("([A-Za-z0-9_.:-]+)(?:\\s*[x×]\\s*(\\d+))?\\s+(-?\\d+)\\s*([dh])");
    private static final DataFormatter TEXT = new DataFormatter(Locale.ROOT);

    /** Scenarios and the problems met while reading them. */
    public record Contents(List<Scenario> scenarios, List<PolicyProblem> problems) {
    }

    private ScenarioWorkbook() {
    }

    public static Contents read(PolicyFile file) {
        List<Scenario> scenarios = new ArrayList<>();
        List<PolicyProblem> problems = new ArrayList<>();
        try (Workbook book = WorkbookFactory.create(new ByteArrayInputStream(file.content()))) {
            for (Sheet sheet : book) {
                readSheet(file, sheet, scenarios, problems);
            }
        } catch (IOException | RuntimeException e) {
            problems.add(new PolicyProblem(file.path(), null, "not a readable scenario workbook: " + e.getMessage()));
        }
        return new Contents(scenarios, problems);
    }

    private static void readSheet(PolicyFile file, Sheet sheet, List<Scenario> scenarios, List<PolicyProblem> problems) {
        Map<String, Integer> columns = null;
        for (Row row : sheet) {
            if (columns == null) {
                columns = labels(row);
                continue;
            }
            String name = text(row, columns, "scenario");
            if (name == null) {
                continue;
            }
            String place = "sheet " + sheet.getSheetName() + ", row " + (row.getRowNum() + 1) + " \"" + name + "\"";
            try {
                Scenario scenario = scenario(row, columns, name, place);
                if (!scenario.expectsSomething()) {
                    problems.add(PolicyProblem.warning(file.path(), place, "no expected stage, route, temperature or score: checks nothing"));
                }
                scenarios.add(scenario);
            } catch (IllegalArgumentException | DateTimeParseException e) {
                problems.add(new PolicyProblem(file.path(), place, "unreadable scenario: " + e.getMessage()));
            }
        }
    }

    /** Label → column index, when the row's first cell is "Scenario"; null otherwise. */
    private static Map<String, Integer> labels(Row row) {
        Cell first = null;
        for (Cell cell : row) {
            if (!TEXT.formatCellValue(cell).isBlank()) {
                first = cell;
                break;
            }
        }
        if (first == null || !normalise(TEXT.formatCellValue(first)).equals("scenario")) {
            return null;
        }
        Map<String, Integer> columns = new HashMap<>();
        for (Cell cell : row) {
            columns.put(normalise(TEXT.formatCellValue(cell)), cell.getColumnIndex());
        }
        return columns;
    }

    private static Scenario scenario(Row row, Map<String, Integer> columns, String name, String place) {
        Lead lead = new Lead();
        lead.setLeadId("scenario");
        lead.setAsOf(instant(row, columns, "asof"));
        String email = text(row, columns, "email");
        lead.getContact().setEmail(email == null ? "scenario@example.com" : email);
        lead.getContact().setSeniority(enumValue(Seniority.class, text(row, columns, "seniority")));
        lead.getContact().setDecisionMaker(flag(row, columns, "decisionmaker"));
        String industry = text(row, columns, "industry");
        lead.getCompany().setIndustry(industry == null ? null : industry.toUpperCase(Locale.ROOT));
        lead.getCompany().setEmployees(number(row, columns, "employees"));
        String country = text(row, columns, "country");
        lead.getCompany().setCountry(country == null ? null : country.toUpperCase(Locale.ROOT));
        lead.getCompany().setCompetitor(flag(row, columns, "competitor"));
        lead.getConsent().setOptedOut(flag(row, columns, "optedout"));
        lead.getConsent().setDoNotEmail(flag(row, columns, "donotemail"));
        lead.getBant().setNeed(flag(row, columns, "need"));
        lead.getBant().setBudget(flag(row, columns, "budget"));
        lead.getBant().setAuthority(flag(row, columns, "authority"));
        lead.getBant().setTimingMonths(number(row, columns, "timingmonths"));
        lead.getSales().setMeetingBooked(flag(row, columns, "meetingbooked"));
        lead.getSales().setProposalRequested(flag(row, columns, "proposalrequested"));
        lead.getSales().setNegotiationStarted(flag(row, columns, "negotiationstarted"));
        String activities = text(row, columns, "activities");
        if (activities != null) {
            for (String item : activities.split("[,;]")) {
                if (!item.isBlank()) {
                    addActivities(lead, item.strip());
                }
            }
        }
        return new Scenario(name, place, lead, enumValue(Stage.class, text(row, columns, "expectedstage")),
                enumValue(Route.class, text(row, columns, "expectedroute")),
                enumValue(Temperature.class, text(row, columns, "expectedtemperature")), number(row, columns, "expectedtotal"),
                number(row, columns, "expectedfit"), number(row, columns, "expectedengagement"));
    }

    private static void addActivities(Lead lead, String item) {
        Matcher matcher = ACTIVITY.matcher(item);
        if (!matcher.matches()) {
            throw new IllegalArgumentException("activity '" + item + "' is not TYPE [xN] AGE, e.g. EMAIL_OPEN x3 2d");
        }
        int count = matcher.group(2) == null ? 1 : Integer.parseInt(matcher.group(2));
        long age = Long.parseLong(matcher.group(3));
        Duration before = matcher.group(4).equals("d") ? Duration.ofDays(age) : Duration.ofHours(age);
        for (int i = 0; i < count; i++) {
            lead.getActivities().add(new Activity(matcher.group(1).toUpperCase(Locale.ROOT), lead.getAsOf().minus(before), null));
        }
    }

    private static String text(Row row, Map<String, Integer> columns, String label) {
        Integer index = columns.get(label);
        if (index == null || row.getCell(index) == null) {
            return null;
        }
        String value = TEXT.formatCellValue(row.getCell(index)).strip();
        return value.isEmpty() ? null : value;
    }

    private static boolean flag(Row row, Map<String, Integer> columns, String label) {
        String value = text(row, columns, label);
        if (value == null) {
            return false;
        }
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "true", "yes", "y", "x", "1" -> true;
            case "false", "no", "n", "0" -> false;
            default -> throw new IllegalArgumentException(label + " '" + value + "' is not yes/no");
        };
    }

    private static Integer number(Row row, Map<String, Integer> columns, String label) {
        String value = text(row, columns, label);
        if (value == null) {
            return null;
        }
        try {
            return (int) Math.round(Double.parseDouble(value.replace(",", "")));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(label + " '" + value + "' is not a number");
        }
    }

    private static Instant instant(Row row, Map<String, Integer> columns, String label) {
        Integer index = columns.get(label);
        Cell cell = index == null ? null : row.getCell(index);
        if (cell != null && cell.getCellType() == CellType.NUMERIC && DateUtil.isCellDateFormatted(cell)) {
            return cell.getLocalDateTimeCellValue().toInstant(ZoneOffset.UTC);
        }
        String value = text(row, columns, label);
        return value == null ? DEFAULT_AS_OF : Instant.parse(value);
    }

    private static <E extends Enum<E>> E enumValue(Class<E> type, String value) {
        if (value == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT).replace(' ', '_'));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + value + "' is not one of " + List.of(type.getEnumConstants()));
        }
    }

    private static String normalise(String label) {
        return label.toLowerCase(Locale.ROOT).replaceAll("[^a-z]", "");
    }
}
