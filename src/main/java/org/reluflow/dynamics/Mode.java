package org.reluflow.dynamics;

/** Where a (sample, neuron) pre-activation z is: above, below, or held on the switching surface z = 0. */
enum Mode {
    ON, OFF, SLIDE;

    String label() { return name().toLowerCase(java.util.Locale.ROOT); }
}
