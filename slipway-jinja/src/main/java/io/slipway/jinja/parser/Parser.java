package io.slipway.jinja.parser;

import io.slipway.jinja.BlockTag;
import io.slipway.jinja.Environment;
import io.slipway.jinja.JinjaException;
import io.slipway.jinja.TagParser;
import io.slipway.jinja.lexer.Lexer;
import io.slipway.jinja.lexer.PyLiterals;
import io.slipway.jinja.lexer.SyntaxErrors;
import io.slipway.jinja.lexer.Token;
import io.slipway.jinja.lexer.TokenType;
import io.slipway.jinja.runtime.MacroSpec;
import io.slipway.jinja.runtime.Source;
import io.slipway.jinja.tree.And;
import io.slipway.jinja.tree.Assign;
import io.slipway.jinja.tree.AssignBlock;
import io.slipway.jinja.tree.BinOp;
import io.slipway.jinja.tree.Call;
import io.slipway.jinja.tree.CallArgs;
import io.slipway.jinja.tree.CallBlock;
import io.slipway.jinja.tree.Compare;
import io.slipway.jinja.tree.Concat;
import io.slipway.jinja.tree.CondExpr;
import io.slipway.jinja.tree.Const;
import io.slipway.jinja.tree.DictLit;
import io.slipway.jinja.tree.Do;
import io.slipway.jinja.tree.Expr;
import io.slipway.jinja.tree.FilterBlock;
import io.slipway.jinja.tree.FilterCall;
import io.slipway.jinja.tree.FilterExpr;
import io.slipway.jinja.tree.For;
import io.slipway.jinja.tree.GetAttr;
import io.slipway.jinja.tree.GetItem;
import io.slipway.jinja.tree.If;
import io.slipway.jinja.tree.ListLit;
import io.slipway.jinja.tree.Literal;
import io.slipway.jinja.tree.LoopControl;
import io.slipway.jinja.tree.MacroDef;
import io.slipway.jinja.tree.Name;
import io.slipway.jinja.tree.NameTarget;
import io.slipway.jinja.tree.NeedsLoader;
import io.slipway.jinja.tree.Not;
import io.slipway.jinja.tree.NsRef;
import io.slipway.jinja.tree.NsTarget;
import io.slipway.jinja.tree.Or;
import io.slipway.jinja.tree.Output;
import io.slipway.jinja.tree.Autoescape;
import io.slipway.jinja.tree.BlockStmt;
import io.slipway.jinja.tree.ScopeInfo;
import io.slipway.jinja.tree.Slice;
import io.slipway.jinja.tree.SliceItem;
import io.slipway.jinja.tree.Stmt;
import io.slipway.jinja.tree.Target;
import io.slipway.jinja.tree.TestCall;
import io.slipway.jinja.tree.TestExpr;
import io.slipway.jinja.tree.TupleLit;
import io.slipway.jinja.tree.TupleTarget;
import io.slipway.jinja.tree.Unary;
import io.slipway.jinja.tree.With;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Jinja2's parser: the same grammar, precedence and error messages, producing the immutable tree of
 * {@link io.slipway.jinja.tree}. Also does what Jinja2's compiler checks at compile time: unknown filters
 * and tests outside {@code if} ({@code TemplateAssertionError}), assignments to {@code loop}, {@code break}
 * outside a loop, and which of {@code caller}, {@code varargs}, {@code kwargs}, {@code loop} a body uses.
 * One instance per parse.
 */
public final class Parser {
    private static final Set<String> STATEMENT_KEYWORDS = Set.of("for", "if", "block", "extends", "print", "macro",
            "include", "from", "import", "set", "with", "autoescape");

    private final Environment environment;
    private final TokenStream stream;
    private final Source source;
    private final String templateName;

    private final List<String> tagStack = new ArrayList<>();
    private final List<String[]> endTokenStack = new ArrayList<>();
    /** Names loaded and stored, in source order, to find what a body uses (Jinja2's undeclared-name visitor). */
    private final List<NameEvent> nameEvents = new ArrayList<>();
    /**
     * Errors Jinja2's compiler raises after a successful parse, in the order it would meet them: unknown
     * filters and tests (unless inside {@code if}), assignments to {@code loop}, a misplaced {@code caller}.
     */
    private final List<Deferred> deferred = new ArrayList<>();
    /** {@code break}/{@code continue} outside a loop: Python's own compile error, raised after all of Jinja2's. */
    private Deferred loopControlError;
    /** Inside an {@code if} or conditional expression of the current scope, where unknown filters fail late. */
    private boolean soft;
    private int loopDepth;
    /** Jinja2's symbol analysis: the scope whose names are being parsed. */
    private final Symbols symbols = new Symbols();
    private Symbols.Scope scope;
    /** Parsing an assignment target: its names are recorded as stores by the caller, not as loads. */
    private boolean inTarget;
    private final Map<String, BlockStmt> blocks = new LinkedHashMap<>();
    private BlockStmt duplicateBlock;

    private record NameEvent(String name, boolean store, int line) {
    }

    private static final class Deferred {
        final String type;
        String message;
        int line;
        /** An unknown filter or test inside {@code if}: fails when reached instead. */
        boolean soft;

        Deferred(String type, String message, int line, boolean soft) {
            this.type = type;
            this.message = message;
            this.line = line;
            this.soft = soft;
        }
    }

    /** A place in the compile order for an error found later in the parse (filled in, or left empty). */
    private Deferred reserve(int line) {
        Deferred d = new Deferred("TemplateAssertionError", null, line, false);
        deferred.add(d);
        return d;
    }

    /**
     * The result of a parse.
     *
     * @param scope    what the top level binds on entry
     * @param blocks   {@code {% block %}}s by name
     * @param usesSelf whether the template reads {@code self} (its blocks)
     */
    public record Result(Stmt[] body, Source source, ScopeInfo scope, List<MacroSpec> macros,
            Map<String, BlockStmt> blocks, boolean usesSelf) {
    }

    public Parser(Environment environment, String text, String templateName) {
        this.environment = environment;
        this.templateName = templateName;
        Lexer lexer = new Lexer(text, templateName, environment.trimBlocks(), environment.lstripBlocks(),
                environment.keepTrailingNewline());
        this.source = new Source(templateName, lexer.source());
        this.stream = new TokenStream(lexer, templateName);
    }

