package org.reluflow.validated;

import java.nio.file.Path;
import org.reluflow.interval.IntervalVector;
import org.reluflow.model.Experiment;
import org.reluflow.spec.SpecLoader;

public class Scratch3 {
    public static void main(String[] args) throws Exception {
        Experiment e = SpecLoader.load(Path.of(args[0]));
        SwitchedField f = NetworkFields.switchedField(e.problem());
        System.out.println("dim " + f.dimension() + " guards " + f.guardCount() + " tape " + f.tape().length());
        ValidatedIntegrator vi = new ValidatedIntegrator(f, ValidatedIntegrator.Settings.defaultsFor(f.dimension()).withOrder(Integer.parseInt(args[2])));
        long t0 = System.nanoTime();
        int[] c = {0};
        Enclosure r = vi.integrate(IntervalVector.ofPoints(e.theta0()), Double.parseDouble(args[1]), t -> {
            if (c[0]++ % 20 == 0) System.out.println("t=" + t + " " + (System.nanoTime() - t0) / 1e9);
        });
        System.out.println(r.status() + " " + r.reason() + " t=" + r.t() + " steps=" + r.steps() + " hull=" + r.hullSteps() + " width=" + r.box().maxWidth() + " s=" + r.seconds() + " events=" + r.events().size() + " maxcw=" + r.maxCrossingWidth());
        for (GuardEvent g : r.events().subList(0, Math.min(5, r.events().size()))) System.out.println(g);
    }
}
