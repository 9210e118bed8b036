package org.reluflow.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.reluflow.figures.Figures;
import org.reluflow.symbolic.SymjaSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "reproduce", mixinStandardHelpOptions = true,
        description = {"Reproduce a paper figure: run the simulation, overlay the closed form from the symbolic engine, "
                + "write the plot (PNG) and its data (CSV).", "  reluflow reproduce --list", "  reluflow reproduce boursier-plateaus --out figs"})
final class ReproduceCommand implements Callable<Integer> {

    @Parameters(arity = "0..1", paramLabel = "FIGURE", description = "A figure name (see --list).") String figure;

    @Option(names = "--list", description = "List the figures.") boolean list;

    @Option(names = "--out", paramLabel = "DIR", description = "Output directory (default: reports/figures).")
    Path out = Path.of("reports", "figures");

    @Override public Integer call() throws Exception {
        Map<String, Figures.Entry> all = Figures.all();
        if (list || figure == null) {
            for (Figures.Entry e : all.values()) System.out.printf("%-20s %s%n", e.name(), e.description());
            if (figure == null && !list) System.out.println("\nreluflow reproduce FIGURE [--out DIR]");
            return Main.EXIT_OK;
        }
        Figures.Entry e = all.get(figure);
        if (e == null) throw new UserError("no figure named '" + figure + "'; one of " + String.join(", ", all.keySet()));
        SimulateCommand.checkWritable(out);
        List<Path> written;
        try (SymjaSession s = SymjaSession.withDefaults()) {
            written = e.generator().write(out, s);
        }
        for (Path p : written) System.out.println(p);
        return Main.EXIT_OK;
    }
}
