package org.reluflow.claims;

import org.reluflow.symbolic.SymjaSession;

/** What claims share during a run: one Symja session (calls are serialized and time-limited), opened on demand. */
public final class ClaimContext implements AutoCloseable {
    private SymjaSession session;

    public synchronized SymjaSession symja() {
        if (session == null) session = SymjaSession.withDefaults();
        return session;
    }

    @Override public synchronized void close() {
        if (session != null) session.close();
        session = null;
    }
}