    public Result parse() {
        scope = symbols.open(null);
        ScopeInfo rootScope = scope.info();
        List<Stmt> body = subparse(null);
        if (duplicateBlock != null) {
            throw SyntaxErrors.error("TemplateAssertionError", "block " + PyLiterals.repr(duplicateBlock.name())
                    + " defined twice", templateName, source.text(), duplicateBlock.line());
        }
        for (Deferred d : deferred) {
            if (d.message != null && !d.soft) {
                throw SyntaxErrors.error(d.type, d.message, templateName, source.text(), d.line);
            }
        }
        if (loopControlError != null) {
            throw SyntaxErrors.error(loopControlError.type, loopControlError.message, templateName, source.text(),
                    loopControlError.line);
        }
        List<MacroSpec> macros = new ArrayList<>();
        for (Stmt s : body) {
            if (s instanceof MacroDef m) {
                macros.add(m.spec());
            }
        }
        symbols.analyze();
        boolean usesSelf = !undeclared(0, nameEvents.size(), Set.of("self")).isEmpty();
        return new Result(body.toArray(new Stmt[0]), source, rootScope, List.copyOf(macros), blocks, usesSelf);
    }

    // ================================================================ errors

    private JinjaException fail(String message, int line) {
        return stream.error(message, line);
    }

    private JinjaException fail(String message) {
        return fail(message, stream.current().line());
    }

    private JinjaException failUnknownTagOrEof(String name, List<String[]> endTokens, int line) {
        Set<String> expected = new HashSet<>();
        for (String[] tokens : endTokens) {
            expected.addAll(List.of(tokens));
        }
        String currentlyLooking = null;
        if (!endTokens.isEmpty()) {
            StringBuilder sb = new StringBuilder();
            for (String t : endTokens.get(endTokens.size() - 1)) {
                if (sb.length() > 0) {
                    sb.append(" or ");
                }
                sb.append(PyLiterals.repr(t));
            }
            currentlyLooking = sb.toString();
        }
        List<String> message = new ArrayList<>();
        message.add(name == null ? "Unexpected end of template." : "Encountered unknown tag " + PyLiterals.repr(name) + ".");
        if (currentlyLooking != null) {
            if (name != null && expected.contains(name)) {
                message.add("You probably made a nesting mistake. Jinja is expecting this tag, but currently looking for "
                        + currentlyLooking + ".");
            } else {
                message.add("Jinja was looking for the following tags: " + currentlyLooking + ".");
            }
        }
        if (!tagStack.isEmpty()) {
            message.add("The innermost block that needs to be closed is "
                    + PyLiterals.repr(tagStack.get(tagStack.size() - 1)) + ".");
        }
        return fail(String.join(" ", message), line);
    }

    private JinjaException failEof(String[] endTokens, int line) {
        List<String[]> stack = new ArrayList<>(endTokenStack);
        if (endTokens != null) {
            stack.add(endTokens);
        }
        return failUnknownTagOrEof(null, stack, line);
    }

    // ================================================================ statements

    private List<Stmt> subparse(String[] endTokens) {
        List<Stmt> body = new ArrayList<>();
        List<Object> data = new ArrayList<>();
        int dataLine = 0;
        if (endTokens != null) {
            endTokenStack.add(endTokens);
        }
        try {
            while (!stream.atEof()) {
                Token token = stream.current();
                switch (token.type()) {
                    case DATA -> {
                        String text = (String) token.value();
                        if (!text.isEmpty()) {
                            if (data.isEmpty()) {
                                dataLine = token.line();
                            }
                            data.add(text);
                        }
                        stream.next();
                    }
                    case VARIABLE_BEGIN -> {
                        stream.next();
                        if (data.isEmpty()) {
                            dataLine = stream.current().line();
                        }
                        data.add(parseTuple(false, true, null, false, false));
                        stream.expect(TokenType.VARIABLE_END);
                    }
                    case BLOCK_BEGIN -> {
                        flush(body, data, dataLine);
                        stream.next();
                        if (endTokens != null) {
                            for (String end : endTokens) {
                                if (stream.testName(end)) {
                                    return body;
                                }
                            }
                        }
                        Stmt stmt = parseStatement();
                        if (stmt != null) {
                            body.add(stmt);
                        }
                        stream.expect(TokenType.BLOCK_END);
                    }
                    default -> throw new IllegalStateException("internal parsing error at " + token);
                }
            }
            flush(body, data, dataLine);
        } finally {
            if (endTokens != null) {
                endTokenStack.remove(endTokenStack.size() - 1);
            }
        }
        return body;
    }

    private static void flush(List<Stmt> body, List<Object> data, int line) {
        if (!data.isEmpty()) {
            body.add(new Output(data.toArray(), line));
            data.clear();
        }
    }

    private Stmt parseStatement() {
        Token token = stream.current();
        if (token.type() != TokenType.NAME) {
            throw fail("tag name expected", token.line());
        }
        String tag = (String) token.value();
        tagStack.add(tag);
        boolean popTag = true;
        try {
            if (STATEMENT_KEYWORDS.contains(tag)) {
                return switch (tag) {
                    case "for" -> parseFor();
                    case "if" -> parseIf();
                    case "block" -> parseBlock();
                    case "extends" -> parseExtends();
                    case "print" -> parsePrint();
                    case "macro" -> parseMacro();
                    case "include" -> parseInclude();
                    case "from" -> parseFrom();
                    case "import" -> parseImport();
                    case "set" -> parseSet();
                    case "with" -> parseWith();
                    default -> parseAutoescape();
                };
            }
            switch (tag) {
                case "call":
                    return parseCallBlock();
                case "filter":
                    return parseFilterBlock();
                case "do": {
                    int line = stream.next().line();
                    return new Do(parseTuple(false, true, null, false, false), line);
                }
                case "break":
                case "continue": {
                    Token t = stream.next();
                    if (loopDepth == 0 && loopControlError == null) {
                        loopControlError = new Deferred("SyntaxError",
                                tag.equals("break") ? "'break' outside loop" : "'continue' not properly in loop", t.line(), false);
                    }
                    return new LoopControl(tag.equals("break"), t.line());
                }
                default:
                    break;
            }
            BlockTag blockTag = environment.blockTag(tag);
            if (blockTag != null) {
                return parseBlockTag(blockTag);
            }
            tagStack.remove(tagStack.size() - 1);
            popTag = false;
            throw failUnknownTagOrEof(tag, endTokenStack, token.line());
        } finally {
            if (popTag) {
                tagStack.remove(tagStack.size() - 1);
            }
        }
    }

