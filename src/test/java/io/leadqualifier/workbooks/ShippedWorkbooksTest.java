package io.leadqualifier.workbooks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.drools.decisiontable.SpreadsheetCompiler;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import io.leadqualifier.facts.ChecklistBox;
import io.leadqualifier.facts.LegalBasis;
import io.leadqualifier.facts.Route;
import io.leadqualifier.facts.Seniority;
import io.leadqualifier.facts.SourceKind;
import io.leadqualifier.facts.Stage;
import io.leadqualifier.facts.Temperature;
import io.leadqualifier.handoff.reasons.ReasonEvent;
import io.leadqualifier.handoff.tables.HandoffTables;
import io.leadqualifier.handoff.tables.TableWorkbook;

/**
 * Every workbook shipped in decision-tables/ guides whoever opens it in a spreadsheet program (see {@link Guidance}),
 * holds exactly the cells the code in this package writes, and, for a decision table, gives the engine the same rules
 * as the same cells without any guidance.
 */
class ShippedWorkbooksTest {
    private static final Path FOLDER = Path.of("decision-tables");
    private static final DataFormatter TEXT = new DataFormatter(Locale.ROOT);
    private static final List<String> SCENARIO_FLAGS = List.of("Decision maker", "Competitor", "Opted out", "Do not email", "Need",
            "Budget", "Authority", "Meeting booked", "Proposal requested", "Negotiation started");

    static Stream<String> shipped() throws IOException {
        try (Stream<Path> files = Files.list(FOLDER)) {
            return files.map(file -> file.getFileName().toString()).filter(name -> name.endsWith(".xlsx")).sorted().toList().stream();
        }
    }

    /** The vocabularies, from the fact model and from the shipped roster, calendars and engagement table. */
    private static Guidance.Vocabulary vocabulary() throws IOException {
        Map<String, List<String>> enums = new TreeMap<>();
        for (Class<? extends Enum<?>> type : List.of(Stage.class, Temperature.class, Route.class, Seniority.class, ChecklistBox.class,
                SourceKind.class, LegalBasis.class)) {
            enums.put(type.getSimpleName(), Arrays.stream(type.getEnumConstants()).map(Enum::name).toList());
        }
        HandoffTables tables = HandoffTables.read(List.of(table("sales-roster.xlsx")), List.of(table("business-calendars.xlsx")),
                List.of(table("rejection-reasons.xlsx"))).tables();
        Map<String, List<String>> dataColumns = new LinkedHashMap<>();
        dataColumns.put("Seniority", enums.get("Seniority"));
        dataColumns.put("Expected stage", enums.get("Stage"));
        dataColumns.put("Expected route", enums.get("Route"));
        dataColumns.put("Expected temperature", enums.get("Temperature"));
        dataColumns.put("Event", Arrays.stream(ReasonEvent.values()).map(Enum::name).toList());
        dataColumns.put("Queue", List.copyOf(tables.roster().queues()));
        dataColumns.put("Active", List.of("yes", "no"));
        dataColumns.put("Free text", List.of("yes", "no"));
        SCENARIO_FLAGS.forEach(flag -> dataColumns.put(flag, List.of("yes", "no")));
        return new Guidance.Vocabulary(enums, dataColumns, List.copyOf(tables.roster().queues()), tables.calendars().names(),
                cells("engagement-scoring.xlsx", "Engagement", "C"));
    }

    private static TableWorkbook table(String file) throws IOException {
        return new TableWorkbook("decision-tables/" + file, Files.readAllBytes(FOLDER.resolve(file)));
    }

    /** The non-empty values of a column under its label row (row 10 of a decision table). */
    private static List<String> cells(String file, String sheet, String column) throws IOException {
        try (Workbook book = WorkbookFactory.create(FOLDER.resolve(file).toFile(), null, true)) {
            int index = column.charAt(0) - 'A';
            return StreamSupport.stream(book.getSheet(sheet).spliterator(), false)
                    .filter(row -> row.getRowNum() > 9 && row.getCell(index) != null)
                    .map(row -> TEXT.formatCellValue(row.getCell(index))).filter(value -> !value.isBlank()).toList();
        }
    }

