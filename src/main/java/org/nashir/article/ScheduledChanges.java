package org.nashir.article;

/**
 * What happens at a set time rather than when someone clicks: scheduled articles go out, pins lapse, ticker lines
 * expire. Every node runs {@link #runDue} every few seconds; each change happens once, by the one transaction
 * whose conditional write succeeds, which also writes its change row.
 */
public final class ScheduledChanges {
    private final Editing editing;
    private final PinStore pins;
    private final TickerStore ticker;

    public ScheduledChanges(Editing editing, PinStore pins, TickerStore ticker) {
        this.editing = editing;
        this.pins = pins;
        this.ticker = ticker;
    }

    /** Applies every change whose time has come; returns how many there were. */
    public int runDue() {
        return editing.publishDue() + pins.lapseDue() + ticker.endDue();
    }
}
