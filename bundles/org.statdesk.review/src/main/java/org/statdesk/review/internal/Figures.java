package org.statdesk.review.internal;

/** A figure as people read it in a query list or a message: the engine's own wording, for the rooms outside it. */
public final class Figures {
    private Figures() {
    }

    /** No exponent, four significant digits below 1, two decimals at most above. */
    public static String human(double v) {
        return Engine.human(v);
    }
}
