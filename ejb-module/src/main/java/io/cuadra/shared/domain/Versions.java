package io.cuadra.shared.domain;


/** Optimistic locking at the service edge: the version the client read must still be current. */
public final class Versions {

    private Versions() {
    }

    public static void expect(long expected, long current, String what) {
        if (expected != current) {
            throw new StaleVersion(what + " was changed by someone else (version " + current + ", you had "
                    + expected + "): reload it and apply your change again.").withKey("shared.changedSomeoneElse", what, current, expected);
        }
    }
}
