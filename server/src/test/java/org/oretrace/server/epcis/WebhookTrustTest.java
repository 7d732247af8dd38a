package org.oretrace.server.epcis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The operator's webhook trust store, read from PEM or PKCS#12 and used by {@link
 * PinnedWebhookPost} against a real HTTPS receiver presenting a certificate from the test authority
 * ({@link TestCertificates}): the JDK's trust alone refuses it, the file's authority makes it pass,
 * the JDK's authorities stay trusted, and a file that is no trust store is refused with its name
 * and the reason.
 */
class WebhookTrustTest {

  private final TestCertificates certificates = TestCertificates.get();
  private HttpsServer receiver;

  @TempDir Path folder;

  @BeforeEach
  void startTheReceiver() throws IOException {
    receiver = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    receiver.setHttpsConfigurator(
        new HttpsConfigurator(certificates.receiver(certificates.issued, certificates.authority)));
    receiver.createContext(
        "/hook",
        exchange -> {
          exchange.getRequestBody().readAllBytes();
          exchange.sendResponseHeaders(204, -1);
          exchange.close();
        });
    receiver.start();
  }

  @AfterEach
  void stop() {
    receiver.stop(0);
  }

  private int post(WebhookTrust trust) throws IOException {
    URI destination =
        URI.create(
            "https://" + TestCertificates.HOST + ":" + receiver.getAddress().getPort() + "/hook");
    return new PinnedWebhookPost(Duration.ofSeconds(5), Duration.ofSeconds(10), trust)
        .post(
            destination,
            List.of(InetAddress.getLoopbackAddress()),
            Map.of("Content-Type", "application/json"),
            "{}".getBytes(StandardCharsets.UTF_8));
  }

  private Path file(String name, byte[] bytes) throws IOException {
    return Files.write(folder.resolve(name), bytes);
  }

  @Test
  void theJdksTrustAloneRefusesThePrivateAuthority() {
    assertThatThrownBy(() -> post(WebhookTrust.jdkDefault()))
        .isInstanceOf(SSLHandshakeException.class)
        .hasMessageContaining("not issued by an authority this server trusts");
  }

  @Test
  void aPemFileAddsItsAuthoritiesToTheJdks() throws Exception {
    String bundle =
        "# agency root\n"
            + TestCertificates.pem(certificates.authority)
            + "\nsubject=CN=something else\n"
            + TestCertificates.pem(certificates.selfSigned);
    WebhookTrust trust =
        WebhookTrust.load(file("bundle.pem", bundle.getBytes(StandardCharsets.US_ASCII)), null);

    assertThat(post(trust)).isEqualTo(204);
    List<X509Certificate> jdk = WebhookTrust.jdkDefault().authorities();
    assertThat(jdk).isNotEmpty();
    assertThat(trust.authorities())
        .containsAll(jdk)
        .contains(certificates.authority, certificates.selfSigned)
        .hasSize(jdk.size() + 2);
    assertThat(trust.toString()).contains("2 certificate(s)", "bundle.pem");
  }

  @Test
  void aPkcs12TrustStoreIsReadWithItsPassword() throws Exception {
    KeyStore store = KeyStore.getInstance("PKCS12");
    store.load(null, null);
    store.setCertificateEntry("agency-root", certificates.authority);
    Path file = folder.resolve("trust.p12");
    try (OutputStream out = Files.newOutputStream(file)) {
      store.store(out, "changeit".toCharArray());
    }

    assertThat(post(WebhookTrust.load(file, "changeit".toCharArray()))).isEqualTo(204);
    assertThatThrownBy(() -> WebhookTrust.load(file, "wrong".toCharArray()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("trust.p12")
        .hasMessageContaining("wrong password");
    assertThatThrownBy(() -> WebhookTrust.load(file, null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("trust.p12: holds no certificate it can read without a password");
  }

  @Test
  void aFileThatIsNoTrustStoreIsRefusedWithItsNameAndWhy() throws IOException {
    assertThatThrownBy(() -> WebhookTrust.load(folder.resolve("missing.pem"), null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("missing.pem")
        .hasMessageContaining("cannot be read");
    Path keyOnly =
        file(
            "key.pem",
            "-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n"
                .getBytes(StandardCharsets.US_ASCII));
    assertThatThrownBy(() -> WebhookTrust.load(keyOnly, null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("key.pem: holds no certificate");
    Path garbage = file("notes.txt", "not a certificate".getBytes(StandardCharsets.US_ASCII));
    assertThatThrownBy(() -> WebhookTrust.load(garbage, null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("notes.txt: is neither PEM certificates nor a PKCS#12 trust store");
  }
}
