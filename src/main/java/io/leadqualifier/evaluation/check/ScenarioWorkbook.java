package io.leadqualifier.evaluation.check;

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
import io.leadqualifier.facts.SalesHistory;
import io.leadqualifier.facts.Seniority;
import io.leadqualifier.facts.Stage;
import io.leadqualifier.facts.Temperature;
import io.leadqualifier.handoff.reasons.ReasonEvent;
import io.leadqualifier.handoff.reasons.RejectionReasons;
import io.leadqualifier.policy.source.PolicyFile;
import io.leadqualifier.policy.source.PolicyProblem;

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
    private static final Pattern REJECTION = Pattern.compile("([A-Za-z0-9_]+)\\s+(\\d+)\\s*([dh])");
    private static final Pattern ACTIVITY = Pattern.compile("([A-Za-z0-9_.:-]+)(?:\\s*[x×]\\s*(\\d+))?\\s+(-?\\d+)\\s*([dh])");
    private static final DataFormatter TEXT = new DataFormatter(Locale.ROOT);

    /** Scenarios and the problems met while reading them. */
    public record Contents(List<Scenario> scenarios, List<PolicyProblem> problems) {
    }

    /**
     * A workbook's scenario rows as text, label to value, and the problems met while reading it: what the
     * spreadsheet parser gives, kept as long as the file does not change. Immutable, so each run builds its
     * leads afresh ({@link #scenarios}) and no policy can change the leads another one is checked on.
     */
    public record Rows(List<ScenarioRow> rows, List<PolicyProblem> problems) {
    }

    /** One scenario row: its name, where it is, and its non-empty cells by normalised label. */
    public record ScenarioRow(String name, String place, Map<String, String> cells) {
    }

    private ScenarioWorkbook() {
    }

    /** Reads the workbook's scenario rows. */
    public static Rows rows(PolicyFile file) {
        List<ScenarioRow> rows = new ArrayList<>();
        List<PolicyProblem> problems = new ArrayList<>();
        try (Workbook book = WorkbookFactory.create(new ByteArrayInputStream(file.content()))) {
            for (Sheet sheet : book) {
                readSheet(sheet, rows);
            }
        } catch (IOException | RuntimeException e) {
            problems.add(new PolicyProblem(file.path(), null, "not a readable scenario workbook: " + e.getMessage()));
        }
        return new Rows(List.copyOf(rows), List.copyOf(problems));
    }

    /** The scenarios of rows read before, each with a lead of its own. */
    public static Contents scenarios(PolicyFile file, Rows rows, RejectionReasons reasons) {
        List<Scenario> scenarios = new ArrayList<>();
        List<PolicyProblem> problems = new ArrayList<>(rows.problems());
        for (ScenarioRow row : rows.rows()) {
            try {
                Scenario scenario = scenario(row.cells(), row.name(), row.place(), reasons);
                if (!scenario.expectsSomething()) {
                    problems.add(PolicyProblem.warning(file.path(), row.place(), "no expected stage, route, temperature or score: checks nothing"));
                }
                scenarios.add(scenario);
            } catch (IllegalArgumentException | DateTimeParseException e) {
                problems.add(new PolicyProblem(file.path(), row.place(), "unreadable scenario: " + e.getMessage()));
            }
        }
        return new Contents(scenarios, problems);
    }

    private static void readSheet(Sheet sheet, List<ScenarioRow> rows) {
        Map<String, Integer> columns = null;
        for (Row row : sheet) {
            if (columns == null) {
                columns = labels(row);
                continue;
            }
            Map<String, String> cells = cells(row, columns);
            String name = cells.get("scenario");
            if (name == null) {
                continue;
            }
            rows.add(new ScenarioRow(name, "sheet " + sheet.getSheetName() + ", row " + (row.getRowNum() + 1) + " \"" + name + "\"",
                    Map.copyOf(cells)));
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

    /** The row's non-empty cells by label, as text; a date cell under asOf as an ISO instant. */
    private static Map<String, String> cells(Row row, Map<String, Integer> columns) {
        Map<String, String> cells = new HashMap<>();
        columns.forEach((label, index) -> {
            Cell cell = row.getCell(index);
            if (cell == null) {
                return;
            }
            String value;
            if (label.equals("asof") && cell.getCellType() == CellType.NUMERIC && DateUtil.isCellDateFormatted(cell)) {
                value = cell.getLocalDateTimeCellValue().toInstant(ZoneOffset.UTC).toString();
            } else {
                value = TEXT.formatCellValue(cell).strip();
            }
            if (!value.isEmpty()) {
                cells.put(label, value);
            }
        });
        return cells;
    }

    private static Scenario scenario(Map<String, String> row, String name, String place, RejectionReasons reasons) {
        Lead lead = new Lead();
        lead.setLeadId("scenario");
        String asOf = row.get("asof");
        lead.setAsOf(asOf == null ? DEFAULT_AS_OF : Instant.parse(asOf));
        String email = row.get("email");
        lead.getContact().setEmail(email == null ? "scenario@example.com" : email);
        lead.getContact().setSeniority(enumValue(Seniority.class, row.get("seniority")));
        lead.getContact().setDecisionMaker(flag(row, "decisionmaker"));
        String industry = row.get("industry");
        lead.getCompany().setIndustry(industry == null ? null : industry.toUpperCase(Locale.ROOT));
        lead.getCompany().setEmployees(number(row, "employees"));
        String country = row.get("country");
        lead.getCompany().setCountry(country == null ? null : country.toUpperCase(Locale.ROOT));
        lead.getCompany().setCompetitor(flag(row, "competitor"));
        lead.getConsent().setOptedOut(flag(row, "optedout"));
        lead.getConsent().setDoNotEmail(flag(row, "donotemail"));
        lead.getBant().setNeed(flag(row, "need"));
        lead.getBant().setBudget(flag(row, "budget"));
        lead.getBant().setAuthority(flag(row, "authority"));
        lead.getBant().setTimingMonths(number(row, "timingmonths"));
        lead.getSales().setMeetingBooked(flag(row, "meetingbooked"));
        lead.getSales().setProposalRequested(flag(row, "proposalrequested"));
        lead.getSales().setNegotiationStarted(flag(row, "negotiationstarted"));
        String activities = row.get("activities");
        if (activities != null) {
            for (String item : activities.split("[,;]")) {
                if (!item.isBlank()) {
                    addActivities(lead, item.strip());
                }
            }
        }
        String rejected = row.get("rejectedbysales");
        if (rejected != null) {
            lead.setHistory(rejectedHistory(lead.getAsOf(), rejected, reasons));
        }
        return new Scenario(name, place, lead, enumValue(Stage.class, row.get("expectedstage")),
                enumValue(Route.class, row.get("expectedroute")), enumValue(Temperature.class, row.get("expectedtemperature")),
                number(row, "expectedtotal"), number(row, "expectedfit"), number(row, "expectedengagement"));
    }

    /**
     * "Rejected by sales" as {@code REASON AGE} ({@code NO_BUDGET 10d}): a lead sales sent back to marketing that long
     * before asOf for that reason, held as the policy's reason says.
     */
    private static SalesHistory rejectedHistory(Instant asOf, String text, RejectionReasons reasons) {
        Matcher matcher = REJECTION.matcher(text.strip());
        if (!matcher.matches()) {
            throw new IllegalArgumentException("rejected by sales '" + text + "' is not REASON AGE, e.g. NO_BUDGET 10d");
        }
        String reason = matcher.group(1).toUpperCase(Locale.ROOT);
        if (!reasons.isEmpty() && reasons.find(ReasonEvent.REJECTED, reason).isEmpty()) {
            throw new IllegalArgumentException("'" + reason + "' is not a REJECTED reason of the policy's reasons");
        }
        long age = Long.parseLong(matcher.group(2));
        Instant rejectedAt = asOf.minus(matcher.group(3).equals("d") ? Duration.ofDays(age) : Duration.ofHours(age));
        return new SalesHistory(asOf, "MARKETING", null, null, null, rejectedAt, reason, reasons.heldUntil(rejectedAt, reason), 0, null,
                null);
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

    private static boolean flag(Map<String, String> row, String label) {
        String value = row.get(label);
        if (value == null) {
            return false;
        }
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "true", "yes", "y", "x", "1" -> true;
            case "false", "no", "n", "0" -> false;
            default -> throw new IllegalArgumentException(label + " '" + value + "' is not yes/no");
        };
    }

    private static Integer number(Map<String, String> row, String label) {
        String value = row.get(label);
        if (value == null) {
            return null;
        }
        try {
            return (int) Math.round(Double.parseDouble(value.replace(",", "")));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(label + " '" + value + "' is not a number");
        }
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
