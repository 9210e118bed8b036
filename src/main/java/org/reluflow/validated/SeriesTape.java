package org.reluflow.validated;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.reluflow.interval.Interval;
import org.reluflow.symbolic.StraightLineProgram;
import org.reluflow.symbolic.StraightLineProgram.Instr;

/**
 * A vector field x' = f(x), compiled as a {@link StraightLineProgram}, lowered for Taylor-coefficient recurrences
 * (integer powers become square-and-multiply chains) and with its switching structure made explicit: every argument
 * of Max[0, e] or UnitStep[e] is a <em>guard</em>, and inside an activation region (a sign for each guard) the field
 * is smooth, so its Taylor coefficients follow from the usual Cauchy-product recurrences.
 *
 * <p>{@link #series} computes, from an enclosure of x(0), enclosures of the Taylor coefficients x_k of the solution of
 * the region's field and g_k of every guard along it; over a box B this is the remainder term, over the initial set it
 * is the Taylor polynomial.
 */
final class SeriesTape {

    private enum K { CONST, VAR, ADD, SUB, MUL, SQR, DIV, NEG, SQRT, EXP, LOG, RAMP, STEP }

    private final int dimension;
    private final K[] op;
    private final int[] a, b;
    private final Interval[] constant;
    private final int[] outputs;
    private final int[] guardRegister; // guard index -> register of its argument
    private final int[] guardOf;       // register (RAMP/STEP) -> guard index
    private final double stepAtZero;
    private final String[] guardNames;

    private SeriesTape(int dimension, List<K> op, List<int[]> args, List<Interval> constants, int[] outputs,
                       int[] guardRegister, int[] guardOf, double stepAtZero, String[] guardNames) {
        this.dimension = dimension;
        this.op = op.toArray(new K[0]);
        this.a = new int[op.size()];
        this.b = new int[op.size()];
        for (int k = 0; k < op.size(); k++) { a[k] = args.get(k)[0]; b[k] = args.get(k)[1]; }
        this.constant = constants.toArray(new Interval[0]);
        this.outputs = outputs;
        this.guardRegister = guardRegister;
        this.guardOf = guardOf;
        this.stepAtZero = stepAtZero;
        this.guardNames = guardNames;
    }

    /**
     * Lowers a program with one output per variable. {@code stepAtZero} is UnitStep[0] (only reached on the surface
     * itself, which region integration never evaluates, and in convex-hull mode).
     */
    static SeriesTape of(StraightLineProgram program, double stepAtZero) {
        int n = program.variables().size();
        if (program.outputCount() != n)
            throw new IllegalArgumentException("the field has " + program.outputCount() + " components for " + n + " variables");
        Lowering low = new Lowering();
        List<Instr> tape = program.instructions();
        int[] reg = new int[tape.size()];
        Map<Integer, Integer> guardIndex = new HashMap<>();
        List<Integer> guardRegs = new ArrayList<>();
        List<String> names = new ArrayList<>();
        String[] text = new String[tape.size()];
        for (int k = 0; k < tape.size(); k++) {
            Instr in = tape.get(k);
            reg[k] = switch (in.op()) {
                case CONST -> low.constant(IntervalArithmetic.enclose(in.constant()));
                case VAR -> low.push(K.VAR, in.n(), 0);
                case ADD -> low.push(K.ADD, reg[in.a()], reg[in.b()]);
                case SUB -> low.push(K.SUB, reg[in.a()], reg[in.b()]);
                case MUL -> low.push(K.MUL, reg[in.a()], reg[in.b()]);
                case DIV -> low.push(K.DIV, reg[in.a()], reg[in.b()]);
                case NEG -> low.push(K.NEG, reg[in.a()], 0);
                case POW -> low.power(reg[in.a()], in.n());
                case SQRT -> low.push(K.SQRT, reg[in.a()], 0);
                case EXP -> low.push(K.EXP, reg[in.a()], 0);
                case LOG -> low.push(K.LOG, reg[in.a()], 0);
                case RAMP, STEP -> {
                    int arg = reg[in.a()];
                    Integer g = guardIndex.get(arg);
                    if (g == null) { g = guardRegs.size(); guardIndex.put(arg, g); guardRegs.add(arg); names.add(text[in.a()]); }
                    yield low.push(in.op() == StraightLineProgram.Op.RAMP ? K.RAMP : K.STEP, arg, g);
                }
            };
            text[k] = describe(in, text, program.variables());
        }
        int[] out = new int[n];
        int[] outs = program.outputRegisters();
        for (int k = 0; k < n; k++) out[k] = reg[outs[k]];
        int[] guardOf = new int[low.op.size()];
        java.util.Arrays.fill(guardOf, -1);
        for (int r = 0; r < low.op.size(); r++)
            if (low.op.get(r) == K.RAMP || low.op.get(r) == K.STEP) guardOf[r] = low.args.get(r)[1];
        return new SeriesTape(n, low.op, low.args, low.constants, out,
                guardRegs.stream().mapToInt(Integer::intValue).toArray(), guardOf, stepAtZero, names.toArray(new String[0]));
    }

