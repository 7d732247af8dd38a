package org.oretrace.server.epcis;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * Certificates made when the tests run, never committed: a throwaway certificate authority, and one
 * key pair for a webhook receiver named {@link #HOST} with three certificates for that name: {@link
 * #issued} by the authority, valid for two days; {@link #expired}, issued by it but valid only from
 * three days ago to two days ago; and {@link #selfSigned}, which nobody trusts. Made with the
 * running JDK's keytool (five runs, about a CPU-second each, once per test JVM) in a temporary
 * folder deleted afterwards; the keys are EC P-256. {@link #receiver} makes the TLS context of a
 * receiver presenting one of the certificates.
 */
final class TestCertificates {

  /** The receiver's name (resolved by {@link RebindingResolver} as a test scripts it). */
  static final String HOST = "receiver.rebind.test";

  private static final String PASSWORD = "throwaway";
  private static TestCertificates made;

  final X509Certificate authority;
  final X509Certificate issued;
  final X509Certificate expired;
  final X509Certificate selfSigned;
  private final PrivateKey receiverKey;

  private TestCertificates(
      X509Certificate authority,
      X509Certificate issued,
      X509Certificate expired,
      X509Certificate selfSigned,
      PrivateKey receiverKey) {
    this.authority = authority;
    this.issued = issued;
    this.expired = expired;
    this.selfSigned = selfSigned;
    this.receiverKey = receiverKey;
  }

  /** The certificates of this test JVM, made on first use. */
  static synchronized TestCertificates get() {
    if (made == null) {
      try {
        made = make();
      } catch (IOException | GeneralSecurityException e) {
        throw new IllegalStateException("cannot make the test certificates", e);
      }
    }
    return made;
  }

  /** A receiver's TLS context: the receiver's key, presenting this chain (leaf first). */
  SSLContext receiver(X509Certificate... chain) {
    try {
      KeyStore keys = KeyStore.getInstance("PKCS12");
      keys.load(null, null);
      keys.setKeyEntry("receiver", receiverKey, PASSWORD.toCharArray(), chain);
      KeyManagerFactory managers =
          KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
      managers.init(keys, PASSWORD.toCharArray());
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(managers.getKeyManagers(), null, null);
      return context;
    } catch (IOException | GeneralSecurityException e) {
      throw new IllegalStateException("cannot make the receiver's TLS context", e);
    }
  }

  /** The certificates as PEM text, one block each. */
  static String pem(X509Certificate... certificates) {
    StringBuilder text = new StringBuilder();
    for (X509Certificate certificate : certificates) {
      try {
        text.append("-----BEGIN CERTIFICATE-----\n")
            .append(
                Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                    .encodeToString(certificate.getEncoded()))
            .append("\n-----END CERTIFICATE-----\n");
      } catch (GeneralSecurityException e) {
        throw new IllegalStateException(e);
      }
    }
    return text.toString();
  }

  private static TestCertificates make() throws IOException, GeneralSecurityException {
    Path folder = Files.createTempDirectory("oretrace-webhook-tls");
    try {
      String store = "-storepass " + PASSWORD + " -storetype PKCS12";
      String key = "-keyalg EC -groupname secp256r1";
      String name = "-ext SAN=dns:" + HOST;
      keytool(
          folder,
          "-genkeypair -alias authority "
              + key
              + " -dname CN=Oretrace-test-authority -ext bc:c -validity 2 -keystore authority.p12 "
              + store);
      keytool(
          folder,
          "-genkeypair -alias receiver "
              + key
              + " -dname CN="
              + HOST
              + " "
              + name
              + " -validity 2 -keystore receiver.p12 "
              + store);
      keytool(
          folder, "-certreq -alias receiver -keystore receiver.p12 -file receiver.csr " + store);
      String gencert =
          "-gencert -alias authority -keystore authority.p12 -infile receiver.csr " + store;
      keytool(folder, gencert + " " + name + " -validity 2 -outfile issued.pem");
      keytool(folder, gencert + " " + name + " -startdate -3d -validity 1 -outfile expired.pem");

      KeyStore authority = load(folder.resolve("authority.p12"));
      KeyStore receiver = load(folder.resolve("receiver.p12"));
      return new TestCertificates(
          (X509Certificate) authority.getCertificate("authority"),
          certificate(folder.resolve("issued.pem")),
          certificate(folder.resolve("expired.pem")),
          (X509Certificate) receiver.getCertificate("receiver"),
          (PrivateKey) receiver.getKey("receiver", PASSWORD.toCharArray()));
    } finally {
      try (Stream<Path> files = Files.walk(folder)) {
        for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
          Files.deleteIfExists(file);
        }
      }
    }
  }

  private static void keytool(Path folder, String arguments) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
    command.addAll(List.of(arguments.split(" ")));
    command.add("-noprompt");
    Process process =
        new ProcessBuilder(command).directory(folder.toFile()).redirectErrorStream(true).start();
    String output;
    try (InputStream out = process.getInputStream()) {
      output = new String(out.readAllBytes(), StandardCharsets.UTF_8);
    }
    try {
      if (process.waitFor() != 0) {
        throw new IOException("keytool " + arguments + " failed: " + output);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while keytool ran", e);
    }
  }

  private static KeyStore load(Path file) throws IOException, GeneralSecurityException {
    KeyStore store = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(file)) {
      store.load(in, PASSWORD.toCharArray());
    }
    return store;
  }

  private static X509Certificate certificate(Path pem)
      throws IOException, GeneralSecurityException {
    try (InputStream in = Files.newInputStream(pem)) {
      Certificate certificate = CertificateFactory.getInstance("X.509").generateCertificate(in);
      return (X509Certificate) certificate;
    }
  }
}
