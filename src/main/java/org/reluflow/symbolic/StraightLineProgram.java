package org.reluflow.symbolic;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hipparchus.fraction.BigFraction;
import org.matheclipse.core.expression.F;
import org.matheclipse.core.interfaces.IAST;
import org.matheclipse.core.interfaces.IExpr;
import org.matheclipse.core.interfaces.IFraction;
import org.matheclipse.core.interfaces.IInteger;

/**
 * A Symja expression (or a list of them) compiled into a tape of elementary operations over named variables, with
 * shared subexpressions computed once. It evaluates in any {@link Arithmetic}: double now, intervals and Taylor
 * series for validated integration. Written instead of Symja's JavaForm/Compile, which emit integer division for
 * rational constants (reference/stack.md, 2.e).
 *
 * <p>Supported: numbers (exact rationals; other numbers through their double value), the variables, Plus, Times,
 * Power with integer exponents (and 1/2 as Sqrt), Sqrt, Exp, Log, Max[0, e] / Ramp[e] and UnitStep[e].
 */
public final class StraightLineProgram {

    /** The elementary operations of the tape. */
    public enum Op { CONST, VAR, ADD, SUB, MUL, DIV, NEG, POW, SQRT, EXP, LOG, RAMP, STEP }

    /**
     * One tape entry: {@code op} applied to the registers {@code a} (and {@code b}); {@code n} is the exponent of POW,
     * the variable index of VAR; {@code constant} the exact value of CONST.
     */
    public record Instr(Op op, int a, int b, int n, BigFraction constant) {}

    private final List<String> variables;
    private final List<Instr> tape;
    private final int[] outputs;

    private StraightLineProgram(List<String> variables, List<Instr> tape, int[] outputs) {
        this.variables = List.copyOf(variables);
        this.tape = List.copyOf(tape);
        this.outputs = outputs;
    }

    public List<String> variables() { return variables; }

    public int outputCount() { return outputs.length; }

    public int length() { return tape.size(); }

    /** The tape, in evaluation order; register k holds the result of instruction k. */
    public List<Instr> instructions() { return tape; }

    /** The registers that hold the outputs. */
    public int[] outputRegisters() { return outputs.clone(); }

    /** Starts a program assembled by hand (no Symja), e.g. a network field built term by term. */
    public static Assembler assemble(List<String> variables) { return new Assembler(variables); }

    /**
     * Builds a program register by register; identical instructions are shared. Register ids are the ints returned.
     */
    public static final class Assembler {
        private final Builder b;
        private final List<String> variables;

        private Assembler(List<String> variables) {
            this.variables = List.copyOf(variables);
            this.b = new Builder(variables);
        }

        public int variable(int k) {
            if (k < 0 || k >= variables.size()) throw new IndexOutOfBoundsException("variable " + k);
            return b.push(new Instr(Op.VAR, 0, 0, k, null));
        }
        public int constant(BigFraction v) { return b.constant(v); }
        public int constant(double v) { return b.constant(new BigFraction(v)); }
        public int add(int x, int y) { return b.push(new Instr(Op.ADD, x, y, 0, null)); }
        public int subtract(int x, int y) { return b.push(new Instr(Op.SUB, x, y, 0, null)); }
        public int multiply(int x, int y) { return b.push(new Instr(Op.MUL, x, y, 0, null)); }
        public int divide(int x, int y) { return b.push(new Instr(Op.DIV, x, y, 0, null)); }
        public int negate(int x) { return b.push(new Instr(Op.NEG, x, 0, 0, null)); }
        public int power(int x, int n) { return b.push(new Instr(Op.POW, x, 0, n, null)); }
        public int sqrt(int x) { return b.push(new Instr(Op.SQRT, x, 0, 0, null)); }
        public int exp(int x) { return b.push(new Instr(Op.EXP, x, 0, 0, null)); }
        public int log(int x) { return b.push(new Instr(Op.LOG, x, 0, 0, null)); }
        public int ramp(int x) { return b.push(new Instr(Op.RAMP, x, 0, 0, null)); }
        public int unitStep(int x) { return b.push(new Instr(Op.STEP, x, 0, 0, null)); }

        public StraightLineProgram build(int... outputs) {
            return new StraightLineProgram(variables, b.tape, outputs.clone());
        }
    }

    /**
     * Compiles {@code expr}; a Symja List compiles to one output per element.
     *
     * @throws IllegalArgumentException for a symbol that is not a variable or an unsupported function
     */
    public static StraightLineProgram compile(IExpr expr, List<String> variables) {
        Builder b = new Builder(variables);
        List<IExpr> parts = new ArrayList<>();
        if (expr.isList()) for (int k = 1; k <= expr.argSize(); k++) parts.add(((IAST) expr).get(k));
        else parts.add(expr);
        int[] out = new int[parts.size()];
        for (int k = 0; k < out.length; k++) out[k] = b.emit(parts.get(k));
        return new StraightLineProgram(variables, b.tape, out);
    }

    /** Evaluates every output at the given variable values. */
    public <T> List<T> evaluate(Arithmetic<T> ar, List<T> values) {
        if (values.size() != variables.size())
            throw new IllegalArgumentException(values.size() + " values for " + variables.size() + " variables");
        List<T> reg = new ArrayList<>(tape.size());
        for (Instr in : tape) {
            T r = switch (in.op) {
                case CONST -> ar.constant(in.constant);
                case VAR -> values.get(in.n);
                case ADD -> ar.add(reg.get(in.a), reg.get(in.b));
                case SUB -> ar.subtract(reg.get(in.a), reg.get(in.b));
                case MUL -> ar.multiply(reg.get(in.a), reg.get(in.b));
                case DIV -> ar.divide(reg.get(in.a), reg.get(in.b));
                case NEG -> ar.negate(reg.get(in.a));
                case POW -> ar.power(reg.get(in.a), in.n);
                case SQRT -> ar.sqrt(reg.get(in.a));
                case EXP -> ar.exp(reg.get(in.a));
                case LOG -> ar.log(reg.get(in.a));
                case RAMP -> ar.ramp(reg.get(in.a));
                case STEP -> ar.unitStep(reg.get(in.a));
            };
            reg.add(r);
        }
        List<T> res = new ArrayList<>(outputs.length);
        for (int o : outputs) res.add(reg.get(o));
        return res;
    }