    private static final int NAME_LIMIT = 120;

    /** Infix text of a register, for naming guards; long expressions are cut. */
    private static String describe(Instr in, String[] text, List<String> vars) {
        String s = switch (in.op()) {
            case CONST -> in.constant().toString().replace(" ", "");
            case VAR -> vars.get(in.n());
            case ADD -> "(" + text[in.a()] + " + " + text[in.b()] + ")";
            case SUB -> "(" + text[in.a()] + " - " + text[in.b()] + ")";
            case MUL -> text[in.a()] + "*" + text[in.b()];
            case DIV -> text[in.a()] + "/" + text[in.b()];
            case NEG -> "-" + text[in.a()];
            case POW -> text[in.a()] + "^" + in.n();
            case SQRT -> "Sqrt[" + text[in.a()] + "]";
            case EXP -> "Exp[" + text[in.a()] + "]";
            case LOG -> "Log[" + text[in.a()] + "]";
            case RAMP -> "Max[0, " + text[in.a()] + "]";
            case STEP -> "UnitStep[" + text[in.a()] + "]";
        };
        if (s.startsWith("(") && s.endsWith(")") && in.op() != StraightLineProgram.Op.ADD && in.op() != StraightLineProgram.Op.SUB) return s;
        return s.length() > NAME_LIMIT ? s.substring(0, NAME_LIMIT - 3) + "..." : s;
    }

    /** The guard's expression, e.g. {@code (x - y)}. */
    String guardName(int g) {
        String s = guardNames[g];
        return s.startsWith("(") && s.endsWith(")") ? s.substring(1, s.length() - 1) : s;
    }

    /** The same field with the given names for the guards (e.g. "<w_3, x_7>" for a network). */
    SeriesTape withGuardNames(List<String> names) {
        if (names.size() != guardRegister.length) throw new IllegalArgumentException(names.size() + " names for " + guardRegister.length + " guards");
        SeriesTape t = new SeriesTape(dimension, java.util.Arrays.asList(op), java.util.stream.IntStream.range(0, op.length)
                .mapToObj(k -> new int[] {a[k], b[k]}).toList(), java.util.Arrays.asList(constant), outputs, guardRegister, guardOf,
                stepAtZero, names.toArray(new String[0]));
        return t;
    }

    private static final class Lowering {
        final List<K> op = new ArrayList<>();
        final List<int[]> args = new ArrayList<>();
        final List<Interval> constants = new ArrayList<>();

        int push(K k, int x, int y) {
            op.add(k);
            args.add(new int[] {x, y});
            constants.add(null);
            return op.size() - 1;
        }

        int constant(Interval v) {
            int r = push(K.CONST, 0, 0);
            constants.set(r, v);
            return r;
        }

        int power(int x, int n) {
            if (n == 0) return constant(Interval.ONE);
            if (n < 0) return push(K.DIV, constant(Interval.ONE), power(x, -n));
            int result = -1, base = x;
            for (int e = n; e > 0; e >>= 1) {
                if ((e & 1) == 1) result = result < 0 ? base : push(K.MUL, result, base);
                if (e > 1) base = push(K.SQR, base, 0);
            }
            return result;
        }
    }

    int dimension() { return dimension; }

    int guardCount() { return guardRegister.length; }

    int length() { return op.length; }

    /** Taylor coefficients of the solution and of the guards along it. */
    record Series<C>(C[][] x, C[][] guards) {
        /** x[k][i]: coefficient k of coordinate i, k = 0..order. */
        C coefficient(int k, int i) { return x[k][i]; }
    }