    private List<Stmt> parseStatements(String[] endTokens, boolean dropNeedle) {
        stream.skipIf(TokenType.COLON);
        stream.expect(TokenType.BLOCK_END);
        List<Stmt> result = subparse(endTokens);
        if (stream.atEof()) {
            throw failEof(endTokens, stream.current().line());
        }
        if (dropNeedle) {
            stream.next();
        }
        return result;
    }

    private static Stmt[] array(List<Stmt> body) {
        return body.toArray(new Stmt[0]);
    }

    private Stmt parseSet() {
        int line = stream.next().line();
        Expr target = parseAssignTarget(true, false, null, true);
        if (stream.skipIf(TokenType.ASSIGN)) {
            Expr value = parseTuple(false, true, null, false, false);
            storeTarget(scope, target);
            return new Assign(toTarget(target), value, line);
        }
        boolean wasSoft = soft;
        soft = false;
        Symbols.Scope outer = scope;
        scope = symbols.open(outer);
        List<FilterCall> filters = parseFilterChain(false);
        List<Stmt> body = parseStatements(new String[] {"endset"}, true);
        ScopeInfo inner = scope.info();
        scope = outer;
        soft = wasSoft;
        storeTarget(scope, target);
        return new AssignBlock(toTarget(target), filters.toArray(new FilterCall[0]), array(body), inner, line);
    }

    private Stmt parseFor() {
        int line = stream.expectName("for").line();
        Deferred loopAssignment = reserve(line);
        int eventsStart = nameEvents.size();
        Expr targetExpr = parseAssignTarget(true, false, new String[] {"in"}, false);
        stream.expectName("in");
        Expr iter = parseTuple(false, false, new String[] {"recursive"}, false, false);
        boolean wasSoft = soft;
        soft = false;
        Symbols.Scope outer = scope;
        Expr test = null;
        Symbols.Scope testScope = symbols.open(outer);
        if (stream.skipIfName("if")) {
            scope = testScope;
            paramTarget(scope, targetExpr);
            test = parseExpression(true);
            scope = outer;
        }
        boolean recursive = stream.skipIfName("recursive");
        loopDepth++;
        int bodyStart = nameEvents.size();
        scope = symbols.open(outer);
        paramTarget(scope, targetExpr);
        Symbols.Scope bodyScope = scope;
        List<Stmt> body = parseStatements(new String[] {"endfor", "else"}, false);
        int bodyEnd = nameEvents.size();
        loopDepth--;
        scope = symbols.open(outer);
        Symbols.Scope elseScope = scope;
        List<Stmt> orElse;
        if (stream.next().isName("endfor")) {
            orElse = List.of();
        } else {
            orElse = parseStatements(new String[] {"endfor"}, true);
        }
        scope = outer;
        soft = wasSoft;
        for (int i = eventsStart; i < nameEvents.size(); i++) {
            NameEvent e = nameEvents.get(i);
            if (e.store && e.name.equals("loop")) {
                loopAssignment.message = "Can't assign to special loop variable in for-loop target";
                loopAssignment.line = e.line;
                break;
            }
        }
        boolean usesLoop = !undeclared(bodyStart, bodyEnd, Set.of("loop")).isEmpty();
        return new For(toTarget(targetExpr), iter, test, recursive, usesLoop, array(body), array(orElse),
                bodyScope.info(), elseScope.info(), testScope.info(), line);
    }

    private Stmt parseIf() {
        int line = stream.expectName("if").line();
        boolean wasSoft = soft;
        soft = true;
        List<Expr> tests = new ArrayList<>();
        List<Stmt[]> bodies = new ArrayList<>();
        List<Stmt> orElse = List.of();
        tests.add(parseTuple(false, false, null, false, false));
        scope.branch(1);
        while (true) {
            bodies.add(array(parseStatements(new String[] {"elif", "else", "endif"}, false)));
            Token token = stream.next();
            if (token.isName("elif")) {
                tests.add(parseTuple(false, false, null, false, false));
                continue;
            }
            if (token.isName("else")) {
                orElse = parseStatements(new String[] {"endif"}, true);
            }
            break;
        }
        scope.branch(-1);
        soft = wasSoft;
        return new If(tests.toArray(new Expr[0]), bodies.toArray(new Stmt[0][]), array(orElse), line);
    }

    private Stmt parseWith() {
        int line = stream.next().line();
        List<Expr> targetExprs = new ArrayList<>();
        List<Expr> values = new ArrayList<>();
        while (stream.type() != TokenType.BLOCK_END) {
            if (!targetExprs.isEmpty()) {
                stream.expect(TokenType.COMMA);
            }
            targetExprs.add(parseAssignTarget(true, false, null, false));
            stream.expect(TokenType.ASSIGN);
            values.add(parseExpression(true));
        }
        boolean wasSoft = soft;
        soft = false;
        Symbols.Scope outer = scope;
        scope = symbols.open(outer);
        List<Target> targets = new ArrayList<>();
        for (Expr t : targetExprs) {
            paramTarget(scope, t);
            targets.add(toTarget(t));
        }
        List<Stmt> body = parseStatements(new String[] {"endwith"}, true);
        ScopeInfo inner = scope.info();
        scope = outer;
        soft = wasSoft;
        return new With(targets.toArray(new Target[0]), values.toArray(new Expr[0]), array(body), inner, line);
    }

    private Stmt parseAutoescape() {
        int line = stream.next().line();
        boolean wasSoft = soft;
        soft = false;
        Symbols.Scope outer = scope;
        scope = symbols.open(outer);
        Expr enabled = parseExpression(true);
        List<Stmt> body = parseStatements(new String[] {"endautoescape"}, true);
        ScopeInfo inner = scope.info();
        scope = outer;
        soft = wasSoft;
        return new Autoescape(enabled, array(body), inner, line);
    }

