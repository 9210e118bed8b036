package org.reluflow.spec;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** A numeric CSV table (comma, semicolon or whitespace separated; '#' starts a comment line). */
public final class CsvTable {
    private CsvTable() {}

    public static double[][] read(Path file, boolean header) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        List<double[]> rows = new ArrayList<>();
        boolean skipped = !header;
        int width = -1;
        for (int ln = 0; ln < lines.size(); ln++) {
            String line = lines.get(ln).strip();
            if (line.isEmpty() || line.startsWith("#")) continue;
            if (!skipped) { skipped = true; continue; }
            String[] cells = line.split("\\s*[,;]\\s*|\\s+");
            if (width < 0) width = cells.length;
            if (cells.length != width)
                throw new IOException(file + " line " + (ln + 1) + ": " + cells.length + " columns, expected " + width);
            double[] row = new double[width];
            for (int c = 0; c < width; c++) {
                try {
                    row[c] = Double.parseDouble(cells[c]);
                } catch (NumberFormatException e) {
                    throw new IOException(file + " line " + (ln + 1) + ": '" + cells[c] + "' is not a number"
                            + (ln == 0 ? " (set header: true if the first line holds column names)" : ""));
                }
            }
            rows.add(row);
        }
        if (rows.isEmpty()) throw new IOException(file + " holds no data rows");
        return rows.toArray(new double[0][]);
    }
}
