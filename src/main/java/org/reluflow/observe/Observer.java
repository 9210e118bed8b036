package org.reluflow.observe;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.reluflow.dynamics.Trajectory;
import org.reluflow.field.NetworkObjective;
import org.reluflow.field.Objective;
import org.reluflow.field.Objectives;
import org.reluflow.model.Architecture;
import org.reluflow.model.Experiment;
import org.reluflow.model.FiniteDataset;
import org.reluflow.model.ParameterLayout;

/** Computes an {@link Observation} from a recorded trajectory. */
public final class Observer {

    /** NTK eigenvalues are computed at this many times at most (each needs an n x n Gram matrix). */
    static final int NTK_SAMPLES = 40;

    private Observer() {}

    public static Observation observe(Experiment experiment, Trajectory trajectory) {
        Architecture arch = experiment.problem().architecture();
        ParameterLayout layout = arch.layout();
        Objective objective = Objectives.of(experiment.problem());
        int size = trajectory.size(), m = arch.width();
        double[] times = new double[size], loss = new double[size], drift = new double[size];
        double[][] bal = new double[size][m], norms = new double[size][m];
        int[] active = new int[size], patterns = new int[size];
        FiniteDataset data = experiment.problem().data() instanceof FiniteDataset f ? f : null;
        boolean classification = experiment.problem().loss().isClassification();
        double[] margin = classification ? new double[size] : null, nmargin = classification ? new double[size] : null;
        double[][] angles = arch.inputDim() == 2 ? new double[size][m] : null;
        double[][] kinks = arch.inputDim() == 1 && arch.hiddenBias() ? new double[size][m] : null;
        Map<String, double[][]> cosines = new LinkedHashMap<>();
        for (String name : experiment.directions().keySet()) cosines.put(name, new double[size][m]);
        NetworkObjective net = data == null ? null : (NetworkObjective) objective;
        double[][] z = data == null ? null : new double[data.size()][m];

        for (int k = 0; k < size; k++) {
            double[] theta = trajectory.thetas().get(k);
            times[k] = trajectory.times().get(k);
            loss[k] = objective.value(theta);
            for (int j = 0; j < m; j++) {
                bal[k][j] = layout.balancedness(theta, j);
                drift[k] = Math.max(drift[k], Math.abs(bal[k][j] - bal[0][j]));
                double nw = 0;
                for (int c = 0; c < arch.inputDim(); c++) nw += theta[layout.w(j, c)] * theta[layout.w(j, c)];
                double nb = arch.hiddenBias() ? theta[layout.b(j)] * theta[layout.b(j)] : 0;
                norms[k][j] = Math.sqrt(nw + nb);
                for (var e : experiment.directions().entrySet()) {
                    double[] dir = e.getValue();
                    double dot = 0, nd = 0;
                    for (int c = 0; c < arch.inputDim(); c++) { dot += theta[layout.w(j, c)] * dir[c]; nd += dir[c] * dir[c]; }
                    double denom = Math.sqrt(nw * nd);
                    cosines.get(e.getKey())[k][j] = denom > 0 ? dot / denom : 0;
                }
                if (angles != null) angles[k][j] = Math.atan2(theta[layout.w(j, 1)], theta[layout.w(j, 0)]);
                if (kinks != null) {
                    double w = theta[layout.w(j, 0)];
                    kinks[k][j] = w != 0 ? -theta[layout.b(j)] / w : Double.NaN;
                }
            }
            if (net != null) {
                net.preactivations(theta, z);
                Set<String> distinct = new HashSet<>();
                for (int j = 0; j < m; j++) {
                    StringBuilder sb = new StringBuilder();
                    for (int i = 0; i < data.size(); i++) {
                        boolean on = z[i][j] > 0;
                        if (on) active[k]++;
                        sb.append(on ? '1' : '0');
                    }
                    distinct.add(sb.toString());
                }
                patterns[k] = distinct.size();
                if (classification) {
                    double[] f = net.predict(theta);
                    double mg = Double.POSITIVE_INFINITY, n2 = 0;
                    for (int i = 0; i < f.length; i++) mg = Math.min(mg, data.y()[i] * f[i]);
                    for (double v : theta) n2 += v * v;
                    margin[k] = mg;
                    nmargin[k] = n2 > 0 ? mg / n2 : 0;
                }
            }
        }
        Map<Double, double[]> ntk = new TreeMap<>();
        if (experiment.ntkEigenvalues() && net != null) {
            int stride = Math.max(1, (size + NTK_SAMPLES - 1) / NTK_SAMPLES);
            for (int k = 0; k < size; k += stride) ntk.put(times[k], Ntk.eigenvalues(Ntk.gram(experiment.problem(), trajectory.thetas().get(k))));
        }
        List<Plateau> plateaus = PlateauDetector.defaults(experiment.horizon()).detect(times, loss);
        return new Observation(times, loss, bal, drift, active, patterns, norms, cosines, angles, kinks, margin, nmargin, ntk, plateaus);
    }
}