    private Stmt parseBlock() {
        int line = stream.next().line();
        String name = (String) stream.expect(TokenType.NAME).value();
        boolean scoped = stream.skipIfName("scoped");
        boolean required = stream.skipIfName("required");
        if (stream.type() == TokenType.SUB) {
            throw fail("Block names in Jinja have to be valid Python identifiers and may not contain hyphens, use an"
                    + " underscore instead.");
        }
        boolean wasSoft = soft;
        soft = false;
        int savedLoopDepth = loopDepth;
        loopDepth = 0;
        Symbols.Scope outer = scope;
        scope = symbols.open(outer);
        List<Stmt> body = parseStatements(new String[] {"endblock"}, true);
        ScopeInfo inner = scope.info();
        scope = outer;
        loopDepth = savedLoopDepth;
        soft = wasSoft;
        if (required) {
            for (Stmt s : body) {
                if (!(s instanceof Output o) || !o.isWhitespaceText()) {
                    throw fail("Required blocks can only contain comments or whitespace");
                }
            }
        }
        stream.skipIfName(name);
        BlockStmt block = new BlockStmt(name, scoped, array(body), inner, line);
        if (blocks.putIfAbsent(name, block) != null && duplicateBlock == null) {
            duplicateBlock = block;
        }
        return block;
    }

    private Stmt parseExtends() {
        int line = stream.next().line();
        return new NeedsLoader(parseExpression(true), line);
    }

    private void parseImportContext() {
        if ((stream.testName("with") || stream.testName("without")) && stream.look().isName("context")) {
            stream.next();
            stream.next();
        }
    }

    private Stmt parseInclude() {
        int line = stream.next().line();
        Expr template = parseExpression(true);
        if (stream.testName("ignore") && stream.look().isName("missing")) {
            stream.next();
            stream.next();
        }
        parseImportContext();
        return new NeedsLoader(template, line);
    }

    private Stmt parseImport() {
        int line = stream.next().line();
        Expr template = parseExpression(true);
        stream.expectName("as");
        scope.store(((Name) parseAssignTarget(true, true, null, false)).name());
        parseImportContext();
        return new NeedsLoader(template, line);
    }

    private Stmt parseFrom() {
        int line = stream.next().line();
        Expr template = parseExpression(true);
        stream.expectName("import");
        int count = 0;
        while (true) {
            if (count > 0) {
                stream.expect(TokenType.COMMA);
            }
            if (stream.type() == TokenType.NAME) {
                if (parseFromContext()) {
                    break;
                }
                Token nameToken = stream.current();
                Name target = (Name) parseAssignTarget(true, true, null, false);
                if (target.name().startsWith("_")) {
                    throw SyntaxErrors.error("TemplateAssertionError", "names starting with an underline can not be imported",
                            templateName, source.text(), nameToken.line());
                }
                if (stream.skipIfName("as")) {
                    target = (Name) parseAssignTarget(true, true, null, false);
                }
                scope.store(target.name());
                count++;
                if (parseFromContext() || stream.type() != TokenType.COMMA) {
                    break;
                }
            } else {
                stream.expect(TokenType.NAME);
            }
        }
        return new NeedsLoader(template, line);
    }

    private boolean parseFromContext() {
        Token t = stream.current();
        if ((t.isName("with") || t.isName("without")) && stream.look().isName("context")) {
            stream.next();
            stream.next();
            return true;
        }
        return false;
    }

    private record Signature(String[] names, Expr[] defaults) {
    }

    private Signature parseSignature() {
        List<String> args = new ArrayList<>();
        List<Expr> defaults = new ArrayList<>();
        stream.expect(TokenType.LPAREN);
        while (stream.type() != TokenType.RPAREN) {
            if (!args.isEmpty()) {
                stream.expect(TokenType.COMMA);
            }
            Name arg = (Name) parseAssignTarget(true, true, null, false);
            scope.param(arg.name());
            if (stream.skipIf(TokenType.ASSIGN)) {
                defaults.add(parseExpression(true));
            } else if (!defaults.isEmpty()) {
                throw fail("non-default argument follows default argument");
            }
            args.add(arg.name());
        }
        stream.expect(TokenType.RPAREN);
        return new Signature(args.toArray(new String[0]), defaults.toArray(new Expr[0]));
    }

    /** Parses a macro or caller body and builds its spec, finding the special names the body uses. */
    private MacroSpec macroBody(String name, Signature signature, Symbols.Scope macroScope, String endTag,
            int line) {
        Deferred callerCheck = reserve(line);
        boolean wasSoft = soft;
        soft = false;
        int savedLoopDepth = loopDepth;
        loopDepth = 0;
        Symbols.Scope outer = scope;
        scope = macroScope;
        int bodyStart = nameEvents.size();
        List<Stmt> body = parseStatements(new String[] {endTag}, true);
        int bodyEnd = nameEvents.size();
        scope = outer;
        loopDepth = savedLoopDepth;
        soft = wasSoft;

        Set<String> used = undeclared(bodyStart, bodyEnd, Set.of("caller", "kwargs", "varargs"));
        List<String> params = List.of(signature.names());
        boolean accessesCaller = false;
        if (used.contains("caller")) {
            int idx = params.indexOf("caller");
            if (idx >= 0 && idx < params.size() - signature.defaults().length) {
                callerCheck.message = "When defining macros or call blocks the special \"caller\" argument must be "
                        + "omitted or be given a default.";
            }
            accessesCaller = idx < 0;
        }
        boolean catchKwargs = used.contains("kwargs") && !params.contains("kwargs");
        boolean catchVarargs = used.contains("varargs") && !params.contains("varargs");
        return new MacroSpec(name, signature.names(), signature.defaults(), array(body), macroScope.info(), catchKwargs,
                catchVarargs, accessesCaller, source, line, environment);
    }

    private Stmt parseMacro() {
        int line = stream.next().line();
        String name = ((Name) parseAssignTarget(true, true, null, false)).name();
        boolean wasSoft = soft;
        soft = false;
        Symbols.Scope outer = scope;
        Symbols.Scope macroScope = symbols.open(outer);
        scope = macroScope;
        Signature signature = parseSignature();
        scope = outer;
        soft = wasSoft;
        MacroSpec spec = macroBody(name, signature, macroScope, "endmacro", line);
        scope.store(name);
        return new MacroDef(spec, line);
    }

