package org.reluflow.validated;

import java.util.List;
import org.reluflow.interval.IntervalVector;
import org.reluflow.symbolic.OdeSystem;
import org.reluflow.symbolic.SymjaSession;

public class Scratch2 {
    public static void main(String[] args) throws Exception {
        try (SymjaSession s = SymjaSession.limitedTo(60)) {
            OdeSystem lorenz = OdeSystem.parse(s, "{10*(y - x), x*(28 - z) - y, x*y - 8/3*z}", List.of("x", "y", "z"));
            ValidatedIntegrator vi = new ValidatedIntegrator(SwitchedField.of(lorenz), new ValidatedIntegrator.Settings(Integer.parseInt(args[0]), ValidatedIntegrator.SetKind.LOHNER_QR, Double.parseDouble(args[1]), 1e-12, 1000000, 1e8, 1000));
            for (double T : new double[] {10, 10, 10}) {
                Enclosure e = vi.integrate(IntervalVector.ofPoints(15, 15, 36), T);
                System.out.println(T + " " + e.seconds() + " " + e.status() + " steps=" + e.steps() + " width=" + e.box().maxWidth());
            }
        }
    }
}
