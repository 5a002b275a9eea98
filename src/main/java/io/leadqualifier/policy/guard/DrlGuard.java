package io.leadqualifier.policy.guard;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.drools.drl.ast.descr.AbstractClassTypeDeclarationDescr;
import org.drools.drl.ast.descr.AccumulateDescr;
import org.drools.drl.ast.descr.AnnotatedBaseDescr;
import org.drools.drl.ast.descr.AnnotationDescr;
import org.drools.drl.ast.descr.AttributeDescr;
import org.drools.drl.ast.descr.BaseDescr;
import org.drools.drl.ast.descr.BehaviorDescr;
import org.drools.drl.ast.descr.CollectDescr;
import org.drools.drl.ast.descr.ConditionalBranchDescr;
import org.drools.drl.ast.descr.ConditionalElementDescr;
import org.drools.drl.ast.descr.EntryPointDescr;
import org.drools.drl.ast.descr.EnumDeclarationDescr;
import org.drools.drl.ast.descr.EnumLiteralDescr;
import org.drools.drl.ast.descr.EvalDescr;
import org.drools.drl.ast.descr.ExprConstraintDescr;
import org.drools.drl.ast.descr.FromDescr;
import org.drools.drl.ast.descr.FunctionDescr;
import org.drools.drl.ast.descr.GlobalDescr;
import org.drools.drl.ast.descr.GroupByDescr;
import org.drools.drl.ast.descr.ImportDescr;
import org.drools.drl.ast.descr.NamedConsequenceDescr;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.ast.descr.PatternDescr;
import org.drools.drl.ast.descr.PatternSourceDescr;
import org.drools.drl.ast.descr.QualifiedName;
import org.drools.drl.ast.descr.QueryDescr;
import org.drools.drl.ast.descr.RuleDescr;
import org.drools.drl.ast.descr.TypeFieldDescr;
import org.drools.drl.ast.descr.WindowDeclarationDescr;
import org.drools.drl.ast.descr.WindowReferenceDescr;
import org.drools.drl.parser.DroolsError;
import org.drools.drl.parser.ParserError;

import io.leadqualifier.policy.source.CodeTokens;
import io.leadqualifier.policy.source.DrlSource;
import io.leadqualifier.policy.source.ParsedDrl;
import io.leadqualifier.policy.source.PolicyProblem;

/**
 * DRL is Java: a rule can call anything on the class path. Before the engine sees a policy, every DRL (a file, or
 * generated from a table) is read with the engine's own parser, and every part of its tree is held against
 * {@link CodeAllowlist}: imports, globals and declared types by name; constraints, attributes and consequences token
 * by token, comments and literals aside. DRL functions (they can recurse), dialects other than Java, constructs this
 * guard does not read, and DRL the parser cannot read are refused. Each refusal names its line (or sheet and row).
 */
public final class DrlGuard {
    private final ParsedDrl parsed;
    private final Set<String> declaredTypes = new HashSet<>();
    private final Set<PolicyProblem> problems = new LinkedHashSet<>();

    private DrlGuard(ParsedDrl parsed) {
        this.parsed = parsed;
    }

    public static List<PolicyProblem> check(DrlSource source) {
        DrlGuard guard = new DrlGuard(ParsedDrl.of(source));
        guard.unicodeEscapes(source.drl());
        if (guard.parsed.tree() == null) {
            guard.unreadable();
        } else {
            guard.walk(guard.parsed.tree());
        }
        return List.copyOf(guard.problems);
    }

    /** Java reads {@code \u0053ystem} as {@code System}, in comments and literals too: no lexer of ours needs to agree. */
    private void unicodeEscapes(String drl) {
        if (drl.contains("\\u")) {
            problems.add(new PolicyProblem(parsed.source().file(), parsed.locate(parsed.line(drl.indexOf("\\u"))),
                    "unicode escapes (\\u…) are not allowed in a policy: Java reads them as code"));
        }
    }

