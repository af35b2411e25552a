package org.bluelight.dispatch.stream;

import org.bluelight.dispatch.availability.Officer;
import org.bluelight.runtime.deadletter.InvalidRecordException;
import org.bluelight.runtime.deadletter.Result;
import org.bluelight.schemas.OfficerStatus;

/** officer.status: a unit's full attributes and status marker. */
final class StatusProcessor extends OfficerTableProcessor<OfficerStatus> {

    private final Inbound inbound;

    StatusProcessor(Inbound inbound) {
        this.inbound = inbound;
    }

    @Override
    Officer apply(String officerId, Officer previous, OfficerStatus status) {
        if (!officerId.equals(status.getOfficerId())) {
            throw new InvalidRecordException("key-mismatch", "key " + officerId + " but status of " + status.getOfficerId());
        }
        Result<Officer> checked = inbound.officer(status);
        if (checked instanceof Result.Invalid<Officer> invalid) {
            throw new InvalidRecordException(invalid.reason(), invalid.detail());
        }
        Officer officer = ((Result.Valid<Officer>) checked).value();
        return previous == null ? officer : previous.withStatusFrom(officer);
    }
}
