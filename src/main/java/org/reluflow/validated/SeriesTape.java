package org.reluflow.validated;

import org.reluflow.symbolic.IntervalArithmetic;
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
    /** Registers whose Taylor series in time is its value only (constants, UnitSteps and expressions of them). */
    private final boolean[] constantInTime;
    private final double[][] ballConstant; // register -> {hi, lo, rad} of a constant (double-double centre series)

    private SeriesTape(int dimension, List<K> op, List<int[]> args, List<Interval> constants, int[] outputs,
                       int[] guardRegister, int[] guardOf, double stepAtZero, String[] guardNames, List<double[]> ballConstants) {
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
        this.constantInTime = new boolean[op.size()];
        for (int r = 0; r < op.size(); r++)
            constantInTime[r] = switch (this.op[r]) {
                case CONST, STEP -> true;
                case VAR, RAMP -> false;
                case ADD, SUB, MUL, DIV -> constantInTime[a[r]] && constantInTime[b[r]];
                case NEG, SQR, SQRT, EXP, LOG -> constantInTime[a[r]];
            };
        this.ballConstant = ballConstants.toArray(new double[0][]);
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
                case CONST -> low.constant(IntervalArithmetic.enclose(in.constant()), DoubleDoubleBall.of(in.constant()));
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
                guardRegs.stream().mapToInt(Integer::intValue).toArray(), guardOf, stepAtZero, names.toArray(new String[0]), low.balls);
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
                stepAtZero, names.toArray(new String[0]), java.util.Arrays.asList(ballConstant));
        return t;
    }

    private static final class Lowering {
        final List<K> op = new ArrayList<>();
        final List<int[]> args = new ArrayList<>();
        final List<Interval> constants = new ArrayList<>();
        final List<double[]> balls = new ArrayList<>();

        int push(K k, int x, int y) {
            op.add(k);
            args.add(new int[] {x, y});
            constants.add(null);
            balls.add(null);
            return op.size() - 1;
        }

        int constant(Interval v) {
            return constant(v, DoubleDoubleBall.of(v));
        }

        /** A constant with its double-double ball (null if it has none: then no double-double centre series). */
        int constant(Interval v, double[] ball) {
            int r = push(K.CONST, 0, 0);
            constants.set(r, v);
            balls.set(r, ball);
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

    /**
     * The side whose field applies on a surface itself: +1 if UnitStep[0] = 1, -1 if UnitStep[0] = 0 (Max[0, 0] = 0
     * on both), 0 for a fractional value (then no side does).
     */
    int sideAtZero() { return stepAtZero == 1 ? 1 : stepAtZero == 0 ? -1 : 0; }

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

    /**
     * The same as {@link #series} over {@link Coefficients#INTERVALS}, without allocation in the recurrences: bounds
     * in primitive arrays, each correctly rounded operation widened by one ulp (nextDown/nextUp), which is sound for
     * round-to-nearest; exp and log (1 ulp in java.lang.Math) by two. A NaN bound (0 * inf, an operation outside its
     * domain) becomes the whole line, so nothing unsound survives. About an order of magnitude faster than the
     * object path; the object path stays as the reference the tests compare against.
     */
    Series<Interval> intervalSeries(Interval[] x0, int[] signs, int order) {
        int len = op.length, w = order + 1;
        double[][] lo = new double[len][w], hi = new double[len][w];
        double[][] xl = new double[w][dimension], xh = new double[w][dimension];
        double[] t = new double[2];
        for (int i = 0; i < dimension; i++) { xl[0][i] = x0[i].lo(); xh[0][i] = x0[i].hi(); }
        for (int k = 0; k <= order; k++) {
            for (int r = 0; r < len; r++) fastCoefficient(lo, hi, r, k, xl, xh, signs, t);
            if (k < order) {
                for (int i = 0; i < dimension; i++) {
                    int o = outputs[i];
                    xl[k + 1][i] = quotDown(lo[o][k], k + 1);
                    xh[k + 1][i] = quotUp(hi[o][k], k + 1);
                }
            }
        }
        Interval[][] x = new Interval[w][dimension], g = new Interval[w][guardRegister.length];
        for (int k = 0; k <= order; k++) {
            for (int i = 0; i < dimension; i++) x[k][i] = box(xl[k][i], xh[k][i]);
            for (int j = 0; j < guardRegister.length; j++) g[k][j] = box(lo[guardRegister[j]][k], hi[guardRegister[j]][k]);
        }
        return new Series<>(x, g);
    }

    private static double down(double v) { return v != v ? Double.NEGATIVE_INFINITY : Math.nextDown(v); }

    private static double up(double v) { return v != v ? Double.POSITIVE_INFINITY : Math.nextUp(v); }

    private static Interval box(double l, double h) {
        if (l != l || h != h) return Interval.ENTIRE;
        if (l == Double.POSITIVE_INFINITY || h == Double.NEGATIVE_INFINITY) return Interval.ENTIRE;
        return Interval.of(l, h);
    }

    private static double min4(double a, double b, double c, double d) { return Math.min(Math.min(a, b), Math.min(c, d)); }

    private static double max4(double a, double b, double c, double d) { return Math.max(Math.max(a, b), Math.max(c, d)); }

    /** a + b rounded down; exact (no widening) when an operand is 0, so exact zeros survive. */
    private static double sumDown(double a, double b) { return a == 0 ? b : b == 0 ? a : down(a + b); }

    private static double sumUp(double a, double b) { return a == 0 ? b : b == 0 ? a : up(a + b); }

    /** a / k for a positive integer k, rounded down; 0 stays exact. */
    private static double quotDown(double a, int k) { return a == 0 ? 0 : down(a / k); }

    private static double quotUp(double a, int k) { return a == 0 ? 0 : up(a / k); }

    /** [lo, hi] * [l2, h2] into out[0..1], outward; exactly [0, 0] when a factor is the point 0. */
    private static void mul(double al, double ah, double bl, double bh, double[] out) {
        if ((al == 0 && ah == 0) || (bl == 0 && bh == 0)) { out[0] = 0; out[1] = 0; return; }
        double p1 = al * bl, p2 = al * bh, p3 = ah * bl, p4 = ah * bh;
        out[0] = down(min4(p1, p2, p3, p4));
        out[1] = up(max4(p1, p2, p3, p4));
    }

    /** Coefficient k of register r; {@code t} is the caller's two-slot scratch for products. */
    private void fastCoefficient(double[][] lo, double[][] hi, int r, int k, double[][] xl, double[][] xh, int[] signs, double[] t) {
        int ra = a[r], rb = b[r];
        switch (op[r]) {
            case CONST -> {
                lo[r][k] = k == 0 ? constant[r].lo() : 0.0;
                hi[r][k] = k == 0 ? constant[r].hi() : 0.0;
            }
            case VAR -> { lo[r][k] = xl[k][ra]; hi[r][k] = xh[k][ra]; }
            case ADD -> { lo[r][k] = sumDown(lo[ra][k], lo[rb][k]); hi[r][k] = sumUp(hi[ra][k], hi[rb][k]); }
            case SUB -> { lo[r][k] = sumDown(lo[ra][k], -hi[rb][k]); hi[r][k] = sumUp(hi[ra][k], -lo[rb][k]); }
            case NEG -> { lo[r][k] = -hi[ra][k]; hi[r][k] = -lo[ra][k]; }
            case MUL -> {
                double sl = 0, sh = 0;
                boolean constA = constantInTime[ra], constB = constantInTime[rb];
                int from = constB ? k : 0, to = constA ? 0 : k; // a constant's series is its value only
                for (int j = from; j <= to; j++) {
                    mul(lo[ra][j], hi[ra][j], lo[rb][k - j], hi[rb][k - j], t);
                    sl = j == from ? t[0] : sumDown(sl, t[0]);
                    sh = j == from ? t[1] : sumUp(sh, t[1]);
                }
                if (from > to) { sl = 0; sh = 0; }
                lo[r][k] = sl;
                hi[r][k] = sh;
            }
            case SQR -> {
                double sl = 0, sh = 0;
                boolean first = true;
                for (int j = 0; 2 * j < k; j++) {
                    mul(lo[ra][j], hi[ra][j], lo[ra][k - j], hi[ra][k - j], t);
                    sl = first ? t[0] : sumDown(sl, t[0]);
                    sh = first ? t[1] : sumUp(sh, t[1]);
                    first = false;
                }
                sl *= 2; sh *= 2; // exact
                if (k % 2 == 0) {
                    double l = lo[ra][k / 2], h = hi[ra][k / 2], ql, qh;
                    if (l >= 0) { ql = down(l * l); qh = up(h * h); }
                    else if (h <= 0) { ql = down(h * h); qh = up(l * l); }
                    else { ql = 0; qh = up(Math.max(l * l, h * h)); }
                    sl = first ? ql : sumDown(sl, ql);
                    sh = first ? qh : sumUp(sh, qh);
                }
                lo[r][k] = sl;
                hi[r][k] = sh;
            }
            case DIV -> { // c_k = (a_k - sum_{j=1}^k b_j c_{k-j}) / b_0
                double sl = lo[ra][k], sh = hi[ra][k];
                for (int j = 1; j <= k; j++) {
                    mul(lo[rb][j], hi[rb][j], lo[r][k - j], hi[r][k - j], t);
                    sl = sumDown(sl, -t[1]);
                    sh = sumUp(sh, -t[0]);
                }
                div(sl, sh, lo[rb][0], hi[rb][0], t);
                lo[r][k] = t[0];
                hi[r][k] = t[1];
            }
            case SQRT -> {
                if (k == 0) {
                    double l = lo[ra][0], h = hi[ra][0];
                    if (h < 0) { lo[r][0] = Double.NaN; hi[r][0] = Double.NaN; return; }
                    lo[r][0] = Math.max(0, down(Math.sqrt(Math.max(l, 0))));
                    hi[r][0] = up(Math.sqrt(h));
                    return;
                }
                double sl = lo[ra][k], sh = hi[ra][k];
                for (int j = 1; j < k; j++) {
                    mul(lo[r][j], hi[r][j], lo[r][k - j], hi[r][k - j], t);
                    sl = sumDown(sl, -t[1]);
                    sh = sumUp(sh, -t[0]);
                }
                div(sl, sh, 2 * lo[r][0], 2 * hi[r][0], t);
                lo[r][k] = t[0];
                hi[r][k] = t[1];
            }
            case EXP -> {
                if (k == 0) {
                    lo[r][0] = Math.max(0, down(down(Math.exp(lo[ra][0]))));
                    hi[r][0] = up(up(Math.exp(hi[ra][0])));
                    return;
                }
                double sl = 0, sh = 0;
                for (int j = 1; j <= k; j++) {
                    mul(lo[ra][j], hi[ra][j], lo[r][k - j], hi[r][k - j], t);
                    sl = j == 1 ? down(t[0] * j) : down(sl + down(t[0] * j));
                    sh = j == 1 ? up(t[1] * j) : up(sh + up(t[1] * j));
                }
                lo[r][k] = down(sl / k);
                hi[r][k] = up(sh / k);
            }
            case LOG -> {
                if (k == 0) {
                    double l = lo[ra][0], h = hi[ra][0];
                    lo[r][0] = l > 0 ? down(down(Math.log(l))) : Double.NEGATIVE_INFINITY;
                    hi[r][0] = h > 0 ? up(up(Math.log(h))) : Double.NaN;
                    return;
                }
                double sl = down(lo[ra][k] * k), sh = up(hi[ra][k] * k);
                for (int j = 1; j < k; j++) {
                    mul(lo[r][j], hi[r][j], lo[ra][k - j], hi[ra][k - j], t);
                    sl = down(sl - up(t[1] * j));
                    sh = up(sh - down(t[0] * j));
                }
                div(down(sl / k), up(sh / k), lo[ra][0], hi[ra][0], t);
                lo[r][k] = t[0];
                hi[r][k] = t[1];
            }
            case RAMP -> {
                int sign = signs[guardOf[r]];
                if (sign > 0) { lo[r][k] = lo[ra][k]; hi[r][k] = hi[ra][k]; }
                else if (sign < 0 || k > 0) { lo[r][k] = 0; hi[r][k] = 0; }
                else { lo[r][0] = Math.max(0, lo[ra][0]); hi[r][0] = Math.max(0, hi[ra][0]); }
            }
            case STEP -> {
                int sign = signs[guardOf[r]];
                if (k > 0 || sign < 0) { lo[r][k] = 0; hi[r][k] = 0; }
                else if (sign > 0) { lo[r][0] = 1; hi[r][0] = 1; }
                else {
                    double l = lo[ra][0], h = hi[ra][0];
                    double sl = l > 0 ? 1 : h < 0 ? 0 : stepAtZero, sh = sl;
                    if (h > 0) { sl = Math.min(sl, 1); sh = Math.max(sh, 1); }
                    if (l < 0) { sl = Math.min(sl, 0); sh = Math.max(sh, 0); }
                    lo[r][0] = sl;
                    hi[r][0] = sh;
                }
            }
            default -> throw new IllegalStateException();
        }
    }

    /**
     * The gradients of the guards that are affine in the variables (built from variables and constants by +, - and
     * products with constant subexpressions; null entries for the others). Filippov sliding is integrated only along
     * affine guards, where the sliding field keeps g constant. For an affine g, g(e_i) - g(0) is exactly the i-th
     * component of its gradient, so n + 1 interval evaluations of the tape at points enclose every gradient at once.
     */
    Interval[][] affineGuardGradients() {
        int guards = guardRegister.length;
        Interval[][] grad = new Interval[guards][];
        boolean any = false;
        for (int g = 0; g < guards; g++) if (affine(guardRegister[g])) { grad[g] = new Interval[dimension]; any = true; }
        if (!any) return grad;
        int[] sides = new int[guards];
        java.util.Arrays.fill(sides, 1); // an affine guard's argument involves no switching term
        Interval[] x = new Interval[dimension];
        java.util.Arrays.fill(x, Interval.ZERO);
        Interval[] atZero = intervalSeries(x, sides, 0).guards()[0];
        for (int i = 0; i < dimension; i++) {
            x[i] = Interval.ONE;
            Interval[] atUnit = intervalSeries(x, sides, 0).guards()[0];
            x[i] = Interval.ZERO;
            for (int g = 0; g < guards; g++) if (grad[g] != null) grad[g][i] = atUnit[g].sub(atZero[g]);
        }
        return grad;
    }

    private boolean constantOnly(int r) {
        return switch (op[r]) {
            case CONST -> true;
            case ADD, SUB, MUL, SQR, DIV -> constantOnly(a[r]) && (op[r] == K.SQR || constantOnly(b[r]));
            case NEG, SQRT, EXP, LOG -> constantOnly(a[r]);
            default -> false;
        };
    }

    private boolean affine(int r) {
        return switch (op[r]) {
            case CONST, VAR -> true;
            case ADD, SUB -> affine(a[r]) && affine(b[r]);
            case NEG -> affine(a[r]);
            case MUL -> (constantOnly(a[r]) && affine(b[r])) || (constantOnly(b[r]) && affine(a[r]));
            default -> constantOnly(r);
        };
    }

    /** Whether some guard's argument depends on a switching term (nested Max/UnitStep). */
    boolean hasNestedGuards() {
        for (int reg : guardRegister) if (dependsOnSwitch(reg)) return true;
        return false;
    }

    private boolean dependsOnSwitch(int r) {
        return switch (op[r]) {
            case RAMP, STEP -> true;
            case CONST, VAR -> false;
            case ADD, SUB, MUL, DIV -> dependsOnSwitch(a[r]) || dependsOnSwitch(b[r]);
            default -> dependsOnSwitch(a[r]);
        };
    }

    /**
     * Taylor coefficients of the Filippov sliding solution on the affine surface g = 0 with gradient c:
     * x' = f-(x) + lambda(x) (f+(x) - f-(x)), lambda = c.f- / (c.f- - c.f+), where f-/f+ are the fields with guard g
     * negative/positive and the other guards at {@code signs}. The sliding field satisfies c.x' = 0 everywhere, so
     * the flow keeps g constant. The returned guard coefficients are those of the other guards, followed by two more:
     * c.f- and c.f+ along the solution, whose signs certify that sliding persists.
     */
    Series<Interval> slidingSeries(Interval[] x0, int[] signs, int g, Interval[] c, int order) {
        int len = op.length, w = order + 1;
        int[] minus = signs.clone(), plus = signs.clone();
        minus[g] = -1;
        plus[g] = 1;
        double[][] lm = new double[len][w], hm = new double[len][w], lp = new double[len][w], hp = new double[len][w];
        double[][] xl = new double[w][dimension], xh = new double[w][dimension];
        double[] pl = new double[w], ph = new double[w], ql = new double[w], qh = new double[w];
        double[] dl = new double[w], dh = new double[w], laml = new double[w], lamh = new double[w];
        double[][] del = new double[w][dimension], deh = new double[w][dimension];
        double[] t = new double[2];
        for (int i = 0; i < dimension; i++) { xl[0][i] = x0[i].lo(); xh[0][i] = x0[i].hi(); }
        for (int k = 0; k <= order; k++) {
            for (int r = 0; r < len; r++) {
                fastCoefficient(lm, hm, r, k, xl, xh, minus, t);
                fastCoefficient(lp, hp, r, k, xl, xh, plus, t);
            }
            // p = c.f-, q = c.f+, d = p - q, Delta = f+ - f-
            double sl = 0, sh = 0, ul = 0, uh = 0;
            for (int i = 0; i < dimension; i++) {
                int o = outputs[i];
                mul(c[i].lo(), c[i].hi(), lm[o][k], hm[o][k], t);
                sl = sumDown(sl, t[0]); sh = sumUp(sh, t[1]);
                mul(c[i].lo(), c[i].hi(), lp[o][k], hp[o][k], t);
                ul = sumDown(ul, t[0]); uh = sumUp(uh, t[1]);
                del[k][i] = sumDown(lp[o][k], -hm[o][k]);
                deh[k][i] = sumUp(hp[o][k], -lm[o][k]);
            }
            pl[k] = sl; ph[k] = sh; ql[k] = ul; qh[k] = uh;
            dl[k] = sumDown(sl, -uh); dh[k] = sumUp(sh, -ul);
            // lambda = p / d: lambda_k = (p_k - sum_{j=1}^k d_j lambda_{k-j}) / d_0
            double al = pl[k], ah = ph[k];
            for (int j = 1; j <= k; j++) {
                mul(dl[j], dh[j], laml[k - j], lamh[k - j], t);
                al = sumDown(al, -t[1]); ah = sumUp(ah, -t[0]);
            }
            div(al, ah, dl[0], dh[0], t);
            laml[k] = t[0]; lamh[k] = t[1];
            if (k < order) {
                for (int i = 0; i < dimension; i++) {
                    int o = outputs[i];
                    double fl = lm[o][k], fh = hm[o][k];
                    for (int j = 0; j <= k; j++) {
                        mul(laml[j], lamh[j], del[k - j][i], deh[k - j][i], t);
                        fl = sumDown(fl, t[0]); fh = sumUp(fh, t[1]);
                    }
                    xl[k + 1][i] = quotDown(fl, k + 1);
                    xh[k + 1][i] = quotUp(fh, k + 1);
                }
            }
        }
        int ng = guardRegister.length;
        Interval[][] x = new Interval[w][dimension], gs = new Interval[w][ng + 2];
        for (int k = 0; k <= order; k++) {
            for (int i = 0; i < dimension; i++) x[k][i] = box(xl[k][i], xh[k][i]);
            for (int j = 0; j < ng; j++) gs[k][j] = box(lm[guardRegister[j]][k], hm[guardRegister[j]][k]);
            gs[k][ng] = box(pl[k], ph[k]);
            gs[k][ng + 1] = box(ql[k], qh[k]);
        }
        return new Series<>(x, gs);
    }

    /** Whether the fast jet path covers this tape (no sqrt, exp or log: those take the object path). */
    /**
     * The Taylor polynomial sum_{k<=order} x_k h^k of the solution from the point x0, in double-double balls
     * ({@link DoubleDoubleBall}): {hi, lo, rad} per coordinate, the exact value within rad of hi + lo, hi the nearest
     * double. Null when the field has an operation without a ball recurrence (division, sqrt, exp, log, an unknown
     * guard sign) or something overflowed; then the caller uses intervals.
     */
    double[][] centrePolynomial(double[] x0, int[] signs, int order, Interval h) {
        int len = op.length, w = order + 1;
        for (int r = 0; r < len; r++) {
            K k = op[r];
            if (k == K.DIV || k == K.SQRT || k == K.EXP || k == K.LOG || (k == K.CONST && ballConstant[r] == null)) return null;
            if ((k == K.RAMP || k == K.STEP) && signs[guardOf[r]] == 0) return null;
        }
        double[][] hi = new double[len][w], lo = new double[len][w], rad = new double[len][w];
        double[][] xh = new double[w][dimension], xl = new double[w][dimension], xr = new double[w][dimension];
        for (int i = 0; i < dimension; i++) xh[0][i] = x0[i];
        double[] t = new double[3];
        for (int k = 0; k <= order; k++) {
            for (int r = 0; r < len; r++) {
                int ra = a[r], rb = b[r];
                switch (op[r]) {
                    case CONST -> {
                        if (k == 0) { hi[r][0] = ballConstant[r][0]; lo[r][0] = ballConstant[r][1]; rad[r][0] = ballConstant[r][2]; }
                    }
                    case VAR -> { hi[r][k] = xh[k][ra]; lo[r][k] = xl[k][ra]; rad[r][k] = xr[k][ra]; }
                    case ADD -> {
                        DoubleDoubleBall.add(hi[ra][k], lo[ra][k], rad[ra][k], hi[rb][k], lo[rb][k], rad[rb][k], t);
                        hi[r][k] = t[0]; lo[r][k] = t[1]; rad[r][k] = t[2];
                    }
                    case SUB -> {
                        DoubleDoubleBall.add(hi[ra][k], lo[ra][k], rad[ra][k], -hi[rb][k], -lo[rb][k], rad[rb][k], t);
                        hi[r][k] = t[0]; lo[r][k] = t[1]; rad[r][k] = t[2];
                    }
                    case NEG -> { hi[r][k] = -hi[ra][k]; lo[r][k] = -lo[ra][k]; rad[r][k] = rad[ra][k]; }
                    case MUL, SQR -> {
                        int rb2 = op[r] == K.SQR ? ra : rb;
                        boolean constA = op[ra] == K.CONST, constB = op[rb2] == K.CONST;
                        int from = constB ? k : 0, to = constA ? 0 : k; // a constant's series is its value only
                        double sh = 0, sl = 0, sr = 0;
                        for (int j = from; j <= to; j++) {
                            DoubleDoubleBall.mul(hi[ra][j], lo[ra][j], rad[ra][j], hi[rb2][k - j], lo[rb2][k - j], rad[rb2][k - j], t);
                            if (j == from) { sh = t[0]; sl = t[1]; sr = t[2]; }
                            else { DoubleDoubleBall.add(sh, sl, sr, t[0], t[1], t[2], t); sh = t[0]; sl = t[1]; sr = t[2]; }
                        }
                        hi[r][k] = sh; lo[r][k] = sl; rad[r][k] = sr;
                    }
                    case RAMP -> {
                        if (signs[guardOf[r]] > 0) { hi[r][k] = hi[ra][k]; lo[r][k] = lo[ra][k]; rad[r][k] = rad[ra][k]; }
                    }
                    case STEP -> {
                        if (k == 0 && signs[guardOf[r]] > 0) hi[r][0] = 1;
                    }
                    default -> { return null; }
                }
            }
            if (k < order) {
                for (int i = 0; i < dimension; i++) {
                    int o = outputs[i];
                    DoubleDoubleBall.divide(hi[o][k], lo[o][k], rad[o][k], k + 1, t);
                    xh[k + 1][i] = t[0]; xl[k + 1][i] = t[1]; xr[k + 1][i] = t[2];
                }
            }
        }
        double[] hb = DoubleDoubleBall.of(h);
        if (hb == null) return null;
        double[][] y = new double[3][dimension];
        for (int i = 0; i < dimension; i++) {
            double ah = xh[order][i], al = xl[order][i], ar = xr[order][i];
            for (int k = order - 1; k >= 0; k--) { // Horner
                DoubleDoubleBall.mul(ah, al, ar, hb[0], hb[1], hb[2], t);
                DoubleDoubleBall.add(t[0], t[1], t[2], xh[k][i], xl[k][i], xr[k][i], t);
                ah = t[0]; al = t[1]; ar = t[2];
            }
            if (!Double.isFinite(ah) || !Double.isFinite(al) || !Double.isFinite(ar)) return null;
            y[0][i] = ah; y[1][i] = al; y[2][i] = ar;
        }
        return y;
    }

    boolean polynomialOrRational() {
        for (K k : op) if (k == K.SQRT || k == K.EXP || k == K.LOG) return false;
        return true;
    }

    /**
     * The Jacobian of the Taylor map x0 -> sum_{k=0}^{order} x_k(x0) h^k over the box x0 (every member's Jacobian
     * lies in it), by forward-mode jets in primitive arrays: channel 0 is the value, channels 1..n the derivatives.
     * Requires {@link #polynomialOrRational()}.
     */
    Interval[][] taylorMapJacobian(Interval[] x0, int[] signs, int order, Interval h) {
        int len = op.length, w = order + 1, ch = dimension + 1;
        double[][][] lo = new double[len][w][], hi = new double[len][w][];
        double[][][] xl = new double[w][dimension][], xh = new double[w][dimension][];
        for (int i = 0; i < dimension; i++) {
            xl[0][i] = new double[ch]; xh[0][i] = new double[ch];
            xl[0][i][0] = x0[i].lo(); xh[0][i][0] = x0[i].hi();
            xl[0][i][i + 1] = 1; xh[0][i][i + 1] = 1;
        }
        double[] t = new double[2];
        for (int k = 0; k <= order; k++) {
            for (int r = 0; r < len; r++) jetCoefficient(lo, hi, r, k, xl, xh, signs, ch, t);
            if (k < order) {
                for (int i = 0; i < dimension; i++) {
                    int o = outputs[i];
                    double[] l = new double[ch], u = new double[ch];
                    for (int c = 0; c < ch; c++) { l[c] = quotDown(lo[o][k][c], k + 1); u[c] = quotUp(hi[o][k][c], k + 1); }
                    xl[k + 1][i] = l; xh[k + 1][i] = u;
                }
            }
        }
        Interval[][] jac = new Interval[dimension][dimension];
        for (int i = 0; i < dimension; i++)
            for (int j = 0; j < dimension; j++) {
                Interval acc = Interval.ZERO;
                for (int k = order; k >= 1; k--) acc = acc.add(box(xl[k][i][j + 1], xh[k][i][j + 1])).mul(h);
                jac[i][j] = i == j ? acc.add(Interval.ONE) : acc;
            }
        return jac;
    }

    private static final double[] ZEROS = new double[0];

    private void jetCoefficient(double[][][] lo, double[][][] hi, int r, int k, double[][][] xl, double[][][] xh,
                                int[] signs, int ch, double[] t) {
        int ra = a[r], rb = b[r];
        double[] l = new double[ch], u = new double[ch];
        switch (op[r]) {
            case CONST -> { if (k == 0) { l[0] = constant[r].lo(); u[0] = constant[r].hi(); } }
            case VAR -> { l = xl[k][ra]; u = xh[k][ra]; }
            case ADD -> { for (int c = 0; c < ch; c++) { l[c] = sumDown(lo[ra][k][c], lo[rb][k][c]); u[c] = sumUp(hi[ra][k][c], hi[rb][k][c]); } }
            case SUB -> { for (int c = 0; c < ch; c++) { l[c] = sumDown(lo[ra][k][c], -hi[rb][k][c]); u[c] = sumUp(hi[ra][k][c], -lo[rb][k][c]); } }
            case NEG -> { for (int c = 0; c < ch; c++) { l[c] = -hi[ra][k][c]; u[c] = -lo[ra][k][c]; } }
            case MUL, SQR -> {
                int rb2 = op[r] == K.SQR ? ra : rb;
                boolean constA = op[ra] == K.CONST, constB = op[rb2] == K.CONST;
                int from = constB ? k : 0, to = constA ? 0 : k;
                for (int j = from; j <= to; j++) accumulateProduct(lo[ra][j], hi[ra][j], lo[rb2][k - j], hi[rb2][k - j], l, u, ch, t);
            }
            case DIV -> { // c_k = (a_k - sum_{j=1}^k b_j c_{k-j}) / b_0, with the quotient rule on channels
                double[] nl = lo[ra][k].clone(), nu = hi[ra][k].clone();
                double[] pl = new double[ch], pu = new double[ch];
                for (int j = 1; j <= k; j++) accumulateProduct(lo[rb][j], hi[rb][j], lo[r][k - j], hi[r][k - j], pl, pu, ch, t);
                for (int c = 0; c < ch; c++) { nl[c] = sumDown(nl[c], -pu[c]); nu[c] = sumUp(nu[c], -pl[c]); }
                // (n / b0): value n0/b0; derivative (n' - q b0') / b0 with q = n0/b0
                double[] b0l = lo[rb][0], b0u = hi[rb][0];
                div(nl[0], nu[0], b0l[0], b0u[0], t);
                double ql = t[0], qu = t[1];
                l[0] = ql; u[0] = qu;
                for (int c = 1; c < ch; c++) {
                    mul(ql, qu, b0l[c], b0u[c], t);
                    double dl = sumDown(nl[c], -t[1]), du = sumUp(nu[c], -t[0]);
                    div(dl, du, b0l[0], b0u[0], t);
                    l[c] = t[0]; u[c] = t[1];
                }
            }
            case RAMP -> {
                int sign = signs[guardOf[r]];
                if (sign > 0) { l = lo[ra][k]; u = hi[ra][k]; }
            }
            case STEP -> {
                int sign = signs[guardOf[r]];
                if (k == 0 && sign > 0) { l[0] = 1; u[0] = 1; }
            }
            default -> throw new IllegalStateException("jets need a polynomial or rational field");
        }
        lo[r][k] = l;
        hi[r][k] = u;
    }

    /** (l, u) += a * b for jets: value a0 b0, derivative a0 b' + a' b0. */
    private static void accumulateProduct(double[] al, double[] ah, double[] bl, double[] bh, double[] l, double[] u, int ch, double[] t) {
        mul(al[0], ah[0], bl[0], bh[0], t);
        l[0] = sumDown(l[0], t[0]); u[0] = sumUp(u[0], t[1]);
        for (int c = 1; c < ch; c++) {
            double sl = 0, su = 0;
            if (bl[c] != 0 || bh[c] != 0) { mul(al[0], ah[0], bl[c], bh[c], t); sl = t[0]; su = t[1]; }
            if (al[c] != 0 || ah[c] != 0) { mul(al[c], ah[c], bl[0], bh[0], t); sl = sumDown(sl, t[0]); su = sumUp(su, t[1]); }
            l[c] = sumDown(l[c], sl); u[c] = sumUp(u[c], su);
        }
    }

    /** [al, ah] / [bl, bh] into out, outward; the whole line if the divisor may vanish. */
    private static void div(double al, double ah, double bl, double bh, double[] out) {
        if (!(bl > 0 || bh < 0)) { out[0] = Double.NEGATIVE_INFINITY; out[1] = Double.POSITIVE_INFINITY; return; }
        if (al == 0 && ah == 0) { out[0] = 0; out[1] = 0; return; }
        double q1 = al / bl, q2 = al / bh, q3 = ah / bl, q4 = ah / bh;
        out[0] = down(min4(q1, q2, q3, q4));
        out[1] = up(max4(q1, q2, q3, q4));
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