    private Stmt parseCallBlock() {
        int line = stream.next().line();
        Symbols.Scope outer = scope;
        Symbols.Scope callerScope = symbols.open(outer);
        scope = callerScope;
        Signature signature = stream.type() == TokenType.LPAREN
                ? parseSignature() : new Signature(new String[0], new Expr[0]);
        scope = outer;
        Expr callExpr = parseExpression(true);
        if (!(callExpr instanceof Call call)) {
            throw fail("expected call", line);
        }
        MacroSpec caller = macroBody(null, signature, callerScope, "endcall", line);
        return new CallBlock(caller, call, line);
    }

    private Stmt parseFilterBlock() {
        int line = stream.next().line();
        boolean wasSoft = soft;
        soft = false;
        List<FilterCall> filters = parseFilterChain(true);
        Symbols.Scope outer = scope;
        scope = symbols.open(outer);
        List<Stmt> body = parseStatements(new String[] {"endfilter"}, true);
        ScopeInfo inner = scope.info();
        scope = outer;
        soft = wasSoft;
        return new FilterBlock(filters.toArray(new FilterCall[0]), array(body), inner, line);
    }

    private Stmt parsePrint() {
        int line = stream.next().line();
        List<Object> parts = new ArrayList<>();
        while (stream.type() != TokenType.BLOCK_END) {
            if (!parts.isEmpty()) {
                stream.expect(TokenType.COMMA);
            }
            parts.add(parseExpression(true));
        }
        return new Output(parts.toArray(), line);
    }

    private Stmt parseBlockTag(BlockTag tag) {
        Token start = stream.next();
        Symbols.Scope outer = scope;
        Symbols.Scope macroScope = symbols.open(outer);
        scope = macroScope;
        BlockTag.MacroSignature signature = tag.parse(new HeaderParser(start.line()));
        scope = outer;
        List<String> names = new ArrayList<>();
        List<Expr> defaults = new ArrayList<>();
        for (TagParser.Parameter p : signature.parameters()) {
            names.add(p.name());
            if (p.defaultValue() != null) {
                defaults.add(toExpr(p.defaultValue(), start.line()));
            } else if (!defaults.isEmpty()) {
                throw fail("non-default argument follows default argument", start.line());
            }
        }
        for (String name : names) {
            macroScope.param(name);
        }
        MacroSpec spec = macroBody(signature.name(), new Signature(names.toArray(new String[0]), defaults.toArray(new Expr[0])),
                macroScope, "end" + tag.name(), start.line());
        scope.store(signature.name());
        return new MacroDef(spec, start.line());
    }

    private static Expr toExpr(TagParser.Expression e, int line) {
        if (e instanceof Expr expr) {
            return expr;
        }
        return new Literal(e.literal(), line);
    }

    /** What a block tag sees of this parser. */
    private final class HeaderParser implements TagParser {
        private final int line;

        HeaderParser(int line) {
            this.line = line;
        }

        @Override
        public int line() {
            return line;
        }

        @Override
        public String name() {
            return (String) stream.expect(TokenType.NAME).value();
        }

        @Override
        public boolean skip(String token) {
            TokenType op = TokenType.operator(token);
            return op != null ? stream.skipIf(op) : stream.skipIfName(token);
        }

        @Override
        public void expect(String token) {
            TokenType op = TokenType.operator(token);
            if (op != null) {
                stream.expect(op);
            } else {
                stream.expectName(token);
            }
        }

        @Override
        public boolean atEnd() {
            return stream.type() == TokenType.BLOCK_END;
        }

        @Override
        public Expression expression() {
            return parseExpression(true);
        }

        @Override
        public List<Parameter> signature() {
            Signature s = parseSignature();
            List<Parameter> params = new ArrayList<>();
            int firstDefault = s.names().length - s.defaults().length;
            for (int i = 0; i < s.names().length; i++) {
                params.add(new Parameter(s.names()[i], i >= firstDefault ? s.defaults()[i - firstDefault] : null));
            }
            return params;
        }

        @Override
        public Expression literal(Object value) {
            return new Literal(value, line);
        }

        @Override
        public JinjaException error(String message) {
            return fail(message, line);
        }
    }

    // ================================================================ assignment targets

    private Expr parseAssignTarget(boolean withTuple, boolean nameOnly, String[] extraEndRules, boolean withNamespace) {
        Expr target;
        boolean wasInTarget = inTarget;
        inTarget = true;
        try {
            if (nameOnly) {
                Token token = stream.expect(TokenType.NAME);
                target = new Name((String) token.value(), token.line());
            } else if (withTuple) {
                target = parseTuple(true, true, extraEndRules, false, withNamespace);
            } else {
                target = parsePrimary(withNamespace);
            }
        } finally {
            inTarget = wasInTarget;
        }
        if (!canAssign(target)) {
            throw fail("can't assign to " + PyLiterals.repr(target.nodeName()), target.line());
        }
        if (nameOnly) {
            Name n = (Name) target;
            nameEvents.add(new NameEvent(n.name(), true, n.line()));
        } else {
            recordStores(target);
        }
        return target;
    }

    private static boolean canAssign(Expr e) {
        if (e instanceof Name || e instanceof NsRef) {
            return true;
        }
        if (e instanceof TupleLit t) {
            for (Expr item : t.items()) {
                if (!canAssign(item)) {
                    return false;
                }
            }
            return true;
        }
        return false;
    }

    /** Turns the load events recorded while parsing a target into stores (the most recent match is the target's). */
    private void recordStores(Expr target) {
        if (target instanceof Name n) {
            for (int i = nameEvents.size() - 1; i >= 0; i--) {
                NameEvent e = nameEvents.get(i);
                if (!e.store && e.name.equals(n.name()) && e.line == n.line()) {
                    nameEvents.set(i, new NameEvent(e.name, true, e.line));
                    return;
                }
            }
            nameEvents.add(new NameEvent(n.name(), true, n.line()));
        } else if (target instanceof TupleLit t) {
            for (Expr item : t.items()) {
                recordStores(item);
            }
        }
    }

