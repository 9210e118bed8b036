package org.reluflow.spec;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads 1-D and 2-D NumPy .npy arrays (format 1.x-3.x, C order, little-endian float64/float32/int64/int32). */
public final class NpyReader {
    private NpyReader() {}

    /** The array as rows; a 1-D array of length n becomes n rows of length 1. */
    public static double[][] read(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        if (bytes.length < 10 || (bytes[0] & 0xff) != 0x93 || !new String(bytes, 1, 5, StandardCharsets.ISO_8859_1).equals("NUMPY"))
            throw new IOException(file + " is not a .npy file (bad magic string)");
        int major = bytes[6];
        ByteBuffer buf = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        int headerLen, offset;
        if (major == 1) { headerLen = buf.getShort(8) & 0xffff; offset = 10; }
        else { headerLen = buf.getInt(8); offset = 12; }
        if (offset + headerLen > bytes.length) throw new IOException(file + ": truncated .npy header");
        String header = new String(bytes, offset, headerLen, StandardCharsets.ISO_8859_1);
        String descr = field(header, "descr", "'([^']*)'");
        String order = field(header, "fortran_order", "(True|False)");
        String shape = field(header, "shape", "\\(([^)]*)\\)");
        if (order.equals("True")) throw new IOException(file + ": Fortran-ordered arrays are not supported; save with C order");
        String[] dims = shape.replace(" ", "").split(",");
        int rows, cols;
        if (dims.length == 1 || (dims.length == 2 && dims[1].isEmpty())) { rows = Integer.parseInt(dims[0]); cols = 1; }
        else if (dims.length == 2) { rows = Integer.parseInt(dims[0]); cols = Integer.parseInt(dims[1]); }
        else throw new IOException(file + ": only 1-D and 2-D arrays are supported, shape is (" + shape + ")");
        int width;
        switch (descr) {
            case "<f8", "|f8" -> width = 8;
            case "<f4", "|f4" -> width = 4;
            case "<i8" -> width = 8;
            case "<i4" -> width = 4;
            default -> throw new IOException(file + ": unsupported dtype '" + descr + "' (use float64)");
        }
        int data = offset + headerLen;
        long need = (long) rows * cols * width;
        if (bytes.length - data < need) throw new IOException(file + ": truncated data (" + (bytes.length - data) + " of " + need + " bytes)");
        double[][] out = new double[rows][cols];
        for (int i = 0; i < rows; i++) for (int j = 0; j < cols; j++) {
            int pos = data + (i * cols + j) * width;
            out[i][j] = switch (descr) {
                case "<f8", "|f8" -> buf.getDouble(pos);
                case "<f4", "|f4" -> buf.getFloat(pos);
                case "<i8" -> buf.getLong(pos);
                default -> buf.getInt(pos);
            };
        }
        return out;
    }

    private static String field(String header, String key, String valuePattern) throws IOException {
        Matcher m = Pattern.compile("'" + key + "'\\s*:\\s*" + valuePattern).matcher(header);
        if (!m.find()) throw new IOException("malformed .npy header: no '" + key + "'");
        return m.group(1);
    }
}
