/**
 * Rigorous binary64 interval arithmetic for reluflow's validated numerics.
 *
 * <ul>
 *   <li>{@link org.reluflow.interval.Interval}: inf-sup intervals with IEEE 1788 (set-based) semantics.
 *       {@code + - * /}, {@code sqr}, {@code sqrt} and decimal conversion are tight: directed rounding is
 *       emulated exactly with error-free transformations (Fast2Sum, {@code Math.fma} residuals, rescaled near
 *       the subnormal range), so no rounding-mode switch is needed and results are identical on every JVM.
 *       Elementary functions widen {@code java.lang.Math} by its documented ulp bounds.</li>
 *   <li>{@link org.reluflow.interval.IntervalVector}, {@link org.reluflow.interval.IntervalMatrix}: immutable
 *       boxes and matrices with interval accumulation; {@link org.reluflow.interval.PointMatrices} and
 *       {@link org.reluflow.interval.HouseholderQr} are the plain floating-point helpers whose output the
 *       rigorous routines verify.</li>
 *   <li>{@link org.reluflow.interval.OrthogonalInverse} (inverse of a nearly orthogonal Q, for Lohner QR sets)
 *       and {@link org.reluflow.interval.IntervalGauss} (preconditioned interval elimination) return a
 *       {@link org.reluflow.interval.LinearResult}.</li>
 *   <li>{@link org.reluflow.interval.IntervalNewton} (1-D) and {@link org.reluflow.interval.Krawczyk} (n-D)
 *       certify a unique root, certify absence, or say undecided; they never throw on numerical trouble.</li>
 * </ul>
 *
 * <p>All results are enclosures: they contain the exact real result for every real point of the inputs.
 * Empty intervals propagate; NaN is rejected at construction. Nothing here depends on other reluflow packages.
 */
package org.reluflow.interval;