    /** Records an assignment to {@code target} in {@code s} (a namespace attribute reads the namespace). */
    private static void storeTarget(Symbols.Scope s, Expr target) {
        if (target instanceof Name n) {
            s.store(n.name());
        } else if (target instanceof NsRef r) {
            s.load(r.name());
        } else if (target instanceof TupleLit t) {
            for (Expr item : t.items()) {
                storeTarget(s, item);
            }
        }
    }

    /** Records the names of {@code target} as parameters of {@code s} (loop targets, {@code with} names). */
    private static void paramTarget(Symbols.Scope s, Expr target) {
        if (target instanceof Name n) {
            s.param(n.name());
        } else if (target instanceof TupleLit t) {
            for (Expr item : t.items()) {
                paramTarget(s, item);
            }
        } else if (target instanceof NsRef r) {
            s.load(r.name());
        }
    }

    private static Target toTarget(Expr e) {
        if (e instanceof Name n) {
            return new NameTarget(n.name());
        }
        if (e instanceof NsRef r) {
            return new NsTarget(r.name(), r.attr());
        }
        Expr[] items = ((TupleLit) e).items();
        Target[] targets = new Target[items.length];
        for (int i = 0; i < items.length; i++) {
            targets[i] = toTarget(items[i]);
        }
        return new TupleTarget(targets);
    }

    /** Names of {@code candidates} loaded in events [from, to) before being stored there (Jinja2's find_undeclared). */
    private Set<String> undeclared(int from, int to, Set<String> candidates) {
        Set<String> names = new HashSet<>(candidates);
        Set<String> found = new LinkedHashSet<>();
        for (int i = from; i < to; i++) {
            NameEvent e = nameEvents.get(i);
            if (!e.store && names.contains(e.name)) {
                found.add(e.name);
            } else if (e.store) {
                names.remove(e.name);
            }
        }
        return found;
    }

    // ================================================================ expressions

    private Expr parseExpression(boolean withCondExpr) {
        return withCondExpr ? parseCondExpr() : parseOr();
    }

    private Expr parseCondExpr() {
        int line = stream.current().line();
        int mark = deferred.size();
        Expr expr1 = parseOr();
        while (stream.skipIfName("if")) {
            for (int i = mark; i < deferred.size(); i++) {
                deferred.get(i).soft = true;
            }
            boolean wasSoft = soft;
            soft = true;
            Expr test = parseOr();
            Expr expr3 = stream.skipIfName("else") ? parseCondExpr() : null;
            soft = wasSoft;
            expr1 = new CondExpr(test, expr1, expr3, line);
            line = stream.current().line();
        }
        return expr1;
    }

    private Expr parseOr() {
        int line = stream.current().line();
        Expr left = parseAnd();
        while (stream.skipIfName("or")) {
            Expr right = parseAnd();
            left = new Or(left, right, line);
            line = stream.current().line();
        }
        return left;
    }

    private Expr parseAnd() {
        int line = stream.current().line();
        Expr left = parseNot();
        while (stream.skipIfName("and")) {
            Expr right = parseNot();
            left = new And(left, right, line);
            line = stream.current().line();
        }
        return left;
    }

    private Expr parseNot() {
        if (stream.testName("not")) {
            int line = stream.next().line();
            return new Not(parseNot(), line);
        }
        return parseCompare();
    }

    private Expr parseCompare() {
        int line = stream.current().line();
        Expr expr = parseMath1();
        List<Compare.Op> ops = new ArrayList<>();
        List<Expr> operands = new ArrayList<>();
        while (true) {
            Compare.Op op = switch (stream.type()) {
                case EQ -> Compare.Op.EQ;
                case NE -> Compare.Op.NE;
                case LT -> Compare.Op.LT;
                case LTEQ -> Compare.Op.LTEQ;
                case GT -> Compare.Op.GT;
                case GTEQ -> Compare.Op.GTEQ;
                default -> null;
            };
            if (op != null) {
                stream.next();
            } else if (stream.skipIfName("in")) {
                op = Compare.Op.IN;
            } else if (stream.testName("not") && stream.look().isName("in")) {
                stream.next();
                stream.next();
                op = Compare.Op.NOTIN;
            } else {
                break;
            }
            ops.add(op);
            operands.add(parseMath1());
            line = stream.current().line();
        }
        if (ops.isEmpty()) {
            return expr;
        }
        return new Compare(expr, ops.toArray(new Compare.Op[0]), operands.toArray(new Expr[0]), line);
    }

    private Expr parseMath1() {
        int line = stream.current().line();
        Expr left = parseConcat();
        while (stream.type() == TokenType.ADD || stream.type() == TokenType.SUB) {
            BinOp.Op op = stream.next().type() == TokenType.ADD ? BinOp.Op.ADD : BinOp.Op.SUB;
            Expr right = parseConcat();
            left = new BinOp(op, left, right, line);
            line = stream.current().line();
        }
        return left;
    }

    private Expr parseConcat() {
        int line = stream.current().line();
        List<Expr> args = new ArrayList<>();
        args.add(parseMath2());
        while (stream.type() == TokenType.TILDE) {
            stream.next();
            args.add(parseMath2());
        }
        if (args.size() == 1) {
            return args.get(0);
        }
        return new Concat(args.toArray(new Expr[0]), line);
    }

    private Expr parseMath2() {
        int line = stream.current().line();
        Expr left = parsePow();
        while (true) {
            BinOp.Op op = switch (stream.type()) {
                case MUL -> BinOp.Op.MUL;
                case DIV -> BinOp.Op.DIV;
                case FLOORDIV -> BinOp.Op.FLOORDIV;
                case MOD -> BinOp.Op.MOD;
                default -> null;
            };
            if (op == null) {
                return left;
            }
            stream.next();
            Expr right = parsePow();
            left = new BinOp(op, left, right, line);
            line = stream.current().line();
        }
    }

    /** {@code **}: left-associative and applied to unary operands, exactly as Jinja2 parses it ({@code -2**2} is 4). */
    private Expr parsePow() {
        int line = stream.current().line();
        Expr left = parseUnary(true);
        while (stream.type() == TokenType.POW) {
            stream.next();
            Expr right = parseUnary(true);
            left = new BinOp(BinOp.Op.POW, left, right, line);
            line = stream.current().line();
        }
        return left;
    }

