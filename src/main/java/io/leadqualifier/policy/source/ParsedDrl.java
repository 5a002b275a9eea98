package io.leadqualifier.policy.source;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

import org.antlr.runtime.ANTLRStringStream;
import org.antlr.runtime.Token;
import org.drools.drl.ast.descr.ConstraintConnectiveDescr;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.ast.descr.RuleDescr;
import org.drools.drl.parser.DrlExprParser;
import org.drools.drl.parser.DrlExprParserFactory;
import org.drools.drl.parser.DrlParser;
import org.drools.drl.parser.DroolsError;
import org.drools.drl.parser.DroolsParserException;
import org.drools.drl.parser.ParserError;
import org.drools.drl.parser.lang.DRL6Lexer;
import org.kie.internal.builder.conf.LanguageLevelOption;

/**
 * One DRL source as the engine reads it, with the engine's own parser: its package tree (rules, imports, globals,
 * functions, patterns and constraints; consequences as text), or the parser's errors when it does not parse;
 * where each rule and consequence is; and for a sheet of a decision table, the row each rule was generated from.
 */
public final class ParsedDrl {
    /** The level the KIE builder parses at: its default, which this service does not change. */
    private static final LanguageLevelOption LEVEL = DrlParser.DEFAULT_LANGUAGE_LEVEL;
    /** The decision-table compiler writes "// rule values at C12, header at C7" before each rule it makes of a row. */
    private static final String ROW_COMMENT = "// rule values at";

    private final DrlSource source;
    private final PackageDescr tree;
    private final List<DroolsError> errors;
    private final int[] lineStarts;
    /** For a table sheet: the line of each row comment (a comment to the lexer, not text in a string) and its cell. */
    private final NavigableMap<Integer, String> rowComments = new TreeMap<>();

    private ParsedDrl(DrlSource source) {
        this.source = source;
        String drl = source.drl();
        DrlParser parser = new DrlParser(LEVEL);
        PackageDescr parsed;
        List<DroolsError> found = new ArrayList<>();
        try {
            parsed = parser.parse(false, drl);
            found.addAll(parser.getErrors());
        } catch (DroolsParserException e) {
            parsed = null;
            found.add(new ParserError(e.getMessage(), e.getLineNumber(), e.getColumn()));
        }
        this.tree = found.isEmpty() ? parsed : null;
        this.errors = List.copyOf(found);
        List<Integer> starts = new ArrayList<>(List.of(0));
        for (int i = 0; i < drl.length(); i++) {
            if (drl.charAt(i) == '\n') {
                starts.add(i + 1);
            }
        }
        this.lineStarts = starts.stream().mapToInt(Integer::intValue).toArray();
        if (source.sheet() != null) {
            DRL6Lexer lexer = new DRL6Lexer(new ANTLRStringStream(drl));
            for (Token token = lexer.nextToken(); token.getType() != Token.EOF; token = lexer.nextToken()) {
                if (token.getType() == DRL6Lexer.C_STYLE_SINGLE_LINE_COMMENT && token.getText().startsWith(ROW_COMMENT)) {
                    String cells = token.getText().substring(ROW_COMMENT.length()).strip();
                    int comma = cells.indexOf(',');
                    rowComments.put(token.getLine(), comma < 0 ? cells : cells.substring(0, comma));
                }
            }
        }
    }

    public static ParsedDrl of(DrlSource source) {
        return new ParsedDrl(source);
    }

    public DrlSource source() {
        return source;
    }

    /** The package tree; null when the DRL does not parse (then {@link #errors()} says why). */
    public PackageDescr tree() {
        return tree;
    }

    public List<DroolsError> errors() {
        return errors;
    }

    /** The rules (and queries), in the order written; none when the DRL does not parse. */
    public List<RuleDescr> rules() {
        return tree == null ? List.of() : tree.getRules();
    }

    /** The rule as written, from {@code rule} to {@code end}. */
    public String text(RuleDescr rule) {
        return source.drl().substring(rule.getStartCharacter(), rule.getEndCharacter());
    }

    /**
     * The line on which a piece of a rule's consequence starts. The parser keeps the consequence as text, with the
     * line of its {@code then}; the text itself is found between {@code then} and {@code end}.
     */
    public int lineOf(String code, RuleDescr rule) {
        int at = source.drl().lastIndexOf(code.strip(), rule.getEndCharacter());
        return at >= rule.getStartCharacter() ? line(at) : Math.max(rule.getConsequenceLine(), rule.getLine());
    }

    /** The 1-based line of a character of the DRL. */
    public int line(int offset) {
        int index = Arrays.binarySearch(lineStarts, offset);
        return index >= 0 ? index + 1 : -index - 1;
    }

    /** Where a line of this DRL is for a human: a line of a DRL file, or the sheet row (and rule) of a table. */
    public String locate(int line) {
        if (source.sheet() == null) {
            return "line " + line;
        }
        // The rule written at or above the line, unless a row comment comes between (the line is then before a rule).
        RuleDescr rule = rules().stream().filter(r -> r.getLine() <= line).reduce((first, second) -> second).orElse(null);
        Map.Entry<Integer, String> comment = rowComments.floorEntry(line);
        if (rule != null && comment != null && comment.getKey() >= rule.getLine()) {
            rule = null;
        }
        String cell = rule == null ? (comment == null ? null : comment.getValue()) : rowCell(rule);
        if (cell == null) {
            return "sheet " + source.sheet() + ", the RuleSet/Import/Variables header";
        }
        return "sheet " + source.sheet() + ", row starting at cell " + cell
                + (rule == null ? "" : ", rule \"" + rule.getName() + "\"");
    }

    /** For a decision-table sheet: each rule it generated, and where its row is ("sheet Fit, row 12"). */
    Map<String, String> ruleRows() {
        Map<String, String> rows = new LinkedHashMap<>();
        for (RuleDescr rule : rules()) {
            String cell = source.sheet() == null ? null : rowCell(rule);
            if (cell != null) {
                rows.put(rule.getName(), "sheet " + source.sheet() + ", row " + cell.replaceAll("^[A-Z]+", ""));
            }
        }
        return rows;
    }

    /** The first cell of the row a generated rule comes from: the row comment right before it, after the rule before. */
    private String rowCell(RuleDescr rule) {
        Map.Entry<Integer, String> comment = rowComments.floorEntry(rule.getLine());
        int previousEnd = rules().stream().mapToInt(RuleDescr::getEndLine).filter(end -> end < rule.getLine()).max().orElse(0);
        return comment == null || comment.getKey() <= previousEnd ? null : comment.getValue();
    }

    /** A constraint parsed by the engine's expression parser, as the rule compiler parses it; null if it does not parse. */
    public static ConstraintConnectiveDescr constraint(String expression) {
        DrlExprParser parser = DrlExprParserFactory.getDrlExprParser(LEVEL);
        ConstraintConnectiveDescr parsed = parser.parse(expression);
        return parser.hasErrors() ? null : parsed;
    }
}
