package org.reluflow.interval;

import java.math.BigDecimal;
import java.util.Locale;

/** Exact conversions between decimal text, {@link BigDecimal} and directed-rounded doubles. */
final class DecimalConversion {

    /** Pi truncated to 60 decimals, and the truncation plus one unit in the last place: pi lies strictly between. */
    static final BigDecimal PI_LOWER =
            new BigDecimal("3.141592653589793238462643383279502884197169399375105820974944");
    static final BigDecimal PI_UPPER =
            new BigDecimal("3.141592653589793238462643383279502884197169399375105820974945");

    private static final BigDecimal MAX = new BigDecimal(Double.MAX_VALUE);

    private DecimalConversion() {
    }

    /** Largest double {@code <= x} ({@code -inf} below {@code -MAX_VALUE}). */
    static double roundDown(BigDecimal x) {
        if (x.compareTo(MAX.negate()) < 0) {
            return Double.NEGATIVE_INFINITY;
        }
        if (x.compareTo(MAX) >= 0) {
            return Double.MAX_VALUE;
        }
        double d = x.doubleValue();
        // doubleValue is at worst a few ulps off; the exact comparisons below make the result independent of it
        d = Math.max(-Double.MAX_VALUE, Math.min(Double.MAX_VALUE, d));
        while (new BigDecimal(d).compareTo(x) > 0) {
            d = Math.nextDown(d);
        }
        while (d < Double.MAX_VALUE && new BigDecimal(Math.nextUp(d)).compareTo(x) <= 0) {
            d = Math.nextUp(d);
        }
        return d;
    }

    /** Smallest double {@code >= x} ({@code +inf} above {@code MAX_VALUE}). */
    static double roundUp(BigDecimal x) {
        return -roundDown(x.negate());
    }

    // ------------------------------------------------------------------ parse

    static Interval parse(String text) {
        String s = text.trim();
        if (!s.startsWith("[")) {
            return Interval.fromDecimal(s);
        }
        if (!s.endsWith("]")) {
            throw new IllegalArgumentException("missing ']' in interval literal: " + text);
        }
        String body = s.substring(1, s.length() - 1).trim();
        String lower = body.toLowerCase(Locale.ROOT);
        if (lower.equals("empty") || lower.isEmpty()) {
            return Interval.EMPTY;
        }
        if (lower.equals("entire")) {
            return Interval.ENTIRE;
        }
        int comma = body.indexOf(',');
        if (comma < 0) {
            return Interval.fromDecimal(body);
        }
        if (body.indexOf(',', comma + 1) >= 0) {
            throw new IllegalArgumentException("too many ',' in interval literal: " + text);
        }
        double lo = parseEndpoint(body.substring(0, comma), false, text);
        double hi = parseEndpoint(body.substring(comma + 1), true, text);
        if (lo == Double.POSITIVE_INFINITY || hi == Double.NEGATIVE_INFINITY || lo > hi) {
            throw new IllegalArgumentException("invalid interval bounds: " + text);
        }
        return Interval.of(lo, hi);
    }

    private static double parseEndpoint(String raw, boolean upper, String text) {
        String t = raw.trim().toLowerCase(Locale.ROOT);
        String unsigned = (t.startsWith("+") || t.startsWith("-")) ? t.substring(1) : t;
        if (unsigned.equals("inf") || unsigned.equals("infinity")) {
            return t.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        }
        if (t.isEmpty()) {
            throw new IllegalArgumentException("missing endpoint in interval literal: " + text);
        }
        BigDecimal x = new BigDecimal(t); // rejects "nan" with NumberFormatException
        return upper ? roundUp(x) : roundDown(x);
    }

    // ----------------------------------------------------------------- format

    static String format(Interval x, boolean exact) {
        if (x.isEmpty()) {
            return "[empty]";
        }
        if (x.isEntire()) {
            return "[entire]";
        }
        return "[" + endpoint(x.lo(), exact) + ", " + endpoint(x.hi(), exact) + "]";
    }

    private static String endpoint(double d, boolean exact) {
        if (Double.isInfinite(d)) {
            return d > 0 ? "+inf" : "-inf";
        }
        return exact ? new BigDecimal(d).toString() : Double.toString(d);
    }
}