    private Expr parseUnary(boolean withFilter) {
        TokenType type = stream.type();
        int line = stream.current().line();
        Expr node;
        if (type == TokenType.SUB) {
            stream.next();
            node = new Unary(true, parseUnary(false), line);
        } else if (type == TokenType.ADD) {
            stream.next();
            node = new Unary(false, parseUnary(false), line);
        } else {
            node = parsePrimary(false);
        }
        node = parsePostfix(node);
        if (withFilter) {
            node = parseFilterExpr(node);
        }
        return node;
    }

    private Expr parsePrimary(boolean withNamespace) {
        Token token = stream.current();
        switch (token.type()) {
            case NAME -> {
                stream.next();
                String v = (String) token.value();
                switch (v) {
                    case "true", "True" -> {
                        return new Const(Boolean.TRUE, token.line());
                    }
                    case "false", "False" -> {
                        return new Const(Boolean.FALSE, token.line());
                    }
                    case "none", "None" -> {
                        return new Const(null, token.line());
                    }
                    default -> { }
                }
                if (withNamespace && stream.type() == TokenType.DOT) {
                    stream.next();
                    Token attr = stream.expect(TokenType.NAME);
                    return new NsRef(v, (String) attr.value(), token.line());
                }
                nameEvents.add(new NameEvent(v, false, token.line()));
                if (!inTarget) {
                    scope.load(v);
                }
                return new Name(v, token.line());
            }
            case STRING -> {
                stream.next();
                StringBuilder buf = new StringBuilder((String) token.value());
                while (stream.type() == TokenType.STRING) {
                    buf.append((String) stream.next().value());
                }
                return new Const(buf.toString(), token.line());
            }
            case INTEGER, FLOAT -> {
                stream.next();
                return new Const(token.value(), token.line());
            }
            case LPAREN -> {
                stream.next();
                Expr node = parseTuple(false, true, null, true, false);
                stream.expect(TokenType.RPAREN);
                return node;
            }
            case LBRACKET -> {
                return parseList();
            }
            case LBRACE -> {
                return parseDict();
            }
            default -> throw fail("unexpected " + PyLiterals.repr(token.describe()), token.line());
        }
    }

    private boolean isTupleEnd(String[] extraEndRules) {
        TokenType t = stream.type();
        if (t == TokenType.VARIABLE_END || t == TokenType.BLOCK_END || t == TokenType.RPAREN) {
            return true;
        }
        if (extraEndRules != null) {
            for (String name : extraEndRules) {
                if (stream.testName(name)) {
                    return true;
                }
            }
        }
        return false;
    }

    private Expr parseTuple(boolean simplified, boolean withCondExpr, String[] extraEndRules, boolean explicitParentheses,
            boolean withNamespace) {
        int line = stream.current().line();
        List<Expr> args = new ArrayList<>();
        boolean isTuple = false;
        while (true) {
            if (!args.isEmpty()) {
                stream.expect(TokenType.COMMA);
            }
            if (isTupleEnd(extraEndRules)) {
                break;
            }
            args.add(simplified ? parsePrimary(withNamespace) : parseExpression(withCondExpr));
            if (stream.type() == TokenType.COMMA) {
                isTuple = true;
            } else {
                break;
            }
            line = stream.current().line();
        }
        if (!isTuple) {
            if (!args.isEmpty()) {
                return args.get(0);
            }
            if (!explicitParentheses) {
                throw fail("Expected an expression, got " + PyLiterals.repr(stream.current().describe()));
            }
        }
        return new TupleLit(args.toArray(new Expr[0]), line);
    }

    private Expr parseList() {
        Token token = stream.expect(TokenType.LBRACKET);
        List<Expr> items = new ArrayList<>();
        while (stream.type() != TokenType.RBRACKET) {
            if (!items.isEmpty()) {
                stream.expect(TokenType.COMMA);
            }
            if (stream.type() == TokenType.RBRACKET) {
                break;
            }
            items.add(parseExpression(true));
        }
        stream.expect(TokenType.RBRACKET);
        return new ListLit(items.toArray(new Expr[0]), token.line());
    }

    private Expr parseDict() {
        Token token = stream.expect(TokenType.LBRACE);
        List<Expr> keys = new ArrayList<>();
        List<Expr> values = new ArrayList<>();
        while (stream.type() != TokenType.RBRACE) {
            if (!keys.isEmpty()) {
                stream.expect(TokenType.COMMA);
            }
            if (stream.type() == TokenType.RBRACE) {
                break;
            }
            keys.add(parseExpression(true));
            stream.expect(TokenType.COLON);
            values.add(parseExpression(true));
        }
        stream.expect(TokenType.RBRACE);
        return new DictLit(keys.toArray(new Expr[0]), values.toArray(new Expr[0]), token.line());
    }

    private Expr parsePostfix(Expr node) {
        while (true) {
            TokenType t = stream.type();
            if (t == TokenType.DOT || t == TokenType.LBRACKET) {
                node = parseSubscript(node);
            } else if (t == TokenType.LPAREN) {
                node = parseCall(node);
            } else {
                return node;
            }
        }
    }

    private Expr parseFilterExpr(Expr node) {
        while (true) {
            TokenType t = stream.type();
            if (t == TokenType.PIPE) {
                for (FilterCall f : parseFilterChain(false)) {
                    node = new FilterExpr(node, f, f.line());
                }
            } else if (stream.testName("is")) {
                node = parseTest(node);
            } else if (t == TokenType.LPAREN) {
                node = parseCall(node);
            } else {
                return node;
            }
        }
    }

