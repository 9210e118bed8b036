package org.reluflow.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.reluflow.dynamics.SwitchEvent;
import org.reluflow.dynamics.Trajectory;
import org.reluflow.model.Experiment;
import org.reluflow.observe.Observation;
import org.reluflow.observe.Plateau;

/** PNG plots of a run (XChart, headless). */
public final class Plots {

    /** Neuron series drawn at most (the largest by final norm). */
    static final int MAX_NEURONS = 12;

    private Plots() {}

    /** Loss on a log scale, with switch events as markers and plateau levels as dashed lines. */
    public static void loss(Path file, Experiment e, Trajectory tr, Observation obs) throws IOException {
        XYChart chart = base(e.name() + ": loss", "t", "loss (log scale)");
        chart.getStyler().setYAxisLogarithmic(true);
        double[] t = obs.times(), l = positive(obs.loss());
        chart.addSeries("loss", t, l).setMarker(SeriesMarkers.NONE);
        List<SwitchEvent> ev = tr.events();
        if (!ev.isEmpty()) {
            int shown = Math.min(ev.size(), 2000);
            double[] et = new double[shown], el = new double[shown];
            for (int k = 0; k < shown; k++) { et[k] = ev.get(k).t(); el[k] = interpolate(t, l, et[k]); }
            XYSeries s = chart.addSeries("switches (" + ev.size() + ")", et, el);
            s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
            s.setMarker(SeriesMarkers.DIAMOND);
            s.setMarkerColor(new Color(200, 60, 40));
        }
        int p = 0;
        for (Plateau pl : obs.plateaus()) {
            XYSeries s = chart.addSeries(String.format("plateau %d: L = %.3g", ++p, pl.level()),
                    new double[] {pl.start(), pl.end()}, new double[] {pl.level(), pl.level()});
            s.setMarker(SeriesMarkers.NONE);
            s.setLineStyle(new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f));
            if (pl.escaped()) {
                XYSeries esc = chart.addSeries("escape " + p + " at t = " + String.format("%.3g", pl.escapeTime()),
                        new double[] {pl.escapeTime()}, new double[] {interpolate(t, l, pl.escapeTime())});
                esc.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
                esc.setMarker(SeriesMarkers.CIRCLE);
            }
        }
        save(chart, file);
    }

    /**
     * Neuron directions: cosines to the named directions when there are any, else the angle of w_j for d = 2,
     * the kink position for scalar input, or the neuron norms.
     */
    public static void directions(Path file, Experiment e, Observation obs) throws IOException {
        double[] t = obs.times();
        int m = obs.neuronNorms()[0].length;
        Integer[] order = IntStream.range(0, m).boxed().toArray(Integer[]::new);
        double[] last = obs.neuronNorms()[obs.size() - 1];
        java.util.Arrays.sort(order, Comparator.comparingDouble((Integer j) -> -last[j]));
        List<Integer> shown = new ArrayList<>(List.of(order).subList(0, Math.min(m, MAX_NEURONS)));
        XYChart chart;
        if (!obs.cosines().isEmpty()) {
            chart = base(e.name() + ": neuron directions (" + shown.size() + " largest of " + m + ")", "t", "cos(w_j, direction)");
            for (var entry : obs.cosines().entrySet())
                for (int j : shown) addNeuron(chart, entry.getKey() + " / neuron " + (j + 1), t, column(entry.getValue(), j));
        } else if (obs.kinks() != null) {
            chart = base(e.name() + ": kink positions -b_j/w_j", "t", "kink");
            for (int j : shown) addNeuron(chart, "neuron " + (j + 1), t, column(obs.kinks(), j));
        } else if (e.problem().architecture().inputDim() == 2) {
            chart = base(e.name() + ": neuron angles (" + shown.size() + " largest of " + m + ")", "t", "angle of w_j (rad)");
            for (int j : shown) {
                addNeuron(chart, "neuron " + (j + 1), t, column(obs.neuronAngles(), j));
            }
        } else {
            chart = base(e.name() + ": neuron norms (" + shown.size() + " largest of " + m + ")", "t", "|(w_j, b_j)|");
            chart.getStyler().setYAxisLogarithmic(true);
            for (int j : shown) addNeuron(chart, "neuron " + (j + 1), t, positive(column(obs.neuronNorms(), j)));
        }
        save(chart, file);
    }

    /** max_j |balancedness_j(t) - balancedness_j(0)| on a log scale. */
    public static void balancedness(Path file, Experiment e, Observation obs) throws IOException {
        XYChart chart = base(e.name() + ": balancedness drift", "t", "max_j |Δ(a_j² - |w_j|² - b_j²)|");
        chart.getStyler().setYAxisLogarithmic(true);
        double[] d = obs.maxDrift().clone();
        for (int k = 0; k < d.length; k++) d[k] = Math.max(d[k], 1e-300);
        chart.addSeries("drift (0 plotted as 1e-300)", obs.times(), d).setMarker(SeriesMarkers.NONE);
        save(chart, file);
    }

    private static void addNeuron(XYChart chart, String name, double[] t, double[] v) {
        chart.addSeries(name, t, v).setMarker(SeriesMarkers.NONE);
    }

    static XYChart base(String title, String x, String y) {
        XYChart chart = new XYChartBuilder().width(900).height(560).title(title).xAxisTitle(x).yAxisTitle(y).build();
        chart.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.OutsideE);
        chart.getStyler().setPlotGridLinesVisible(true);
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        return chart;
    }

    static void save(org.knowm.xchart.internal.chartpart.Chart<?, ?> chart, Path file) throws IOException {
        BitmapEncoder.saveBitmapWithDPI(chart, file.toString(), BitmapEncoder.BitmapFormat.PNG, 110);
    }

    private static double[] column(double[][] a, int j) {
        double[] c = new double[a.length];
        for (int k = 0; k < a.length; k++) c[k] = a[k][j];
        return c;
    }

    private static double[] positive(double[] v) {
        double[] out = v.clone();
        for (int k = 0; k < out.length; k++) if (!(out[k] > 0)) out[k] = Double.MIN_NORMAL;
        return out;
    }

    private static double interpolate(double[] t, double[] v, double at) {
        int k = java.util.Arrays.binarySearch(t, at);
        if (k >= 0) return v[k];
        int hi = -k - 1;
        if (hi <= 0) return v[0];
        if (hi >= t.length) return v[t.length - 1];
        double f = (at - t[hi - 1]) / (t[hi] - t[hi - 1]);
        return Math.exp(Math.log(v[hi - 1]) * (1 - f) + Math.log(v[hi]) * f);
    }
}
