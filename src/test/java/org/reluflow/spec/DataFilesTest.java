package org.reluflow.spec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reluflow.model.FiniteDataset;

/** Data loaded from CSV and .npy files, resolved relative to the spec. */
class DataFilesTest {

    /** Writes a C-order float64 .npy file (format 1.0) as numpy.save does. */
    static void writeNpy(Path file, double[] values, int... shape) throws Exception {
        String dims = shape.length == 1 ? shape[0] + "," : shape[0] + ", " + shape[1];
        StringBuilder header = new StringBuilder("{'descr': '<f8', 'fortran_order': False, 'shape': (" + dims + "), }");
        while ((10 + header.length() + 1) % 64 != 0) header.append(' ');
        header.append('\n');
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0});
        out.write(header.length() & 0xff);
        out.write(header.length() >> 8);
        out.write(header.toString().getBytes(StandardCharsets.ISO_8859_1));
        ByteBuffer buf = ByteBuffer.allocate(8 * values.length).order(ByteOrder.LITTLE_ENDIAN);
        for (double v : values) buf.putDouble(v);
        out.write(buf.array());
        Files.write(file, out.toByteArray());
    }

    @Test
    void npyInputsAndTargets(@TempDir Path dir) throws Exception {
        writeNpy(dir.resolve("x.npy"), new double[] {1, 2, 3, 4, 5, 6}, 3, 2);
        writeNpy(dir.resolve("y.npy"), new double[] {0.5, -1, 2}, 3);
        Path spec = Files.writeString(dir.resolve("s.yaml"), "network: {width: 2}\ndata: {kind: file, x: x.npy, y: y.npy}\n");
        FiniteDataset d = (FiniteDataset) SpecLoader.load(spec).problem().data();
        assertArrayEquals(new double[] {3, 4}, d.x()[1]);
        assertArrayEquals(new double[] {0.5, -1, 2}, d.y());
        assertEquals(1.0 / 3, d.weights()[0], 0);
    }

    @Test
    void csvWithHeaderAndTargetInTheLastColumn(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("d.csv"), "# a comment\nx1,x2,y\n1,2,3\n4,5,6\n");
        Path spec = Files.writeString(dir.resolve("s.yaml"), "network: {width: 1}\ndata: {kind: file, path: d.csv, header: true}\n");
        FiniteDataset d = (FiniteDataset) SpecLoader.load(spec).problem().data();
        assertArrayEquals(new double[] {4, 5}, d.x()[1]);
        assertArrayEquals(new double[] {3, 6}, d.y());
    }

    @Test
    void badFilesAreClearErrors(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("d.csv"), "x1,x2,y\n1,2,3\n");
        Path spec = Files.writeString(dir.resolve("s.yaml"), "network: {width: 1}\ndata: {kind: file, path: d.csv}\n");
        SpecException e = assertThrows(SpecException.class, () -> SpecLoader.load(spec));
        assertTrue(e.getMessage().contains("header: true"), e.getMessage());
        Files.writeString(dir.resolve("x.npy"), "not numpy");
        writeNpy(dir.resolve("y.npy"), new double[] {1}, 1);
        Path spec2 = Files.writeString(dir.resolve("s2.yaml"), "network: {width: 1}\ndata: {kind: file, x: x.npy, y: y.npy}\n");
        e = assertThrows(SpecException.class, () -> SpecLoader.load(spec2));
        assertTrue(e.getMessage().contains("not a .npy file"), e.getMessage());
        writeNpy(dir.resolve("x3.npy"), new double[] {1, 2, 3, 4}, 2, 2);
        Path spec3 = Files.writeString(dir.resolve("s3.yaml"), "network: {width: 1}\ndata: {kind: file, x: x3.npy, y: y.npy}\n");
        e = assertThrows(SpecException.class, () -> SpecLoader.load(spec3));
        assertTrue(e.getMessage().contains("1 targets for 2 inputs"), e.getMessage());
    }
}