    /** Double evaluation into an array. */
    public double[] evaluate(double[] values) {
        List<Double> in = new ArrayList<>(values.length);
        for (double v : values) in.add(v);
        List<Double> out = evaluate(DoubleArithmetic.INSTANCE, in);
        double[] r = new double[out.size()];
        for (int k = 0; k < r.length; k++) r[k] = out.get(k);
        return r;
    }

    private static final class Builder {
        final List<Instr> tape = new ArrayList<>();
        final Map<String, Integer> varIndex = new HashMap<>();
        final Map<Instr, Integer> seen = new HashMap<>();
        final Map<IExpr, Integer> done = new HashMap<>();

        Builder(List<String> variables) {
            for (int k = 0; k < variables.size(); k++) varIndex.put(variables.get(k), k);
        }

        int push(Instr in) {
            Integer known = seen.get(in);
            if (known != null) return known;
            tape.add(in);
            seen.put(in, tape.size() - 1);
            return tape.size() - 1;
        }

        int constant(BigFraction f) { return push(new Instr(Op.CONST, 0, 0, 0, f)); }

        int emit(IExpr e) {
            Integer cached = done.get(e);
            if (cached != null) return cached;
            int r = emitNew(e);
            done.put(e, r);
            return r;
        }

        private int emitNew(IExpr e) {
            if (e.isInteger()) return constant(new BigFraction(((IInteger) e).toBigNumerator()));
            if (e.isFraction()) return constant(((IFraction) e).toBigFraction());
            if (e.isNumber()) return constant(new BigFraction(e.evalf())); // inexact input: the exact value of its double
            if (e.isSymbol()) {
                if (e == F.Pi) return constant(new BigFraction(Math.PI));
                if (e == F.E) return constant(new BigFraction(Math.E));
                Integer k = varIndex.get(e.toString());
                if (k == null) throw new IllegalArgumentException("unknown symbol '" + e + "' (variables: " + varIndex.keySet() + ")");
                return push(new Instr(Op.VAR, 0, 0, k, null));
            }
            if (!e.isAST()) throw new IllegalArgumentException("cannot compile " + e);
            IAST ast = (IAST) e;
            if (e.isPlus()) return fold(ast, Op.ADD);
            if (e.isTimes()) {
                if (ast.argSize() == 2 && ast.arg1().isMinusOne()) return push(new Instr(Op.NEG, emit(ast.arg2()), 0, 0, null));
                return fold(ast, Op.MUL);
            }
            if (e.isPower()) {
                IExpr base = ast.arg1(), ex = ast.arg2();
                if (ex.isInteger()) {
                    int n = ((IInteger) ex).toIntDefault(Integer.MIN_VALUE);
                    if (n == Integer.MIN_VALUE) throw new IllegalArgumentException("exponent too large: " + ex);
                    if (n == -1) return push(new Instr(Op.DIV, constant(BigFraction.ONE), emit(base), 0, null));
                    return push(new Instr(Op.POW, emit(base), 0, n, null));
                }
                if (ex.isFraction() && ((IFraction) ex).toBigFraction().equals(new BigFraction(1, 2)))
                    return push(new Instr(Op.SQRT, emit(base), 0, 0, null));
                if (ex.isFraction() && ((IFraction) ex).toBigFraction().equals(new BigFraction(-1, 2)))
                    return push(new Instr(Op.DIV, constant(BigFraction.ONE), push(new Instr(Op.SQRT, emit(base), 0, 0, null)), 0, null));
                if (base == F.E) return push(new Instr(Op.EXP, emit(ex), 0, 0, null));
                throw new IllegalArgumentException("only integer and half-integer powers compile: " + e);
            }
            String head = ast.head().toString();
            switch (head) {
                case "Sqrt": return push(new Instr(Op.SQRT, emit(ast.arg1()), 0, 0, null));
                case "Exp": return push(new Instr(Op.EXP, emit(ast.arg1()), 0, 0, null));
                case "Log":
                    if (ast.argSize() != 1) break;
                    return push(new Instr(Op.LOG, emit(ast.arg1()), 0, 0, null));
                case "Ramp": return push(new Instr(Op.RAMP, emit(ast.arg1()), 0, 0, null));
                case "UnitStep": return push(new Instr(Op.STEP, emit(ast.arg1()), 0, 0, null));
                case "Max":
                    if (ast.argSize() == 2 && ast.arg1().isZero()) return push(new Instr(Op.RAMP, emit(ast.arg2()), 0, 0, null));
                    if (ast.argSize() == 2 && ast.arg2().isZero()) return push(new Instr(Op.RAMP, emit(ast.arg1()), 0, 0, null));
                    break;
                default:
                    break;
            }
            throw new IllegalArgumentException("cannot compile " + head + "[...]: supported are +, *, integer powers, Sqrt, Exp, Log, Max[0, e], Ramp, UnitStep");
        }

        private int fold(IAST ast, Op op) {
            int acc = emit(ast.arg1());
            for (int k = 2; k <= ast.argSize(); k++) acc = push(new Instr(op, acc, emit(ast.get(k)), 0, null));
            return acc;
        }
    }
}
