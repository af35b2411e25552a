package org.bluelight.ops.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import org.apache.kafka.common.utils.AppInfoParser;
import picocli.CommandLine.IVersionProvider;

/** Bluelight's version from the Maven metadata in the jar, and the Kafka version it runs. */
public final class VersionProvider implements IVersionProvider {

    private static final String POM_PROPERTIES = "/META-INF/maven/org.bluelight/bluelight-ops/pom.properties";

    @Override
    public String[] getVersion() throws IOException {
        return new String[] {"bluelight " + bluelightVersion(), "Apache Kafka " + AppInfoParser.getVersion()};
    }

    private static String bluelightVersion() throws IOException {
        try (InputStream in = VersionProvider.class.getResourceAsStream(POM_PROPERTIES)) {
            if (in == null) {
                return "(development build, not from the jar)";
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version", "(unknown)");
        }
    }
}
