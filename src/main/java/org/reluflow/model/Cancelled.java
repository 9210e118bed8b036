package org.reluflow.model;

/**
 * Thrown where a long computation notices that its thread was interrupted: a claim that ran out of its time limit
 * is abandoned by interrupting its thread, and the computation must then really stop instead of burning a core.
 * Engines "never throw for numerical trouble", but cancellation is not numerical trouble: it unwinds to whoever
 * interrupted the thread. The interrupt flag stays set, so every later checkpoint of the same thread throws too.
 */
public final class Cancelled extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private Cancelled() { super("cancelled (the thread was interrupted)", null, false, false); }

    /**
     * A cancellation point: throws when the current thread is interrupted. Cheap (one field read), so hot loops
     * call it once per gradient evaluation or step: the objectives' gradients, the discrete engines' iterations,
     * the validated integrator's steps.
     */
    public static void checkpoint() {
        if (Thread.currentThread().isInterrupted()) throw new Cancelled();
    }
}
