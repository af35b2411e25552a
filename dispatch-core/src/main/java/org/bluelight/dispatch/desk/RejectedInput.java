package org.bluelight.dispatch.desk;

/** An input dispatch cannot act on; the message says why, for the dead-letter record. */
public final class RejectedInput extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public RejectedInput(String reason) {
        super(reason);
    }
}
