package org.reluflow.symbolic;

import java.util.ArrayList;
import java.util.List;
import org.hipparchus.fraction.BigFraction;
import org.matheclipse.core.expression.F;
import org.matheclipse.core.interfaces.IAST;
import org.matheclipse.core.interfaces.IExpr;

/**
 * Classification of a critical point from its exact Hessian: the inertia comes from a {@link SturmCertificate} on the
 * exact characteristic polynomial (Symja's exact eigenvalues fall back to floats beyond small sizes).
 */
public record Classification(Kind kind, SturmCertificate certificate, int symmetryZeroModes) {

    public enum Kind {
        /** At least one negative eigenvalue: a strict saddle (or strict maximum direction). */
        STRICT_SADDLE,
        /** All eigenvalues positive. */
        STRICT_LOCAL_MINIMUM,
        /** No negative eigenvalue and exactly as many zero eigenvalues as the rescaling symmetry explains. */
        MINIMUM_WITH_SYMMETRY_ZERO_MODES,
        /** No negative eigenvalue but more zero modes than the symmetry explains: second order is inconclusive. */
        DEGENERATE,
        /** The signs of the coefficients could not be decided exactly. */
        UNCERTIFIED
    }

    /**
     * Classifies the exact symmetric matrix {@code hessian} (a Symja list of lists with exact entries).
     *
     * @param symmetryZeroModes zero modes explained by the per-neuron rescaling symmetry (one per neuron with a
     *                          nonzero, rescalable (w, b, v))
     */
    public static Classification of(SymjaSession session, IExpr hessian, int symmetryZeroModes) throws SymbolicException {
        return of(session, hessian, symmetryZeroModes, 0);
    }

    /**
     * As above for the Hessian of a gauge-reduced loss: {@code extraZeros} zero eigenvalues of the full Hessian come
     * from the reduction (full Hess = J^T (reduced Hess) J with J onto), and are added to the certified count.
     */
    public static Classification of(SymjaSession session, IExpr hessian, int symmetryZeroModes, int extraZeros) throws SymbolicException {
        SturmCertificate cert = certify(session, hessian);
        if (cert.certified() && extraZeros > 0)
            cert = new SturmCertificate(cert.polynomial(), cert.signs(), cert.positive(), cert.negative(), cert.zero() + extraZeros, true);
        Kind k;
        if (!cert.certified()) k = Kind.UNCERTIFIED;
        else if (cert.negative() > 0) k = Kind.STRICT_SADDLE;
        else if (cert.zero() == 0) k = Kind.STRICT_LOCAL_MINIMUM;
        else if (cert.zero() == symmetryZeroModes) k = Kind.MINIMUM_WITH_SYMMETRY_ZERO_MODES;
        else k = Kind.DEGENERATE;
        return new Classification(k, cert, symmetryZeroModes);
    }

    /**
     * The exact characteristic polynomial det(t I - H) and Descartes' sign counts on its coefficients. For exact
     * rational entries the polynomial is computed in Java by Faddeev-LeVerrier over BigFraction (Symja's
     * CharacteristicPolynomial was too slow on 5x5 rational matrices); otherwise Symja's, with coefficient signs
     * decided exactly (a zero by simplification, a sign by an outward-rounded interval enclosure) or reported
     * uncertified.
     */
    public static SturmCertificate certify(SymjaSession session, IExpr hessian) throws SymbolicException {
        if (!(hessian instanceof IAST rows) || !rows.isList()) return SturmCertificate.uncertified(String.valueOf(hessian), -1);
        int n = rows.argSize();
        BigFraction[][] h = new BigFraction[n][n];
        boolean rational = true;
        for (int i = 0; i < n && rational; i++) {
            if (!(rows.get(i + 1) instanceof IAST row) || row.argSize() != n) return SturmCertificate.uncertified(hessian.toString(), -1);
            for (int j = 0; j < n; j++) {
                IExpr e = row.get(j + 1);
                if (!e.isRational()) { rational = false; break; }
                h[i][j] = CriticalPoints.q(e.toString());
            }
        }
        if (rational) {
            BigFraction[] c = charPoly(h);
            List<Integer> signs = new ArrayList<>();
            StringBuilder sb = new StringBuilder();
            for (int k = n; k >= 0; k--) {
                signs.add(0, c[k].signum());
                if (c[k].signum() == 0) continue;
                String coef = c[k].toString().replace(" ", "");
                sb.append(sb.length() == 0 ? "" : (c[k].signum() > 0 ? " + " : " - "))
                  .append(sb.length() == 0 ? coef : c[k].abs().toString().replace(" ", ""))
                  .append(k == 0 ? "" : k == 1 ? "*t" : "*t^" + k);
            }
            return SturmCertificate.fromSigns(sb.toString(), signs);
        }
        IExpr t = F.symbol("t");
        IExpr poly = session.eval(F.Expand(F.CharacteristicPolynomial(hessian, t)));
        IExpr coeffs = session.eval(F.CoefficientList(poly, t));
        if (!(coeffs instanceof IAST list)) return SturmCertificate.uncertified(poly.toString(), -1);
        int flip = (n % 2 == 0) ? 1 : -1; // Symja's is det(H - t I)
        List<Integer> signs = new ArrayList<>();
        for (int i = 1; i <= list.argSize(); i++) {
            // an exact zero must come out of simplification (a proof); a nonzero sign from a rigorous interval
            // enclosure of the coefficient (Symja's Sign is numeric and misreads exact algebraic zeros)
            IExpr c = session.eval("Simplify[" + list.get(i).fullFormString() + "]");
            if (c.isZero()) { signs.add(0); continue; }
            int sign = OpenRegion.sign(c);
            if (sign == 1 || sign == -1) signs.add(sign * flip);
            else return SturmCertificate.uncertified(poly.toString(), n);
        }
        return SturmCertificate.fromSigns(session.eval(F.Expand(F.Times(F.ZZ(flip), poly))).toString(), signs);
    }

    /** Coefficients c[0..n] of det(t I - A), by Faddeev-LeVerrier (exact; c[n] = 1). */
    static BigFraction[] charPoly(BigFraction[][] a) {
        int n = a.length;
        BigFraction[] c = new BigFraction[n + 1];
        c[n] = BigFraction.ONE;
        BigFraction[][] m = new BigFraction[n][n];
        for (BigFraction[] r : m) java.util.Arrays.fill(r, BigFraction.ZERO);
        for (int k = 1; k <= n; k++) {
            BigFraction[][] next = new BigFraction[n][n];
            for (int i = 0; i < n; i++)
                for (int j = 0; j < n; j++) {
                    BigFraction s = i == j ? c[n - k + 1] : BigFraction.ZERO;
                    for (int l = 0; l < n; l++) s = s.add(a[i][l].multiply(m[l][j]));
                    next[i][j] = s;
                }
            m = next;
            BigFraction tr = BigFraction.ZERO;
            for (int i = 0; i < n; i++) for (int l = 0; l < n; l++) tr = tr.add(a[i][l].multiply(m[l][i]));
            c[n - k] = tr.negate().divide(k);
        }
        return c;
    }
}
