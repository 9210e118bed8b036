package org.reluflow.claims;

import org.reluflow.model.Activation;
import org.reluflow.model.Architecture;
import org.reluflow.model.Experiment;
import org.reluflow.model.FiniteDataset;
import org.reluflow.model.Perturbation;
import org.reluflow.model.Problem;
import org.reluflow.symbolic.SymjaSession;

/**
 * What claims share during a run: one Symja session (calls are serialized and time-limited), opened on demand, and
 * the active {@link Mutant} ({@code null} for the true claim). A claim takes every predicted value through
 * {@link #predicted}, every predicted exponent through {@link #exponent}, asks {@link #alternative} where its note
 * names a plausible wrong alternative, and passes every problem or experiment it runs through {@link #problem} /
 * {@link #experiment}, so that the power run can check it against wrong predictions and wrong dynamics.
 */
public final class ClaimContext implements AutoCloseable {
    private final Session shared;
    private final Mutant mutant;

    /** The Symja session, shared by every context derived from one root context. */
    private static final class Session {
        private SymjaSession session;

        synchronized SymjaSession get() {
            if (session == null) session = SymjaSession.withDefaults();
            return session;
        }

        synchronized void close() {
            if (session != null) session.close();
            session = null;
        }
    }

    public ClaimContext() { this(new Session(), null); }

    private ClaimContext(Session shared, Mutant mutant) {
        this.shared = shared;
        this.mutant = mutant;
    }

    /** The same session with {@code m} active ({@code null}: no mutant). */
    public ClaimContext under(Mutant m) { return new ClaimContext(shared, m); }

    /** The active mutant, or {@code null}. */
    public Mutant mutant() { return mutant; }

    public SymjaSession symja() { return shared.get(); }

    /** The value a claim predicts, as the active mutant distorts it. */
    public double predicted(double value) {
        return mutant instanceof Mutant.ScaledPrediction s ? value * s.factor() : value;
    }

    /** A predicted exponent or slope of a power law, as the active mutant distorts it. */
    public double exponent(double value) {
        return mutant instanceof Mutant.ShiftedExponent s ? value + s.delta() : value;
    }

    /** Whether the claim should predict its named wrong alternative {@code key} instead of the right statement. */
    public boolean alternative(String key) { return mutant instanceof Mutant.Alternative a && a.key().equals(key); }

    /** The factor on the field that the active mutant applies (1 without a dynamics mutant of that kind). */
    public double fieldScale() { return mutant instanceof Mutant.FieldScale f ? f.factor() : 1; }

    /** The problem a claim should run: {@code p} with the active dynamics mutant applied. */
    public Problem problem(Problem p) {
        if (!(mutant instanceof Mutant.OfDynamics)) return p;
        if (mutant instanceof Mutant.FieldScale f)
            return p.withPerturbation(new Perturbation(f.factor(), p.perturbation().slidingGateScale()));
        if (mutant instanceof Mutant.SlidingGate g)
            return p.withPerturbation(new Perturbation(p.perturbation().fieldScale(), g.factor()));
        if (mutant instanceof Mutant.ReluPrimeAtZero r) {
            Architecture a = p.architecture();
            Activation act = a.activation();
            double lo = Math.min(act.negativeSlope(), 1), hi = Math.max(act.negativeSlope(), 1);
            Activation mutated = new Activation(act.negativeSlope(), Math.max(lo, Math.min(hi, r.value())));
            return new Problem(new Architecture(a.width(), a.inputDim(), a.hiddenBias(), a.outputBias(), a.outputScale(),
                    a.trainOutputLayer(), mutated), p.data(), p.loss(), p.perturbation());
        }
        if (mutant instanceof Mutant.LossNormalization n && p.data() instanceof FiniteDataset d) {
            double[] w = d.weights().clone();
            for (int i = 0; i < w.length; i++) w[i] *= n.factor();
            return new Problem(p.architecture(), new FiniteDataset(d.x(), d.y(), w), p.loss(), p.perturbation());
        }
        return p;
    }

    /** The experiment a claim should run: {@code e} with the active dynamics mutant applied to its problem. */
    public Experiment experiment(Experiment e) {
        Problem p = problem(e.problem());
        if (p == e.problem()) return e;
        return new Experiment(e.name(), p, e.theta0(), e.method(), e.horizon(), e.recordEvery(), e.directions(),
                e.ntkEigenvalues(), e.notes());
    }

    @Override public void close() { shared.close(); }
}