    /**
     * The Taylor coefficients, up to {@code order}, of the solution of the field of region {@code signs} starting at
     * {@code x0} (its members' coefficients lie in the returned enclosures). A sign of 0 for a guard means "not known":
     * then only {@code order == 1} is meaningful (the field value f(x0) as a convex-hull inclusion).
     */
    @SuppressWarnings("unchecked")
    <C> Series<C> series(Coefficients<C> cf, C[] x0, int[] signs, int order) {
        int len = op.length;
        Object[][] c = new Object[len][order + 1];
        C[][] x = (C[][]) java.lang.reflect.Array.newInstance(x0.getClass(), order + 1);
        x[0] = x0.clone();
        for (int k = 0; k <= order; k++) {
            for (int r = 0; r < len; r++) c[r][k] = coefficient(cf, c, r, k, x, signs);
            if (k < order) {
                C[] next = cf.newArray(dimension);
                for (int i = 0; i < dimension; i++) next[i] = cf.divide((C) c[outputs[i]][k], k + 1);
                x[k + 1] = next;
            }
        }
        C[][] g = (C[][]) java.lang.reflect.Array.newInstance(x0.getClass(), order + 1);
        for (int k = 0; k <= order; k++) {
            C[] gk = cf.newArray(guardRegister.length);
            for (int j = 0; j < gk.length; j++) gk[j] = (C) c[guardRegister[j]][k];
            g[k] = gk;
        }
        return new Series<>(x, g);
    }

    @SuppressWarnings("unchecked")
    private <C> C coefficient(Coefficients<C> cf, Object[][] c, int r, int k, C[][] x, int[] signs) {
        int ra = a[r], rb = b[r];
        switch (op[r]) {
            case CONST: return k == 0 ? cf.constant(constant[r]) : cf.zero();
            case VAR: return x[k][ra];
            case ADD: return cf.add((C) c[ra][k], (C) c[rb][k]);
            case SUB: return cf.sub((C) c[ra][k], (C) c[rb][k]);
            case NEG: return cf.neg((C) c[ra][k]);
            case MUL: {
                C s = cf.mul((C) c[ra][0], (C) c[rb][k]);
                for (int j = 1; j <= k; j++) s = cf.add(s, cf.mul((C) c[ra][j], (C) c[rb][k - j]));
                return s;
            }
            case SQR: {
                if (k == 0) return cf.sqr((C) c[ra][0]);
                C s = null;
                for (int j = 0; 2 * j < k; j++) {
                    C t = cf.mul((C) c[ra][j], (C) c[ra][k - j]);
                    s = s == null ? t : cf.add(s, t);
                }
                s = cf.times(s, 2);
                if (k % 2 == 0) s = cf.add(s, cf.sqr((C) c[ra][k / 2]));
                return s;
            }
            case DIV: { // c = a / b: c_k = (a_k - sum_{j=1}^k b_j c_{k-j}) / b_0
                C s = (C) c[ra][k];
                for (int j = 1; j <= k; j++) s = cf.sub(s, cf.mul((C) c[rb][j], (C) c[r][k - j]));
                return cf.div(s, (C) c[rb][0]);
            }
            case SQRT: { // c^2 = a: c_k = (a_k - sum_{j=1}^{k-1} c_j c_{k-j}) / (2 c_0)
                if (k == 0) return cf.sqrt((C) c[ra][0]);
                C s = (C) c[ra][k];
                for (int j = 1; j < k; j++) s = cf.sub(s, cf.mul((C) c[r][j], (C) c[r][k - j]));
                return cf.div(s, cf.times((C) c[r][0], 2));
            }
            case EXP: { // c' = a' c: k c_k = sum_{j=1}^k j a_j c_{k-j}
                if (k == 0) return cf.exp((C) c[ra][0]);
                C s = null;
                for (int j = 1; j <= k; j++) {
                    C t = cf.times(cf.mul((C) c[ra][j], (C) c[r][k - j]), j);
                    s = s == null ? t : cf.add(s, t);
                }
                return cf.divide(s, k);
            }
            case LOG: { // a c' = a': k a_0 c_k = k a_k - sum_{j=1}^{k-1} j c_j a_{k-j}
                if (k == 0) return cf.log((C) c[ra][0]);
                C s = cf.times((C) c[ra][k], k);
                for (int j = 1; j < k; j++) s = cf.sub(s, cf.times(cf.mul((C) c[r][j], (C) c[ra][k - j]), j));
                return cf.div(cf.divide(s, k), (C) c[ra][0]);
            }
            case RAMP: {
                int sign = signs[guardOf[r]];
                if (sign > 0) return (C) c[ra][k];
                if (sign < 0) return cf.zero();
                return k == 0 ? cf.ramp((C) c[ra][0]) : cf.zero();
            }
            case STEP: {
                int sign = signs[guardOf[r]];
                if (k > 0) return cf.zero();
                if (sign > 0) return cf.constant(Interval.ONE);
                if (sign < 0) return cf.zero();
                return cf.step((C) c[ra][0], stepAtZero);
            }
            default: throw new IllegalStateException();
        }
    }
}
