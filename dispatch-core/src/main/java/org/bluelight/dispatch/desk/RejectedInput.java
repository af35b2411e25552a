package org.bluelight.dispatch.desk;

/** An input dispatch cannot act on; the message says why, for the dead-letter record. */
public final class RejectedInput extends RuntimeException {

    /** The dead-letter reason of an input that breaks no limit but that dispatch cannot act on. */
    public static final String REJECTED = "rejected-by-dispatch";

    private static final long serialVersionUID = 1L;

    private final String code;

    public RejectedInput(String reason) {
        this(REJECTED, reason);
    }

    public RejectedInput(String code, String reason) {
        super(reason);
        this.code = code;
    }

    /** The dead-letter reason code. */
    public String code() {
        return code;
    }
}
