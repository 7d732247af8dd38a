package org.oretrace.server.epcis;

import static java.util.Objects.requireNonNull;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.NoSuchAlgorithmException;
import java.security.UnrecoverableKeyException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/**
 * The certificate authorities an https webhook receiver's certificate must chain to. By default the
 * JDK's trust store, as for any Java client. An operator whose receivers sit inside an agency's
 * network, with certificates from a private authority, adds that authority's certificates from a
 * file ({@code oretrace serve --webhook-trust FILE}): PEM (one or more {@code BEGIN CERTIFICATE}
 * blocks, text around them ignored, as in a CA bundle) or PKCS#12 (its trusted-certificate
 * entries). They are trusted <em>in addition to</em> the JDK's authorities, not instead of them, so
 * subscribers on the public internet keep working: both sets go into one key store under one PKIX
 * trust manager, so the checks (validity dates, chain, and the host name that {@link
 * PinnedWebhookPost} asks for) are the JDK's own, not a hand-written chain check.
 */
public final class WebhookTrust {

  private static final WebhookTrust JDK =
      new WebhookTrust(null, List.of(), "the JDK's trust store");
  private static final Pattern PEM_CERTIFICATE =
      Pattern.compile("-----BEGIN CERTIFICATE-----([A-Za-z0-9+/=\\s]+)-----END CERTIFICATE-----");

  /** The TLS context holding the added authorities, or null for the JDK's default context. */
  private final SSLContext context;

  /** The certificates added to the JDK's authorities. */
  private final List<X509Certificate> added;

  private final String description;

  private WebhookTrust(SSLContext context, List<X509Certificate> added, String description) {
    this.context = context;
    this.added = List.copyOf(added);
    this.description = description;
  }

  /** The JDK's trust store alone (the default). */
  public static WebhookTrust jdkDefault() {
    return JDK;
  }

  /**
   * The JDK's authorities and those of a PEM or PKCS#12 file.
   *
   * @param password the PKCS#12 file's password, or null (for PEM, or a PKCS#12 file without one)
   * @throws IllegalArgumentException naming the file and why it cannot be read, or when it holds no
   *     certificate
   */
  public static WebhookTrust load(Path file, char[] password) {
    requireNonNull(file, "file is null");
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (IOException e) {
      throw invalid(file, "cannot be read (" + e + ")");
    }
    boolean pem = looksLikePem(bytes);
    List<X509Certificate> added;
    try {
      added = pem ? pem(bytes) : pkcs12(bytes, password);
    } catch (IOException | GeneralSecurityException e) {
      String reason = e.getMessage();
      if (e.getCause() instanceof UnrecoverableKeyException) {
        reason = "wrong password (set ORETRACE_WEBHOOK_TRUST_PASSWORD)";
      }
      throw invalid(file, "is neither PEM certificates nor a PKCS#12 trust store: " + reason);
    }
    if (added.isEmpty()) {
      // Without its password a PKCS#12 file's (encrypted) certificates are silently skipped.
      throw invalid(
          file,
          "holds no certificate"
              + (pem || password != null
                  ? ""
                  : " it can read without a password (set ORETRACE_WEBHOOK_TRUST_PASSWORD)"));
    }
    try {
      return new WebhookTrust(
          context(added),
          added,
          "the JDK's trust store and " + added.size() + " certificate(s) of " + file);
    } catch (GeneralSecurityException | IOException e) {
      throw invalid(file, "cannot be used as a trust store: " + e.getMessage());
    }
  }

  /** Every authority trusted: the JDK's, then the added ones. */
  List<X509Certificate> authorities() throws GeneralSecurityException {
    List<X509Certificate> all = new ArrayList<>(jdkAuthorities());
    all.addAll(added);
    return all;
  }

  /** A socket factory whose handshakes check the receiver's chain against these authorities. */
  SSLSocketFactory socketFactory() throws IOException {
    if (context != null) {
      return context.getSocketFactory();
    }
    try {
      return SSLContext.getDefault().getSocketFactory();
    } catch (NoSuchAlgorithmException e) {
      throw new IOException("this JDK has no default TLS context", e);
    }
  }

  @Override
  public String toString() {
    return description;
  }

  private static boolean looksLikePem(byte[] bytes) {
    return new String(bytes, StandardCharsets.ISO_8859_1).contains("-----BEGIN ");
  }

  private static List<X509Certificate> pem(byte[] bytes) throws CertificateException {
    CertificateFactory factory = CertificateFactory.getInstance("X.509");
    List<X509Certificate> certificates = new ArrayList<>();
    Matcher block = PEM_CERTIFICATE.matcher(new String(bytes, StandardCharsets.US_ASCII));
    while (block.find()) {
      byte[] der = Base64.getMimeDecoder().decode(block.group(1));
      certificates.add(
          (X509Certificate) factory.generateCertificate(new ByteArrayInputStream(der)));
    }
    return certificates;
  }

  private static List<X509Certificate> pkcs12(byte[] bytes, char[] password)
      throws IOException, GeneralSecurityException {
    KeyStore store = KeyStore.getInstance("PKCS12");
    store.load(new ByteArrayInputStream(bytes), password);
    List<X509Certificate> certificates = new ArrayList<>();
    for (String alias : Collections.list(store.aliases())) {
      if (store.isCertificateEntry(alias)
          && store.getCertificate(alias) instanceof X509Certificate certificate) {
        certificates.add(certificate);
      }
    }
    return certificates;
  }

  /** A TLS context trusting the JDK's default authorities and the added certificates. */
  private static SSLContext context(List<X509Certificate> added)
      throws GeneralSecurityException, IOException {
    KeyStore anchors = KeyStore.getInstance("PKCS12");
    anchors.load(null, null);
    int index = 0;
    for (X509Certificate certificate : jdkAuthorities()) {
      anchors.setCertificateEntry("jdk-" + index++, certificate);
    }
    for (X509Certificate certificate : added) {
      anchors.setCertificateEntry("added-" + index++, certificate);
    }
    TrustManagerFactory trust =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    trust.init(anchors);
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(null, trust.getTrustManagers(), null);
    return context;
  }

  private static List<X509Certificate> jdkAuthorities() throws GeneralSecurityException {
    TrustManagerFactory jdk =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    jdk.init((KeyStore) null);
    List<X509Certificate> authorities = new ArrayList<>();
    for (TrustManager manager : jdk.getTrustManagers()) {
      if (manager instanceof X509TrustManager x509) {
        authorities.addAll(List.of(x509.getAcceptedIssuers()));
      }
    }
    return authorities;
  }

  private static IllegalArgumentException invalid(Path file, String reason) {
    return new IllegalArgumentException("webhook trust store " + file + ": " + reason);
  }
}
