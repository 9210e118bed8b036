package org.reluflow.symbolic;

import java.util.ArrayList;
import java.util.List;
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
        SturmCertificate cert = certify(session, hessian);
        Kind k;
        if (!cert.certified()) k = Kind.UNCERTIFIED;
        else if (cert.negative() > 0) k = Kind.STRICT_SADDLE;
        else if (cert.zero() == 0) k = Kind.STRICT_LOCAL_MINIMUM;
        else if (cert.zero() == symmetryZeroModes) k = Kind.MINIMUM_WITH_SYMMETRY_ZERO_MODES;
        else k = Kind.DEGENERATE;
        return new Classification(k, cert, symmetryZeroModes);
    }

    /** The exact characteristic polynomial det(t I - H) and Descartes' sign counts on its coefficients. */
    public static SturmCertificate certify(SymjaSession session, IExpr hessian) throws SymbolicException {
        IExpr t = F.symbol("t");
        // Symja's CharacteristicPolynomial is det(H - t I); (-1)^n of it is monic, same roots.
        IExpr poly = session.eval(F.Expand(F.CharacteristicPolynomial(hessian, t)));
        IExpr coeffs = session.eval(F.CoefficientList(poly, t));
        if (!(coeffs instanceof IAST list)) return SturmCertificate.uncertified(poly.toString(), -1);
        int n = list.argSize() - 1;
        int flip = (n % 2 == 0) ? 1 : -1;
        List<Integer> signs = new ArrayList<>();
        for (int i = 1; i <= list.argSize(); i++) {
            IExpr c = list.get(i);
            if (c.isZero()) signs.add(0);
            else if (c.isRational()) signs.add(flip * (c.isPositive() ? 1 : -1));
            else {
                IExpr s = session.eval("Sign[RootReduce[" + c + "]]");
                if (s.isOne()) signs.add(flip);
                else if (s.isMinusOne()) signs.add(-flip);
                else return SturmCertificate.uncertified(poly.toString(), n);
            }
        }
        IExpr monic = session.eval(F.Expand(F.Times(F.ZZ(flip), poly)));
        return SturmCertificate.fromSigns(monic.toString(), signs);
    }
}
