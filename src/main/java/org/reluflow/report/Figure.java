package org.reluflow.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * One XY figure built series by series, written as a PNG and as its data in CSV (long format: series, x, y), so that
 * every plotted number can be re-read. Series are simulation lines, closed-form overlays (dashed) or markers.
 */
public final class Figure {

    public enum Style { LINE, DASHED, MARKERS }

    private record Series(String name, double[] x, double[] y, Style style) {}

    private final String title, xLabel, yLabel;
    private boolean logX, logY;
    private final List<Series> series = new ArrayList<>();

    public Figure(String title, String xLabel, String yLabel) {
        this.title = title;
        this.xLabel = xLabel;
        this.yLabel = yLabel;
    }

    public Figure logX() { logX = true; return this; }

    public Figure logY() { logY = true; return this; }

    public Figure add(String name, double[] x, double[] y, Style style) {
        if (x.length != y.length) throw new IllegalArgumentException(name + ": " + x.length + " x values, " + y.length + " y values");
        series.add(new Series(name, x.clone(), y.clone(), style));
        return this;
    }

    /** A horizontal line over [x0, x1]. */
    public Figure level(String name, double x0, double x1, double y) { return add(name, new double[] {x0, x1}, new double[] {y, y}, Style.DASHED); }

    /** Writes {@code base}.png and {@code base}.csv; returns both paths. */
    public List<Path> write(Path dir, String base) throws IOException {
        Files.createDirectories(dir);
        XYChart chart = new XYChartBuilder().width(900).height(560).title(title).xAxisTitle(xLabel).yAxisTitle(yLabel).build();
        chart.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.OutsideE);
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        chart.getStyler().setXAxisLogarithmic(logX);
        chart.getStyler().setYAxisLogarithmic(logY);
        for (Series s : series) {
            double[] x = s.x, y = s.y;
            if (logX || logY) { // log axes cannot show non-positive values: drop those points
                List<double[]> keep = new ArrayList<>();
                for (int k = 0; k < x.length; k++) if ((!logX || x[k] > 0) && (!logY || y[k] > 0) && Double.isFinite(y[k])) keep.add(new double[] {x[k], y[k]});
                if (keep.isEmpty()) continue;
                x = keep.stream().mapToDouble(p -> p[0]).toArray();
                y = keep.stream().mapToDouble(p -> p[1]).toArray();
            }
            XYSeries xs = chart.addSeries(s.name, x, y);
            switch (s.style) {
                case LINE -> xs.setMarker(SeriesMarkers.NONE);
                case DASHED -> {
                    xs.setMarker(SeriesMarkers.NONE);
                    xs.setLineStyle(new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f));
                }
                case MARKERS -> {
                    xs.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
                    xs.setMarker(SeriesMarkers.CIRCLE);
                }
            }
        }
        Path png = dir.resolve(base + ".png"), csv = dir.resolve(base + ".csv");
        BitmapEncoder.saveBitmapWithDPI(chart, png.toString(), BitmapEncoder.BitmapFormat.PNG, 110);
        try (Writer w = Files.newBufferedWriter(csv)) {
            w.write("series,x,y\n");
            for (Series s : series)
                for (int k = 0; k < s.x.length; k++) w.write("\"" + s.name.replace("\"", "'") + "\"," + s.x[k] + "," + s.y[k] + "\n");
        }
        return List.of(png, csv);
    }
}
