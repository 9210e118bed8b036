package org.reluflow;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.reluflow.cli.Main;
import org.junit.jupiter.api.Test;

class SmokeTest {
    @Test
    void helpAnswersWithExitZero() {
        assertEquals(0, Main.execute("--help"));
    }

    @Test
    void anUnknownCommandIsABadInput() {
        assertEquals(2, Main.execute("no-such-command"));
    }

    @Test
    void everyCommandIsBuilt() {
        assertEquals(0, Main.execute("reproduce", "--list"));
    }
}