    /** What the parser cannot read, the guard cannot check: refused with the parser's own words, as the engine says them. */
    private void unreadable() {
        for (DroolsError error : parsed.errors()) {
            int line = error instanceof ParserError at ? at.getRow() : error.getLines().length > 0 ? error.getLines()[0] : 0;
            int column = error instanceof ParserError at ? at.getCol() : 0;
            String place = line <= 0 ? null
                    : parsed.locate(line) + (parsed.source().sheet() == null && column > 0 ? ", column " + column : "");
            problems.add(new PolicyProblem(parsed.source().file(), place, error.getMessage()));
        }
        if (parsed.errors().isEmpty()) {
            problems.add(new PolicyProblem(parsed.source().file(), null, "the DRL parser read nothing from this file"));
        }
    }

    private void walk(PackageDescr drl) {
        drl.getClassAndEnumDeclarationDescrs().forEach(type -> declaredTypes.add(type.getTypeName()));
        expression(drl.getName(), drl.getLine());
        if (drl.getUnit() != null) {
            expression(drl.getUnit().getTarget(), drl.getUnit().getLine());
        }
        for (ImportDescr imported : drl.getImports()) {
            imported("import ", imported);
        }
        drl.getFunctionImports().forEach(imported -> imported("import function ", imported));
        drl.getAccumulateImports().forEach(imported -> imported("import accumulate ", imported));
        for (GlobalDescr global : drl.getGlobals()) {
            expression(global.getType(), global.getLine());
        }
        for (FunctionDescr function : drl.getFunctions()) {
            refuse(function.getLine(), "function " + function.getName(), "declares a DRL function (it can recurse without end)");
        }
        attributes(drl.getAttributes(), drl.getLine());
        drl.getClassAndEnumDeclarationDescrs().forEach(this::declaration);
        for (WindowDeclarationDescr window : drl.getWindowDeclarations()) {
            condition(window.getPattern(), window.getLine());
        }
        drl.getRules().forEach(this::rule);
    }

    private void imported(String keyword, ImportDescr imported) {
        if (!CodeAllowlist.importAllowed(imported.getTarget())) {
            refuse(imported.getLine(), keyword + imported.getTarget(), "is outside the allowlist " + CodeAllowlist.ALLOWLIST);
        }
    }

    private void declaration(AbstractClassTypeDeclarationDescr type) {
        int line = type.getLine();
        type.getSuperTypes().stream().map(QualifiedName::getFullName).forEach(name -> expression(name, line));
        annotations(type, line);
        for (TypeFieldDescr field : type.getFields().values()) {
            int at = field.getLine() > 0 ? field.getLine() : line;
            expression(field.getPattern().getObjectType(), at);
            expression(field.getInitExpr(), at);
            annotations(field, at);
        }
        if (type instanceof EnumDeclarationDescr enumeration) {
            for (EnumLiteralDescr literal : enumeration.getLiterals()) {
                literal.getConstructorArgs().forEach(argument -> expression(argument, line));
            }
        }
    }

    private void rule(RuleDescr rule) {
        int line = rule.getLine();
        attributes(rule.getAttributes().values(), line);
        annotations(rule, line);
        if (rule instanceof QueryDescr query && query.getParameterTypes() != null) {
            for (String type : query.getParameterTypes()) {
                expression(type, line);
            }
        }
        condition(rule.getLhs(), line);
        List<Object> consequences = new ArrayList<>(rule.getNamedConsequences().values());
        consequences.add(0, rule.getConsequence());
        for (Object consequence : consequences) {
            if (consequence instanceof String code) {
                java(code, parsed.lineOf(code, rule));
            }
        }
    }

    private void attributes(Collection<AttributeDescr> attributes, int line) {
        for (AttributeDescr attribute : attributes) {
            int at = attribute.getLine() > 0 ? attribute.getLine() : line;
            if (attribute.getName().equals("dialect") && !attribute.getValue().equals("java")) {
                refuse(at, "dialect \"" + attribute.getValue() + "\"", "is a dialect the guard does not read (write Java)");
            } else if (attribute.getType() == AttributeDescr.Type.EXPRESSION) {
                expression(attribute.getValue(), at);
            }
        }
    }

    private void annotations(AnnotatedBaseDescr annotated, int line) {
        for (AnnotationDescr annotation : annotated.getAnnotations()) {
            int at = annotation.getLine() > 0 ? annotation.getLine() : line;
            expression(annotation.getName(), at);
            for (Object value : annotation.getValueMap().values()) {
                for (Object each : value instanceof Object[] values ? values : new Object[] {value}) {
                    expression(String.valueOf(each), at);
                }
            }
        }
    }

