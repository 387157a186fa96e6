package io.edgefleet.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** Self-signed certificates for TLS tests, made with the machine's openssl (./fleet test installs it). */
public final class TestCertificates {
    private TestCertificates() {}

    /** A PEM certificate and its unencrypted PEM private key. */
    public record Pem(Path certificate, Path privateKey) {}

    /**
     * Makes a one-day certificate for {@code localhost} and {@code 127.0.0.1} (as subject
     * alternative names, which hostname verification checks) in {@code dir}.
     */
    public static Pem selfSignedForLocalhost(Path dir) {
        Path cert = dir.resolve("cert.pem");
        Path key = dir.resolve("key.pem");
        Path log = dir.resolve("openssl.log");
        try {
            Process openssl = new ProcessBuilder(
                            "openssl",
                            "req",
                            "-x509",
                            "-newkey",
                            "rsa:2048",
                            "-nodes",
                            "-days",
                            "1",
                            "-keyout",
                            key.toString(),
                            "-out",
                            cert.toString(),
                            "-subj",
                            "/CN=localhost",
                            "-addext",
                            "subjectAltName=IP:127.0.0.1,DNS:localhost")
                    .directory(dir.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
            if (!openssl.waitFor(60, TimeUnit.SECONDS) || openssl.exitValue() != 0) {
                throw new IllegalStateException("openssl could not make a test certificate (is it installed? "
                        + "'apt-get install openssl'); see " + log);
            }
            return new Pem(cert, key);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run openssl: apt-get install openssl", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while making a test certificate", e);
        }
    }
}
