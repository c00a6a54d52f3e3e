package org.statdesk.enforcement.internal;

/** Makes the year's double-random draw (双随机抽取) and stores it with what makes it verifiable. */
interface Drawer {
    /**
     * Draws for {@code year} with {@code seed} (null: from the secure source). A second draw of a year only with
     * {@code replace} and a reason, which is journaled; otherwise bad input and nothing drawn.
     */
    Draws.DrawJson draw(int year, Long seed, boolean replace, String reason) throws Exception;
}