    @ParameterizedTest
    @MethodSource("shipped")
    void guidesWhoeverOpensIt(String file) throws IOException {
        assertThat(Guidance.missing(Files.readAllBytes(FOLDER.resolve(file)), vocabulary())).isEmpty();
    }

    @Test
    void theSameCellsWithoutGuidanceLackEveryPartOfIt() throws IOException {
        byte[] plain = ShippedWorkbooks.rules(false).get("routing.xlsx").get();

        assertThat(String.join("\n", Guidance.missing(plain, vocabulary()))).contains("structure is not locked",
                "technical row 1 is in view", "row 12 is not open to typing", "not protected", "are not frozen",
                "not printed one page wide", "not repeated on each printed page", "column Stage in: no custom validation",
                "column Route: no list validation", "column Opted out: no list validation");
    }

    @Test
    void aTechnicalCellLeftOpenOrAListLeftOutIsFound() throws IOException {
        try (XSSFWorkbook book = new XSSFWorkbook(Files.newInputStream(FOLDER.resolve("handoff-sla.xlsx")))) {
            XSSFSheet sheet = book.getSheetAt(0);
            CellStyle open = book.createCellStyle();
            open.setLocked(false);
            sheet.getRow(8).getCell(2).setCellStyle(open);
            sheet.getCTWorksheet().getDataValidations().removeDataValidation(0);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            book.write(out);

            assertThat(Guidance.missing(out.toByteArray(), vocabulary())).containsExactly(
                    "sheet Hand-off SLA: row 9, above the labels, has cells that can be typed in",
                    "sheet Hand-off SLA: column Stage: no list validation over its entries and the rows under them");
        }
    }

    @Test
    void everyShippedWorkbookIsWrittenByTheCodeHereCellForCell() throws IOException {
        assertThat(shipped().toList()).containsExactlyInAnyOrderElementsOf(ShippedWorkbooks.all().keySet());
        for (Map.Entry<String, Supplier<byte[]>> workbook : ShippedWorkbooks.all().entrySet()) {
            assertThat(cellsOf(workbook.getValue().get())).as(workbook.getKey())
                    .isEqualTo(cellsOf(Files.readAllBytes(FOLDER.resolve(workbook.getKey()))));
        }
    }

    @Test
    void theEngineReadsTheGuidedTablesAsTheSameCellsAlone() throws IOException {
        for (Map.Entry<String, Supplier<byte[]>> table : ShippedWorkbooks.rules(false).entrySet()) {
            byte[] shipped = Files.readAllBytes(FOLDER.resolve(table.getKey()));
            byte[] plain = table.getValue().get();
            for (String sheet : cellsOf(shipped).keySet()) {
                String drl = new SpreadsheetCompiler().compile(new ByteArrayInputStream(shipped), sheet);
                assertThat(drl).as(table.getKey() + ", sheet " + sheet).contains("\nrule ")
                        .isEqualTo(new SpreadsheetCompiler().compile(new ByteArrayInputStream(plain), sheet));
            }
        }
    }

    /** Sheet → cell address → the value as shown. */
    private static Map<String, Map<String, String>> cellsOf(byte[] workbook) throws IOException {
        Map<String, Map<String, String>> sheets = new LinkedHashMap<>();
        try (Workbook book = WorkbookFactory.create(new ByteArrayInputStream(workbook))) {
            for (Sheet sheet : book) {
                Map<String, String> cells = new TreeMap<>();
                for (Row row : sheet) {
                    for (Cell cell : row) {
                        String value = TEXT.formatCellValue(cell);
                        if (!value.isBlank()) {
                            cells.put(cell.getAddress().formatAsString(), value);
                        }
                    }
                }
                sheets.put(sheet.getSheetName(), cells);
            }
        }
        return sheets;
    }
}
