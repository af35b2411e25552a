package org.bluelight.routing;

/** A travel profile name or combination the network does not offer. */
public final class UnknownProfileException extends RoutingException {

    private final String profileName;

    public UnknownProfileException(String profileName, String message) {
        super(message);
        this.profileName = profileName;
    }

    public String profileName() {
        return profileName;
    }
}
