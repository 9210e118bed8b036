package org.reluflow.sweep;

import java.util.Arrays;

/**
 * One swept spec key and its values, written {@code KEY=v1,v2,...}, {@code KEY=lo:hi:n} (n evenly spaced values
 * from lo to hi) or {@code KEY=lo:hi:n:log} (n geometrically spaced values, lo and hi positive). KEY is a dotted
 * path into the spec, list entries by index from 0: {@code init.scale}, {@code data.angle},
 * {@code data.labels.1}.
 */
public record Axis(String key, double[] values, boolean geometric) {

    /** At most this many values on one axis. */
    public static final int MAX_VALUES = 400;

    public Axis {
        values = values.clone();
    }

    @Override public double[] values() { return values.clone(); }

    public int size() { return values.length; }

    public double value(int k) { return values[k]; }

    /** Parses {@code KEY=VALUES}; an {@link IllegalArgumentException} says what is wrong. */
    public static Axis parse(String text) {
        int eq = text.indexOf('=');
        if (eq <= 0 || eq == text.length() - 1)
            throw new IllegalArgumentException("'" + text + "' is not KEY=VALUES (e.g. init.scale=1e-4:1e-1:7:log)");
        String key = text.substring(0, eq).strip(), spec = text.substring(eq + 1).strip();
        if (!key.matches("[A-Za-z_][A-Za-z0-9_]*(\\.([A-Za-z_][A-Za-z0-9_]*|[0-9]+))*"))
            throw new IllegalArgumentException("'" + key + "' is not a dotted spec key such as init.scale or data.labels.1");
        String[] range = spec.split(":", -1);
        if (range.length >= 3 && range.length <= 4) return range(key, range);
        if (spec.contains(":"))
            throw new IllegalArgumentException(key + ": a range is lo:hi:n or lo:hi:n:log, got '" + spec + "'");
        String[] parts = spec.split(",", -1);
        double[] v = new double[parts.length];
        for (int k = 0; k < parts.length; k++) v[k] = number(key, parts[k]);
        if (v.length > MAX_VALUES) throw new IllegalArgumentException(key + ": at most " + MAX_VALUES + " values");
        return new Axis(key, v, false);
    }

    private static Axis range(String key, String[] range) {
        double lo = number(key, range[0]), hi = number(key, range[1]);
        int n;
        try {
            n = Integer.parseInt(range[2].strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + ": the count n in lo:hi:n must be an integer, got '" + range[2] + "'");
        }
        if (n < 1 || n > MAX_VALUES) throw new IllegalArgumentException(key + ": the count must lie in [1, " + MAX_VALUES + "], got " + n);
        boolean log = range.length == 4;
        if (log && !range[3].strip().equals("log"))
            throw new IllegalArgumentException(key + ": the fourth field of a range can only be 'log', got '" + range[3] + "'");
        if (log && !(lo > 0 && hi > 0))
            throw new IllegalArgumentException(key + ": a log range needs positive ends, got " + lo + " and " + hi);
        double[] v = new double[n];
        for (int k = 0; k < n; k++) {
            double f = n == 1 ? 0 : (double) k / (n - 1);
            // base-10 logarithms keep decades exact: 1e-4:1e-2:3:log gives 0.001, not 0.0010000000000000002
            v[k] = log ? Math.pow(10, Math.log10(lo) + f * (Math.log10(hi) - Math.log10(lo))) : lo + f * (hi - lo);
        }
        // the ends exactly as written
        v[0] = lo;
        if (n > 1) v[n - 1] = hi;
        return new Axis(key, v, log);
    }

    private static double number(String key, String s) {
        double v;
        try {
            v = Double.parseDouble(s.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + ": '" + s.strip() + "' is not a number");
        }
        if (!Double.isFinite(v)) throw new IllegalArgumentException(key + ": NaN and infinite values are not allowed");
        return v;
    }

    /** A value as people write it: 0.001, 1e-06, 2.5, 40 (at most four significant digits). */
    public static String compact(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e6) return Long.toString((long) v);
        String s = String.format(java.util.Locale.ROOT, "%.4g", v);
        int e = s.indexOf('e');
        String mantissa = e < 0 ? s : s.substring(0, e), exponent = e < 0 ? "" : s.substring(e);
        if (mantissa.contains(".")) mantissa = mantissa.replaceAll("0+$", "").replaceAll("\\.$", "");
        return mantissa + exponent;
    }

    @Override public String toString() { return key + "=" + Arrays.toString(values); }
}
