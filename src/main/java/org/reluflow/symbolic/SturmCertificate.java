package org.reluflow.symbolic;

import java.util.List;

/**
 * Exact inertia of a symmetric matrix from its characteristic polynomial p(t) = det(t I - H). All roots of p are real,
 * so Descartes' rule of signs is exact: #positive eigenvalues = sign changes of the coefficients of p(t), #negative =
 * sign changes of p(-t), and the multiplicity of 0 = the lowest power with a nonzero coefficient.
 *
 * @param polynomial the characteristic polynomial as Symja prints it (variable t)
 * @param signs      signs of the coefficients, lowest power first (-1, 0, +1); empty when not certified
 * @param certified  false when a coefficient's sign could not be decided exactly
 */
public record SturmCertificate(String polynomial, List<Integer> signs, int positive, int negative, int zero,
                               boolean certified) {

    /** Applies Descartes' rule to the coefficient signs (lowest power first) of a real-rooted polynomial. */
    public static SturmCertificate fromSigns(String polynomial, List<Integer> signs) {
        int zero = 0;
        while (zero < signs.size() && signs.get(zero) == 0) zero++;
        int pos = changes(signs, false), neg = changes(signs, true);
        return new SturmCertificate(polynomial, List.copyOf(signs), pos, neg, zero, true);
    }

    public static SturmCertificate uncertified(String polynomial, int degree) {
        return new SturmCertificate(polynomial, List.of(), -1, -1, -1, false);
    }

    private static int changes(List<Integer> signs, boolean negateOdd) {
        int last = 0, n = 0;
        for (int k = 0; k < signs.size(); k++) {
            int s = signs.get(k);
            if (s == 0) continue;
            if (negateOdd && (k % 2 == 1)) s = -s;
            if (last != 0 && s != last) n++;
            last = s;
        }
        return n;
    }

    /** Multiplicity of the root 0 of the printed polynomial itself. */
    public int lowestPower() {
        int k = 0;
        while (k < signs.size() && signs.get(k) == 0) k++;
        return k;
    }

    public int degree() { return signs.isEmpty() ? -1 : signs.size() - 1; }

    /** Human-readable certificate: the polynomial and the counts. */
    public String describe() {
        if (!certified) return "uncertified: p(t) = " + polynomial;
        return "p(t) = " + polynomial + "; Descartes: " + positive + " sign changes of p(t) (positive eigenvalues), "
                + negative + " of p(-t) (negative), " + zero + " zero eigenvalues in all (lowest power of t in p, plus "
                + "any added by a gauge reduction of rank deficit " + (zero - lowestPower()) + ")";
    }
}
