package org.bluelight.ops.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The broker's TLS key and self-signed certificate, made once with the JDK's {@code keytool} (no
 * other tool needed) and kept: {@code broker.p12} (the key, for the broker) and
 * {@code public/broker-certificate.pem} (what clients trust: the one file of the folder to share with them).
 */
public final class BrokerCertificate {

    private static final Logger LOG = LoggerFactory.getLogger(BrokerCertificate.class);
    static final String KEYSTORE = "broker.p12";
    static final String CERTIFICATE = "public/broker-certificate.pem";
    private static final String ALIAS = "bluelight-broker";
    private static final String PASSWORD_VARIABLE = "BLUELIGHT_KEYSTORE_PASSWORD";
    private static final int VALID_DAYS = 3650;

    private BrokerCertificate() {
    }

    /**
     * Makes the key and certificate in {@code dir} unless they are there already.
     *
     * @param hostNames names and addresses clients reach the broker by (the certificate's subject alternative names)
     */
    public static void ensure(Path dir, String keystorePassword, List<String> hostNames) {
        Path keystore = dir.resolve(KEYSTORE);
        Path certificate = dir.resolve(CERTIFICATE);
        if (Files.exists(keystore) && Files.exists(certificate)) {
            return;
        }
        try {
            Files.createDirectories(certificate.getParent());
            Files.deleteIfExists(keystore);
            Files.deleteIfExists(certificate);
            keytool(keystorePassword, "-genkeypair", "-alias", ALIAS, "-keyalg", "EC", "-groupname", "secp256r1",
                    "-sigalg", "SHA256withECDSA", "-dname", "CN=bluelight-broker", "-validity", String.valueOf(VALID_DAYS),
                    "-ext", "SAN=" + subjectAlternativeNames(hostNames), "-storetype", "PKCS12", "-keystore", keystore.toString(),
                    "-storepass:env", PASSWORD_VARIABLE);
            keytool(keystorePassword, "-exportcert", "-rfc", "-alias", ALIAS, "-keystore", keystore.toString(),
                    "-storepass:env", PASSWORD_VARIABLE, "-file", certificate.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot make the broker's certificate in " + dir, e);
        }
        LOG.info("Made the broker's TLS key and certificate in {} for {}", dir, hostNames);
    }

    /** {@code dns:} for names, {@code ip:} for addresses. */
    static String subjectAlternativeNames(List<String> hostNames) {
        return hostNames.stream().distinct()
                .map(host -> (host.matches("[0-9.]+") || host.contains(":") ? "ip:" : "dns:") + host)
                .collect(Collectors.joining(","));
    }

    private static void keytool(String password, String... arguments) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        // The password goes by the environment, not the command line other users can see.
        builder.environment().put(PASSWORD_VARIABLE, password);
        Process process = builder.start();
        try {
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IOException("keytool " + arguments[0] + " failed: " + output.strip());
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted running keytool", e);
        }
    }
}
