package org.xmppfed.openfire.e2e;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Bounded waiting for a condition: every wait in the suite has a limit. */
final class Await {
    private Await() {
    }

    static boolean until(Duration limit, BooleanSupplier condition) {
        long deadline = System.nanoTime() + limit.toNanos();
        while (true) {
            if (condition.getAsBoolean()) {
                return true;
            }
            if (System.nanoTime() > deadline) {
                return false;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
    }

    static void require(Duration limit, String what, BooleanSupplier condition) {
        if (!until(limit, condition)) {
            throw new AssertionError("Timed out after " + limit.toSeconds() + " s waiting for " + what);
        }
    }
}
