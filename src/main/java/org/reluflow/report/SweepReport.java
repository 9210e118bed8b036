package org.reluflow.report;

import java.awt.Color;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.HeatMapChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.reluflow.dynamics.RunStatus;
import org.reluflow.spec.SpecLoader;
import org.reluflow.sweep.Axis;
import org.reluflow.sweep.Metric;
import org.reluflow.sweep.Outcome;

/** Writes a sweep's outputs: sweep.csv (a row per grid point), sweep.png (the phase diagram) and sweep.json. */
public final class SweepReport {
    private SweepReport() {}

    /** What sweep.json (and --json) says; NaN becomes null. */
    public record Summary(String name, String method, List<Axis> axes, String metric, int points, int completed,
                          List<Row> results, double seconds, Map<String, String> files) {}

    public record Row(double[] coordinates, String status, Double finalLoss, Double tReached, int plateaus,
                      Double escapeTime, int switches, int slidingEpisodes, Double balancednessDrift, Double margin,
                      double seconds, String message) {}

    static final String[] COLUMNS = {"status", "final_loss", "t_reached", "plateaus", "escape_time", "switches",
            "sliding_episodes", "balancedness_drift", "margin", "seconds", "message"};

    public static Summary write(Path dir, String name, String method, List<Axis> axes, List<Outcome> outcomes,
                                Metric metric, double seconds) throws IOException {
        Files.createDirectories(dir);
        Map<String, String> files = new LinkedHashMap<>();
        Path csv = dir.resolve("sweep.csv"), png = dir.resolve("sweep.png"), json = dir.resolve("sweep.json");
        writeCsv(csv, axes, outcomes);
        files.put("table", csv.toString());
        if (axes.size() == 1) line(png, name, axes.get(0), outcomes, metric);
        else heatMap(png, name, axes.get(0), axes.get(1), outcomes, metric);
        files.put("phase_diagram", png.toString());
        files.put("summary", json.toString());
        List<Row> rows = new ArrayList<>();
        int completed = 0;
        for (Outcome o : outcomes) {
            if (o.status() == RunStatus.COMPLETED) completed++;
            rows.add(new Row(o.coordinates(), o.status().name(), orNull(o.finalLoss()), orNull(o.tReached()), o.plateaus(),
                    orNull(o.firstEscape()), o.switches(), o.slidingEpisodes(), orNull(o.invariantDrift()),
                    orNull(o.finalMargin()), o.seconds(), o.message()));
        }
        Summary s = new Summary(name, method, List.copyOf(axes), metric.label, outcomes.size(), completed, rows, seconds, files);
        SpecLoader.json().writerWithDefaultPrettyPrinter().writeValue(json.toFile(), s);
        return s;
    }

    private static Double orNull(double v) { return Double.isFinite(v) ? v : null; }

    /** A CSV cell: empty where the quantity does not exist. */
    private static String number(double v) { return Double.isFinite(v) ? Double.toString(v) : ""; }

    private static void writeCsv(Path file, List<Axis> axes, List<Outcome> outcomes) throws IOException {
        try (Writer w = Files.newBufferedWriter(file)) {
            List<String> head = new ArrayList<>();
            for (Axis a : axes) head.add(a.key());
            head.addAll(List.of(COLUMNS));
            w.write(String.join(",", head) + "\n");
            for (Outcome o : outcomes) {
                List<String> cells = new ArrayList<>();
                for (double c : o.coordinates()) cells.add(Double.toString(c));
                cells.add(o.status().name());
                cells.add(number(o.finalLoss()));
                cells.add(number(o.tReached()));
                cells.add(Integer.toString(o.plateaus()));
                cells.add(number(o.firstEscape()));
                cells.add(Integer.toString(o.switches()));
                cells.add(Integer.toString(o.slidingEpisodes()));
                cells.add(number(o.invariantDrift()));
                cells.add(number(o.finalMargin()));
                cells.add(number(o.seconds()));
                cells.add('"' + o.message().replace("\"", "\"\"") + '"');
                w.write(String.join(",", cells) + "\n");
            }
        }
    }

    /** One axis: the metric against the swept value; runs that stopped early are marked. */
    private static void line(Path file, String name, Axis axis, List<Outcome> outcomes, Metric metric) throws IOException {
        XYChart chart = Plots.base(name + ": " + metric.label + " against " + axis.key(), axis.key(), metric.label);
        List<Double> x = new ArrayList<>(), y = new ArrayList<>(), xs = new ArrayList<>(), ys = new ArrayList<>();
        boolean positive = true;
        for (Outcome o : outcomes) {
            double v = o.value(metric);
            if (!Double.isFinite(v)) continue;
            positive &= v > 0;
            boolean done = o.status() == RunStatus.COMPLETED;
            (done ? x : xs).add(o.coordinates()[0]);
            (done ? y : ys).add(v);
        }
        chart.getStyler().setXAxisLogarithmic(axis.geometric());
        chart.getStyler().setYAxisLogarithmic(metric.logScale && positive && !(x.isEmpty() && xs.isEmpty()));
        if (!x.isEmpty()) chart.addSeries("completed", x, y).setMarker(SeriesMarkers.CIRCLE);
        if (!xs.isEmpty()) {
            XYSeries s = chart.addSeries("stopped early (diverged or failed)", xs, ys);
            s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
            s.setMarker(SeriesMarkers.DIAMOND);
            s.setMarkerColor(new Color(200, 60, 40));
        }
        if (x.isEmpty() && xs.isEmpty()) chart.setTitle(chart.getTitle() + " (no finite values)");
        Plots.save(chart, file);
    }

    /** Two axes: a heat map of the metric (log10 for loss-like metrics); a cell stays empty where it is undefined. */
    private static void heatMap(Path file, String name, Axis ax, Axis ay, List<Outcome> outcomes, Metric metric) throws IOException {
        String label = metric.logScale ? "log10 " + metric.label : metric.label;
        HeatMapChart chart = new HeatMapChartBuilder().width(900).height(640)
                .title(name + ": " + label).xAxisTitle(ax.key()).yAxisTitle(ay.key()).build();
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        chart.getStyler().setShowValue(ax.size() * ay.size() <= 64);
        chart.getStyler().setHeatMapValueDecimalPattern("0.##");
        List<String> xs = new ArrayList<>(), ys = new ArrayList<>();
        for (int i = 0; i < ax.size(); i++) xs.add(Axis.compact(ax.value(i)));
        for (int j = 0; j < ay.size(); j++) ys.add(Axis.compact(ay.value(j)));
        List<Number[]> cells = new ArrayList<>();
        for (int q = 0; q < outcomes.size(); q++) {
            double v = outcomes.get(q).value(metric);
            if (metric.logScale) v = v > 0 ? Math.log10(v) : Double.NaN;
            if (Double.isFinite(v)) cells.add(new Number[] {q / ay.size(), q % ay.size(), v});
        }
        if (cells.isEmpty()) {
            // XChart draws no empty heat map; say so on an empty plot rather than leave no picture
            XYChart empty = Plots.base(name + ": no finite " + label + " at any grid point", ax.key(), ay.key());
            empty.addSeries("grid points", new double[] {ax.value(0)}, new double[] {ay.value(0)}).setMarker(SeriesMarkers.NONE);
            Plots.save(empty, file);
            return;
        }
        chart.addSeries(label, xs, ys, cells);
        Plots.save(chart, file);
    }

}
