package io.leadqualifier.policy.source;

import java.util.ArrayList;
import java.util.List;

import org.antlr.runtime.ANTLRStringStream;
import org.antlr.runtime.Token;
import org.drools.drl.parser.lang.DRL6Lexer;
import org.eclipse.jdt.core.compiler.InvalidInputException;
import org.eclipse.jdt.internal.compiler.classfmt.ClassFileConstants;
import org.eclipse.jdt.internal.compiler.parser.Scanner;
import org.eclipse.jdt.internal.compiler.parser.TerminalToken;

/**
 * Code kept as text in the DRL tree, cut into tokens by the lexer that reads it in the engine, so that comments
 * and literals are told from code exactly as the engine tells them: Java (consequences, {@code eval}, accumulate
 * code) by the scanner of the Eclipse compiler that compiles it, DRL expressions (constraints, {@code from},
 * attributes) by the DRL lexer. Comments are dropped; a literal keeps its place but not its text.
 */
public final class CodeTokens {
    /** A word (identifier or keyword), a literal (string, text block, character, number) or a symbol. */
    public enum Kind {
        WORD, LITERAL, SYMBOL
    }

    /** One token and the line it starts on. */
    public record Tok(Kind kind, String text, int line) {
        public boolean is(String symbolOrWord) {
            return kind != Kind.LITERAL && text.equals(symbolOrWord);
        }
    }

    /** Java the guard cannot read, as the compiler could not: an unterminated literal, a stray character. */
    public static final class Unreadable extends Exception {
        public final int line;

        Unreadable(String message, int line) {
            super(message);
            this.line = line;
        }
    }

    private CodeTokens() {
    }

    /** Java code, its first line being {@code firstLine} of the DRL. */
    public static List<Tok> java(String code, int firstLine) throws Unreadable {
        long level = ClassFileConstants.getLatestJDKLevel(); // the newest syntax: text blocks are literals too
        Scanner scanner = new Scanner(false, false, false, level, level, null, null, true, false);
        scanner.setSource(code.toCharArray());
        List<Tok> tokens = new ArrayList<>();
        int line = firstLine;
        int counted = 0;
        try {
            for (TerminalToken token = scanner.getNextToken(); token != TerminalToken.TokenNameEOF; token = scanner.getNextToken()) {
                line += newlines(code, counted, scanner.getCurrentTokenStartPosition());
                counted = scanner.getCurrentTokenStartPosition();
                tokens.add(new Tok(kind(token), new String(scanner.getCurrentTokenSource()), line));
            }
        } catch (InvalidInputException e) {
            throw new Unreadable(e.getMessage(), line + newlines(code, counted, Math.min(scanner.currentPosition, code.length())));
        }
        return tokens;
    }

    /** A DRL expression (or type, or attribute value), its first line being {@code firstLine} of the DRL. */
    public static List<Tok> drl(String expression, int firstLine) {
        DRL6Lexer lexer = new DRL6Lexer(new ANTLRStringStream(expression));
        List<Tok> tokens = new ArrayList<>();
        for (Token token = lexer.nextToken(); token.getType() != Token.EOF; token = lexer.nextToken()) {
            if (token.getChannel() == Token.HIDDEN_CHANNEL) {
                continue; // white space and comments
            }
            Kind kind = switch (token.getType()) {
                case DRL6Lexer.ID -> Kind.WORD;
                case DRL6Lexer.STRING, DRL6Lexer.DECIMAL, DRL6Lexer.FLOAT, DRL6Lexer.HEX, DRL6Lexer.TIME_INTERVAL,
                        DRL6Lexer.BOOL, DRL6Lexer.NULL -> Kind.LITERAL;
                default -> Kind.SYMBOL;
            };
            tokens.add(new Tok(kind, token.getText(), firstLine + token.getLine() - 1));
        }
        return tokens;
    }

    /** The tokens as one line, one space apart: the same for two texts that differ only in comments and layout. */
    public static String normalised(String drl) {
        StringBuilder out = new StringBuilder();
        DRL6Lexer lexer = new DRL6Lexer(new ANTLRStringStream(drl));
        for (Token token = lexer.nextToken(); token.getType() != Token.EOF; token = lexer.nextToken()) {
            if (token.getChannel() != Token.HIDDEN_CHANNEL) {
                out.append(out.isEmpty() ? "" : " ").append(token.getText());
            }
        }
        return out.toString();
    }

    private static Kind kind(TerminalToken token) {
        String name = token.name().substring("TokenName".length());
        if (token == TerminalToken.TokenNameIdentifier || Character.isLowerCase(name.charAt(0))) {
            return Kind.WORD; // identifiers and keywords (TokenNamewhile, TokenNameclass…)
        }
        return name.endsWith("Literal") || token == TerminalToken.TokenNameTextBlock ? Kind.LITERAL : Kind.SYMBOL;
    }

    private static int newlines(String text, int from, int to) {
        int count = 0;
        for (int i = from; i < to; i++) {
            if (text.charAt(i) == '\n') {
                count++;
            }
        }
        return count;
    }
}
