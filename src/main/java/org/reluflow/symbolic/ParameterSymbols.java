package org.reluflow.symbolic;

import java.util.ArrayList;
import java.util.List;
import org.reluflow.model.ParameterLayout;

/**
 * Symja names of the parameters, in {@link ParameterLayout} order: a1..am, w1x1..wmxd, b1..bm, c (1-based as in the
 * papers). Names avoid v1, v2, ... which Symja's common-subexpression output uses for its temporaries.
 */
public final class ParameterSymbols {
    private ParameterSymbols() {}

    public static String a(int j) { return "a" + (j + 1); }

    public static String w(int j, int k) { return "w" + (j + 1) + "x" + (k + 1); }

    public static String b(int j) { return "b" + (j + 1); }

    public static final String C = "c";

    public static List<String> names(ParameterLayout layout) {
        List<String> out = new ArrayList<>(layout.size());
        for (int j = 0; j < layout.width(); j++) out.add(a(j));
        for (int j = 0; j < layout.width(); j++) for (int k = 0; k < layout.inputDim(); k++) out.add(w(j, k));
        if (layout.hiddenBias()) for (int j = 0; j < layout.width(); j++) out.add(b(j));
        if (layout.outputBias()) out.add(C);
        return out;
    }

    /** Symja list text {a1, w1x1, ...}. */
    public static String list(ParameterLayout layout) { return "{" + String.join(", ", names(layout)) + "}"; }
}
