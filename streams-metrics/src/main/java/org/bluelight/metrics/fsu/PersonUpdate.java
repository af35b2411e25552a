package org.bluelight.metrics.fsu;

/** Sets ({@code activity} present) or withdraws (null) one entry of a person's {@link PersonLedger}. */
public record PersonUpdate(String personId, String ledgerKey, PersonActivity activity) {

    /** Identity of the link, for tracking what a source last linked. */
    public String link() {
        return personId + "|" + ledgerKey;
    }
}
