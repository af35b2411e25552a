package org.bluelight.schemas.serde;

/** What a serializer does with a schema the registry may not know under the topic's subject. */
public enum SchemaRegistration {
    /** Register it (the registry enforces the subject's compatibility level). */
    AUTO_REGISTER,
    /** Only look it up; a schema not registered under the subject fails serialization. */
    LOOK_UP
}
