package org.reluflow.validated;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.EigenDecompositionSymmetric;
import org.hipparchus.linear.SingularValueDecomposition;
import org.reluflow.interval.Interval;
import org.reluflow.model.Problem;

/**
 * The two bounds that ball sets grow by, against numerical linear algebra at points: the structural log-norm bound of
 * network fields ({@link NetworkLogNorm}) above lambda_max of the symmetric part of the region's Jacobian, and the
 * rank-one norm ||I + u w^T||_2 (the saltation factor) above, and tight against, the largest singular value.
 */
class LogNormProperties {

    @Property(tries = 300)
    void networkLogNormBoundsTheLargestEigenvalueOfTheSymmetrizedJacobian(@ForAll @IntRange(min = 0, max = 1_000_000) int seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        Problem p = NetworkSoundnessTest.variedProblem(rnd, 1 + rnd.nextInt(4), 1 + rnd.nextInt(3), 1 + rnd.nextInt(5));
        SwitchedField f = NetworkFields.switchedField(p);
        SwitchedField.LogNorm bound = f.logNorm();
        assertNotNull(bound, "trained output layer on finite data");
        // small weights half of the time: the positive semidefinite part vanishes and the bound is nearly tight
        double scale = rnd.nextBoolean() ? 1e-3 : 1;
        int n = f.dimension();
        double[] theta = new double[n];
        for (int i = 0; i < n; i++) theta[i] = scale * rnd.nextDouble(-1, 1);
        int[] signs = new int[f.guardCount()];
        for (int g = 0; g < signs.length; g++) signs[g] = rnd.nextBoolean() ? 1 : -1;
        Interval[] point = new Interval[n];
        for (int i = 0; i < n; i++) point[i] = Interval.of(theta[i]);
        Jets jets = new Jets(n); // Df at the point by forward jets (the losses with exp need the object path)
        Jets.Jet[] seeds = new Jets.Jet[n];
        for (int i = 0; i < n; i++) seeds[i] = jets.variable(point[i], i);
        SeriesTape.Series<Jets.Jet> sj = f.tape().series(jets, seeds, signs, 1);
        double[][] df = new double[n][n];
        for (int i = 0; i < n; i++) {
            Interval[] d = sj.x()[1][i].d();
            for (int k = 0; k < n; k++) df[i][k] = d == null ? 0 : d[k].midpoint();
        }
        double[][] sym = new double[n][n];
        for (int i = 0; i < n; i++) for (int k = 0; k < n; k++) sym[i][k] = (df[i][k] + df[k][i]) / 2;
        double lambda = Double.NEGATIVE_INFINITY;
        for (double v : new EigenDecompositionSymmetric(new Array2DRowRealMatrix(sym, false)).getEigenvalues())
            lambda = Math.max(lambda, v);
        double mu = bound.upper(point, signs);
        assertTrue(lambda <= mu + 1e-9 * (1 + Math.abs(mu)), "lambda_max " + lambda + " above the bound " + mu + " for " + p);
    }

    @Property(tries = 500)
    void rankOneNormBoundsAndMatchesTheLargestSingularValue(@ForAll @IntRange(min = 0, max = 1_000_000) int seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        int n = 1 + rnd.nextInt(5);
        double[] u = new double[n], w = new double[n];
        boolean parallel = rnd.nextInt(3) == 0; // the ReLU case: the jump lies along the guard's gradient
        double along = rnd.nextDouble(-3, 3);
        for (int i = 0; i < n; i++) {
            w[i] = rnd.nextDouble(-2, 2);
            u[i] = parallel ? along * w[i] : rnd.nextDouble(-2, 2);
        }
        double[][] s = new double[n][n];
        Interval p = Interval.ZERO, uu = Interval.ZERO, ww = Interval.ZERO;
        for (int i = 0; i < n; i++) {
            p = p.add(Interval.of(u[i]).mul(Interval.of(w[i])));
            uu = uu.add(Interval.of(u[i]).sqr());
            ww = ww.add(Interval.of(w[i]).sqr());
            for (int k = 0; k < n; k++) s[i][k] = (i == k ? 1 : 0) + u[i] * w[k];
        }
        double sigma = new SingularValueDecomposition(new Array2DRowRealMatrix(s, false)).getNorm();
        Interval norm = ValidatedIntegrator.rankOneNorm(p, uu.mul(ww));
        assertTrue(sigma <= norm.hi() * (1 + 1e-12), "||I + u w^T|| = " + sigma + " above " + norm);
        // in one dimension there is no orthogonal complement, whose singular value 1 the bound includes
        assertTrue(norm.hi() <= Math.max(sigma, 1) * (1 + 1e-9) + 1e-12, "bound " + norm + " not tight against " + sigma);
    }
}