    /** The left-hand side, walked whole: a construct not known here is refused rather than skipped. */
    private void condition(BaseDescr descr, int enclosing) {
        int line = descr.getLine() > 0 ? descr.getLine() : enclosing;
        if (descr instanceof PatternDescr pattern) {
            pattern(pattern, line);
        } else if (descr instanceof EvalDescr eval) {
            java(String.valueOf(eval.getContent()), line);
        } else if (descr instanceof ConditionalBranchDescr branch) {
            condition(branch.getCondition(), line);
            if (branch.getElseBranch() != null) {
                condition(branch.getElseBranch(), line);
            }
        } else if (descr instanceof ConditionalElementDescr group && !(descr instanceof PatternSourceDescr)) {
            group.getDescrs().forEach(child -> condition((BaseDescr) child, line));
        } else if (!(descr instanceof NamedConsequenceDescr)) { // do[name]: checked with the rule's consequences
            unsupported(descr, line);
        }
    }

    private void pattern(PatternDescr pattern, int line) {
        expression(pattern.getObjectType(), line);
        annotations(pattern, line);
        for (BaseDescr constraint : pattern.getDescrs()) {
            int at = constraint.getLine() > 0 ? constraint.getLine() : line;
            if (constraint instanceof ExprConstraintDescr expression) {
                expression(expression.getExpression(), at);
            } else {
                unsupported(constraint, at);
            }
        }
        for (BehaviorDescr behavior : pattern.getBehaviors()) {
            behavior.getParameters().forEach(parameter -> expression(parameter, line));
        }
        source(pattern.getSource(), line);
    }

    private void source(PatternSourceDescr source, int line) {
        if (source == null || source instanceof EntryPointDescr || source instanceof WindowReferenceDescr) {
            return;
        }
        if (source instanceof FromDescr from) {
            expression(from.getExpression(), line);
        } else if (source instanceof AccumulateDescr accumulate) {
            accumulate.getDescrs().forEach(input -> condition(input, line));
            for (String code : new String[] {accumulate.getInitCode(), accumulate.getActionCode(), accumulate.getReverseCode(),
                    accumulate.getResultCode()}) {
                java(code, line);
            }
            for (AccumulateDescr.AccumulateFunctionCallDescr function : accumulate.getFunctions()) {
                expression(function.getFunction(), line);
                for (String parameter : function.getParams()) {
                    expression(parameter, line);
                }
            }
            if (accumulate instanceof GroupByDescr groupBy) {
                expression(groupBy.getGroupingKey(), line);
                expression(groupBy.getGroupingFunction(), line);
            }
        } else if (source instanceof CollectDescr collect) {
            collect.getDescrs().forEach(input -> condition(input, line));
        } else {
            unsupported(source, line);
        }
    }

    /** A DRL expression, type or attribute value: read with the DRL lexer, as the engine reads it. */
    private void expression(String text, int line) {
        if (text != null) {
            findings(CodeAllowlist.check(CodeTokens.drl(text, line), declaredTypes));
        }
    }

    /** Java (a consequence, an eval, accumulate code): read with the scanner of the compiler that compiles it. */
    private void java(String code, int line) {
        if (code == null) {
            return;
        }
        try {
            findings(CodeAllowlist.check(CodeTokens.java(code, line), declaredTypes));
        } catch (CodeTokens.Unreadable e) {
            problems.add(new PolicyProblem(parsed.source().file(), parsed.locate(e.line),
                    "code the guard cannot read as Java (" + e.getMessage() + "): not allowed in a policy"));
        }
    }

    private void findings(List<CodeAllowlist.Finding> findings) {
        findings.forEach(finding -> refuse(finding.line(), finding.what(), finding.why()));
    }

    private void unsupported(BaseDescr descr, int line) {
        String text = descr.getText() == null || descr.getText().isBlank() ? descr.getClass().getSimpleName().replace("Descr", "")
                : descr.getText().strip();
        refuse(line, text, "is DRL the guard does not read");
    }

    private void refuse(int line, String what, String why) {
        problems.add(new PolicyProblem(parsed.source().file(), line > 0 ? parsed.locate(line) : null,
                "'" + what + "' " + why + ": not allowed in a policy"));
    }
}