    private Expr parseSubscript(Expr node) {
        Token token = stream.next();
        if (token.type() == TokenType.DOT) {
            Token attr = stream.current();
            stream.next();
            if (attr.type() == TokenType.NAME) {
                return new GetAttr(node, (String) attr.value(), token.line());
            }
            if (attr.type() != TokenType.INTEGER) {
                throw fail("expected name or number", attr.line());
            }
            return new GetItem(node, new Const(attr.value(), attr.line()), token.line());
        }
        if (token.type() == TokenType.LBRACKET) {
            List<Expr> args = new ArrayList<>();
            while (stream.type() != TokenType.RBRACKET) {
                if (!args.isEmpty()) {
                    stream.expect(TokenType.COMMA);
                }
                args.add(parseSubscribed());
            }
            stream.expect(TokenType.RBRACKET);
            if (args.size() == 1) {
                Expr arg = args.get(0);
                if (arg instanceof Slice s) {
                    return new SliceItem(node, s, token.line());
                }
                return new GetItem(node, arg, token.line());
            }
            return new GetItem(node, new TupleLit(args.toArray(new Expr[0]), token.line()), token.line());
        }
        throw fail("expected subscript expression", token.line());
    }

    private Expr parseSubscribed() {
        int line = stream.current().line();
        Expr[] args = new Expr[3];
        if (stream.type() == TokenType.COLON) {
            stream.next();
        } else {
            Expr node = parseExpression(true);
            if (stream.type() != TokenType.COLON) {
                return node;
            }
            stream.next();
            args[0] = node;
        }
        if (stream.type() != TokenType.COLON && stream.type() != TokenType.RBRACKET && stream.type() != TokenType.COMMA) {
            args[1] = parseExpression(true);
        }
        if (stream.type() == TokenType.COLON) {
            stream.next();
            if (stream.type() != TokenType.RBRACKET && stream.type() != TokenType.COMMA) {
                args[2] = parseExpression(true);
            }
        }
        return new Slice(args[0], args[1], args[2], line);
    }

    private CallArgs parseCallArgs() {
        Token token = stream.expect(TokenType.LPAREN);
        List<Expr> args = new ArrayList<>();
        List<String> kwNames = new ArrayList<>();
        List<Expr> kwValues = new ArrayList<>();
        Expr dynArgs = null;
        Expr dynKwargs = null;
        boolean requireComma = false;
        while (stream.type() != TokenType.RPAREN) {
            if (requireComma) {
                stream.expect(TokenType.COMMA);
                if (stream.type() == TokenType.RPAREN) {
                    break;
                }
            }
            if (stream.type() == TokenType.MUL) {
                ensure(dynArgs == null && dynKwargs == null, token);
                stream.next();
                dynArgs = parseExpression(true);
            } else if (stream.type() == TokenType.POW) {
                ensure(dynKwargs == null, token);
                stream.next();
                dynKwargs = parseExpression(true);
            } else if (stream.type() == TokenType.NAME && stream.look().type() == TokenType.ASSIGN) {
                ensure(dynKwargs == null, token);
                String key = (String) stream.current().value();
                stream.next();
                stream.next();
                kwNames.add(key);
                kwValues.add(parseExpression(true));
            } else {
                ensure(dynArgs == null && dynKwargs == null && kwNames.isEmpty(), token);
                args.add(parseExpression(true));
            }
            requireComma = true;
        }
        stream.expect(TokenType.RPAREN);
        if (args.isEmpty() && kwNames.isEmpty() && dynArgs == null && dynKwargs == null) {
            return CallArgs.NONE;
        }
        return new CallArgs(args.toArray(new Expr[0]), kwNames.toArray(new String[0]), kwValues.toArray(new Expr[0]),
                dynArgs, dynKwargs);
    }

    private void ensure(boolean ok, Token token) {
        if (!ok) {
            throw fail("invalid syntax for function call expression", token.line());
        }
    }

    private Expr parseCall(Expr node) {
        int line = stream.current().line();
        CallArgs args = parseCallArgs();
        return new Call(node, args, line);
    }

    /** {@code | f(args) | g ...}; with {@code startInline} the first filter has no pipe (filter blocks). */
    private List<FilterCall> parseFilterChain(boolean startInline) {
        List<FilterCall> chain = new ArrayList<>();
        while (stream.type() == TokenType.PIPE || startInline) {
            if (!startInline) {
                stream.next();
            }
            Token token = stream.expect(TokenType.NAME);
            StringBuilder name = new StringBuilder((String) token.value());
            while (stream.type() == TokenType.DOT) {
                stream.next();
                name.append('.').append((String) stream.expect(TokenType.NAME).value());
            }
            CallArgs args = stream.type() == TokenType.LPAREN ? parseCallArgs() : CallArgs.NONE;
            String filterName = name.toString();
            io.slipway.jinja.Filter filter = environment.filter(filterName);
            if (filter == null) {
                deferred.add(new Deferred("TemplateAssertionError", "No filter named " + PyLiterals.repr(filterName) + ".",
                        token.line(), soft));
            }
            chain.add(new FilterCall(filterName, filter, args, token.line()));
            startInline = false;
        }
        return chain;
    }

    private Expr parseTest(Expr node) {
        Token token = stream.next();
        boolean negated = stream.skipIfName("not");
        Token nameToken = stream.expect(TokenType.NAME);
        StringBuilder name = new StringBuilder((String) nameToken.value());
        while (stream.type() == TokenType.DOT) {
            stream.next();
            name.append('.').append((String) stream.expect(TokenType.NAME).value());
        }
        CallArgs args;
        TokenType t = stream.type();
        if (t == TokenType.LPAREN) {
            args = parseCallArgs();
        } else if ((t == TokenType.NAME || t == TokenType.STRING || t == TokenType.INTEGER || t == TokenType.FLOAT
                || t == TokenType.LBRACKET || t == TokenType.LBRACE)
                && !stream.testName("else") && !stream.testName("or") && !stream.testName("and")) {
            if (stream.testName("is")) {
                throw fail("You cannot chain multiple tests with is");
            }
            Expr arg = parsePostfix(parsePrimary(false));
            args = new CallArgs(new Expr[] {arg}, new String[0], new Expr[0], null, null);
        } else {
            args = CallArgs.NONE;
        }
        String testName = name.toString();
        io.slipway.jinja.Test test = environment.test(testName);
        if (test == null) {
            deferred.add(new Deferred("TemplateAssertionError", "No test named " + PyLiterals.repr(testName) + ".",
                    token.line(), soft));
        }
        Expr result = new TestExpr(node, new TestCall(testName, test, args, token.line()), token.line());
        return negated ? new Not(result, token.line()) : result;
    }
}
