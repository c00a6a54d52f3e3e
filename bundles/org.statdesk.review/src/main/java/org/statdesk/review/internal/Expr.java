package org.statdesk.review.internal;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A small expression language for review rules (no expression library is on the target platform). Numbers,
 * indicator codes, {@code + - * /}, comparisons {@code < <= > >= == !=}, {@code and or not}, parentheses and the
 * functions {@code abs(x)}, {@code min(a,b)}, {@code max(a,b)}, {@code prev(x)} (last month's value),
 * {@code first_month()} (January, or February reported as 1-2月 with no January report), {@code month()},
 * {@code if(c,a,b)}, {@code near(a,b,tol)} (|a-b| <= tol) and {@code between(x,lo,hi)}.
 * <p>
 * Values are doubles; a missing value is NaN and makes the whole rule not applicable (a rule is only judged on
 * figures that were reported). Booleans are 1 and 0.
 */
public final class Expr {
    /** The figures a rule sees: this report's values, last month's, and the calendar position. */
    public interface Env {
        double value(String indicator);

        double prev(String indicator);

        boolean firstMonth();

        int month();
    }

    /** What a failed rule reports: the figure and what it should have been (null when there is no single one). */
    public record Explained(double value, Double expected) {
    }

    private final Node root;
    private final String text;

    private Expr(Node root, String text) {
        this.root = root;
        this.text = text;
    }

    public static Expr parse(String text) {
        Parser p = new Parser(text);
        Node n = p.or();
        p.skip();
        if (p.pos < text.length()) {
            throw p.error("unexpected '" + text.substring(p.pos) + "'");
        }
        return new Expr(n, text);
    }

    /** 1 (holds), 0 (fails) or NaN (not applicable: a figure it needs is missing). */
    public double eval(Env env) {
        return root.eval(env);
    }

    /** Indicator codes the expression reads, in order of appearance. */
    public Set<String> identifiers() {
        Set<String> out = new LinkedHashSet<>();
        root.collect(out);
        return out;
    }

    /** The figure and expectation behind a failed rule: both sides of the deciding comparison. */
    public Explained explain(Env env, String indicator) {
        Explained e = root.explain(env);
        return e != null ? e : new Explained(env.value(indicator), null);
    }

    @Override
    public String toString() {
        return text;
    }

    private interface Node {
        double eval(Env env);

        default void collect(Set<String> out) {
        }

        default Explained explain(Env env) {
            return null;
        }
    }

    private record Num(double v) implements Node {
        public double eval(Env env) {
            return v;
        }
    }

    private record Ident(String name) implements Node {
        public double eval(Env env) {
            return env.value(name);
        }

        public void collect(Set<String> out) {
            out.add(name);
        }
    }

    private record Unary(char op, Node a) implements Node {
        public double eval(Env env) {
            double x = a.eval(env);
            if (Double.isNaN(x)) {
                return x;
            }
            return op == '-' ? -x : (x != 0 ? 0 : 1);
        }

        public void collect(Set<String> out) {
            a.collect(out);
        }
    }

    private record Binary(String op, Node a, Node b) implements Node {
        public double eval(Env env) {
            double x = a.eval(env);
            if (op.equals("and") && x == 0) {
                return 0; // short cut: a false guard makes the rule hold even if the rest is missing
            }
            if (op.equals("or") && x != 0 && !Double.isNaN(x)) {
                return 1;
            }
            double y = b.eval(env);
            if (Double.isNaN(x) || Double.isNaN(y)) {
                return Double.NaN;
            }
            switch (op) {
                case "+": return x + y;
                case "-": return x - y;
                case "*": return x * y;
                case "/": return y == 0 ? Double.NaN : x / y;
                case "<": return x < y ? 1 : 0;
                case "<=": return x <= y ? 1 : 0;
                case ">": return x > y ? 1 : 0;
                case ">=": return x >= y ? 1 : 0;
                case "==": return x == y ? 1 : 0;
                case "!=": return x != y ? 1 : 0;
                case "and": return y != 0 ? 1 : 0;
                case "or": return y != 0 ? 1 : 0;
                default: throw new IllegalStateException(op);
            }
        }

        public void collect(Set<String> out) {
            a.collect(out);
            b.collect(out);
        }

        public Explained explain(Env env) {
            if (COMPARISONS.contains(op)) {
                return new Explained(a.eval(env), b.eval(env));
            }
            if (op.equals("and")) {
                // the failing conjunct explains the failure
                Node failing = a.eval(env) == 0 ? a : b;
                return failing.explain(env);
            }
            return null;
        }
    }

    private record Call(String fn, List<Node> args) implements Node {
        public double eval(Env env) {
            switch (fn) {
                case "prev": {
                    if (!(args.get(0) instanceof Ident id)) {
                        throw new IllegalStateException("prev() takes an indicator code");
                    }
                    return env.prev(id.name());
                }
                case "first_month": return env.firstMonth() ? 1 : 0;
                case "month": return env.month();
                case "if": {
                    double c = args.get(0).eval(env);
                    return Double.isNaN(c) ? c : c != 0 ? args.get(1).eval(env) : args.get(2).eval(env);
                }
                default:
                    break;
            }
            double[] v = new double[args.size()];
            for (int i = 0; i < v.length; i++) {
                v[i] = args.get(i).eval(env);
                if (Double.isNaN(v[i])) {
                    return Double.NaN;
                }
            }
            switch (fn) {
                case "abs": return Math.abs(v[0]);
                case "min": return Math.min(v[0], v[1]);
                case "max": return Math.max(v[0], v[1]);
                case "near": return Math.abs(v[0] - v[1]) <= v[2] ? 1 : 0;
                case "between": return v[0] >= v[1] && v[0] <= v[2] ? 1 : 0;
                default: throw new IllegalStateException(fn);
            }
        }

        public void collect(Set<String> out) {
            args.forEach(a -> a.collect(out));
        }

        public Explained explain(Env env) {
            switch (fn) {
                case "near": return new Explained(args.get(0).eval(env), args.get(1).eval(env));
                case "between": {
                    double x = args.get(0).eval(env);
                    double lo = args.get(1).eval(env);
                    double hi = args.get(2).eval(env);
                    return new Explained(x, x < lo ? lo : hi);
                }
                case "if": {
                    double c = args.get(0).eval(env);
                    return (c != 0 ? args.get(1) : args.get(2)).explain(env);
                }
                default: return null;
            }
        }
    }

    private static final Set<String> COMPARISONS = Set.of("<", "<=", ">", ">=", "==", "!=");

    private static final Set<String> FUNCTIONS = Set.of("abs", "min", "max", "prev", "first_month", "month", "if",
            "near", "between");

    private static int arity(String fn) {
        switch (fn) {
            case "first_month": case "month": return 0;
            case "abs": case "prev": return 1;
            case "min": case "max": return 2;
            default: return 3;
        }
    }

    /** Recursive descent: or > and > not > comparison > additive > multiplicative > unary > primary. */
    private static final class Parser {
        final String s;
        int pos;

        Parser(String s) {
            this.s = s;
        }

        IllegalArgumentException error(String msg) {
            return new IllegalArgumentException("expression '" + s + "' at " + (pos + 1) + ": " + msg);
        }

        void skip() {
            while (pos < s.length() && Character.isWhitespace(s.charAt(pos))) {
                pos++;
            }
        }

        boolean word(String w) {
            skip();
            if (s.startsWith(w, pos) && (pos + w.length() == s.length()
                    || !Character.isLetterOrDigit(s.charAt(pos + w.length())) && s.charAt(pos + w.length()) != '_')) {
                pos += w.length();
                return true;
            }
            return false;
        }

        boolean sym(String t) {
            skip();
            if (s.startsWith(t, pos)) {
                pos += t.length();
                return true;
            }
            return false;
        }

        Node or() {
            Node n = and();
            while (word("or") || sym("||")) {
                n = new Binary("or", n, and());
            }
            return n;
        }

        Node and() {
            Node n = not();
            while (word("and") || sym("&&")) {
                n = new Binary("and", n, not());
            }
            return n;
        }

        Node not() {
            if (word("not")) {
                return new Unary('!', not());
            }
            skip();
            if (s.startsWith("!", pos) && !s.startsWith("!=", pos)) {
                pos++;
                return new Unary('!', not());
            }
            return cmp();
        }

        Node cmp() {
            Node n = add();
            for (String op : new String[] {"<=", ">=", "==", "!=", "<", ">", "="}) {
                if (sym(op)) {
                    return new Binary(op.equals("=") ? "==" : op, n, add());
                }
            }
            return n;
        }

        Node add() {
            Node n = mul();
            while (true) {
                if (sym("+")) {
                    n = new Binary("+", n, mul());
                } else if (sym("-")) {
                    n = new Binary("-", n, mul());
                } else {
                    return n;
                }
            }
        }

        Node mul() {
            Node n = unary();
            while (true) {
                if (sym("*")) {
                    n = new Binary("*", n, unary());
                } else if (sym("/")) {
                    n = new Binary("/", n, unary());
                } else {
                    return n;
                }
            }
        }

        Node unary() {
            if (sym("-")) {
                return new Unary('-', unary());
            }
            return primary();
        }

        Node primary() {
            skip();
            if (pos >= s.length()) {
                throw error("unexpected end");
            }
            char c = s.charAt(pos);
            if (c == '(') {
                pos++;
                Node n = or();
                if (!sym(")")) {
                    throw error("')' expected");
                }
                return n;
            }
            if (Character.isDigit(c) || c == '.') {
                int start = pos;
                while (pos < s.length() && (Character.isDigit(s.charAt(pos)) || s.charAt(pos) == '.'
                        || s.charAt(pos) == 'e' || s.charAt(pos) == 'E')) {
                    pos++;
                }
                try {
                    return new Num(Double.parseDouble(s.substring(start, pos)));
                } catch (NumberFormatException e) {
                    pos = start;
                    throw error("bad number");
                }
            }
            if (Character.isLetter(c) || c == '_') {
                int start = pos;
                while (pos < s.length() && (Character.isLetterOrDigit(s.charAt(pos)) || s.charAt(pos) == '_')) {
                    pos++;
                }
                String name = s.substring(start, pos);
                if (sym("(")) {
                    if (!FUNCTIONS.contains(name)) {
                        pos = start;
                        throw error("unknown function " + name);
                    }
                    List<Node> args = new ArrayList<>();
                    if (!sym(")")) {
                        do {
                            args.add(or());
                        } while (sym(","));
                        if (!sym(")")) {
                            throw error("')' expected after the arguments of " + name);
                        }
                    }
                    if (args.size() != arity(name)) {
                        throw error(name + "() takes " + arity(name) + " argument(s)");
                    }
                    if (name.equals("prev") && !(args.get(0) instanceof Ident)) {
                        throw error("prev() takes an indicator code");
                    }
                    return new Call(name, List.copyOf(args));
                }
                return new Ident(name);
            }
            throw error("unexpected '" + c + "'");
        }
    }
}
