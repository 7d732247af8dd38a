package org.oretrace.server.epcis;

import static java.util.Objects.requireNonNull;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertPathBuilderException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;

/**
 * One webhook POST to the addresses {@link WebhookDestinations} checked, never to a fresh lookup of
 * the URL's host: the fix for DNS rebinding, where a name answers a public address to the check and
 * 127.0.0.1 to the connection. The JDK's HttpClient takes only a URL and resolves its host again
 * when it connects (after the JVM's 30 s cache, a rebinding DNS with a zero TTL answers anew), so
 * this class opens the socket itself: to each checked address in turn until one connects, then, for
 * https, TLS over that socket with the URL's host as SNI name and as the name the certificate must
 * hold (endpoint identification "HTTPS": the JDK checks the name against the certificate's subject
 * alternative names), the chain against the {@link WebhookTrust} (the JDK's trust store, and the
 * operator's private authorities if any) and the validity dates. The request is HTTP/1.1 with
 * {@code Host} from the URL, {@code Content-Length} and {@code Connection: close}; only the status
 * line of the answer is read (informational 1xx answers skipped).
 */
final class PinnedWebhookPost {

  private static final int MOST_LINE_BYTES = 8192;
  private static final int MOST_HEADER_LINES = 200;

  private final Duration connectTimeout;
  private final Duration readTimeout;
  private final WebhookTrust trust;

  PinnedWebhookPost(Duration connectTimeout, Duration readTimeout, WebhookTrust trust) {
    this.connectTimeout = requireNonNull(connectTimeout, "connectTimeout is null");
    this.readTimeout = requireNonNull(readTimeout, "readTimeout is null");
    this.trust = requireNonNull(trust, "trust is null");
  }

  /**
   * Posts the body to the destination through one of the addresses checked for its host.
   *
   * @param destination an absolute http or https URL
   * @param addresses the checked addresses of the URL's host, tried in order
   * @param headers the request's other headers (not Host, Content-Length or Connection)
   * @return the answer's status code
   * @throws IOException when no address connects or the answer is not HTTP; an {@link
   *     SSLHandshakeException} saying why in plain words when the TLS handshake fails
   */
  int post(URI destination, List<InetAddress> addresses, Map<String, String> headers, byte[] body)
      throws IOException {
    String scheme = String.valueOf(destination.getScheme()).toLowerCase(Locale.ROOT);
    boolean https = scheme.equals("https");
    if (!https && !scheme.equals("http")) {
      throw new IOException("not an http or https URL: " + destination);
    }
    if (addresses.isEmpty()) {
      throw new IOException(destination.getHost() + " does not resolve");
    }
    int port = destination.getPort() < 0 ? (https ? 443 : 80) : destination.getPort();
    try (Socket socket = connect(addresses, port)) {
      socket.setSoTimeout(Math.toIntExact(readTimeout.toMillis()));
      Socket channel = https ? tls(socket, bareHost(destination), port) : socket;
      try {
        OutputStream output = new BufferedOutputStream(channel.getOutputStream());
        output.write(head(destination, port, https, headers, body.length));
        output.write(body);
        output.flush();
        return status(new BufferedInputStream(channel.getInputStream()));
      } finally {
        if (channel != socket) {
          channel.close();
        }
      }
    }
  }

  /** A socket connected to the first of the addresses that answers. */
  private Socket connect(List<InetAddress> addresses, int port) throws IOException {
    IOException last = null;
    for (InetAddress address : addresses) {
      Socket socket = new Socket();
      try {
        socket.connect(
            new InetSocketAddress(address, port), Math.toIntExact(connectTimeout.toMillis()));
        return socket;
      } catch (IOException e) {
        socket.close();
        if (last != null) {
          e.addSuppressed(last);
        }
        last = e;
      }
    }
    throw requireNonNull(last, "addresses were checked non-empty");
  }

  /** TLS over the connected socket, verifying the certificate against the URL's host. */
  private Socket tls(Socket socket, String host, int port) throws IOException {
    SSLSocket tls = (SSLSocket) trust.socketFactory().createSocket(socket, host, port, false);
    SSLParameters parameters = tls.getSSLParameters();
    parameters.setEndpointIdentificationAlgorithm("HTTPS");
    if (!isAddressLiteral(host)) {
      parameters.setServerNames(List.of(new SNIHostName(host)));
    }
    tls.setSSLParameters(parameters);
    try {
      tls.startHandshake();
    } catch (IOException e) {
      tls.close();
      SSLHandshakeException described =
          new SSLHandshakeException("TLS with " + host + " failed: " + handshakeFailure(e, host));
      described.initCause(e);
      throw described;
    }
    return tls;
  }

  /**
   * Why a handshake failed, in words a subscriber can act on: the JDK's own message names a Java
   * class ("PKIX path building failed: sun.security...") and hides the reason in its causes.
   */
  private static String handshakeFailure(IOException failure, String host) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof CertificateExpiredException) {
        return "the receiver's certificate has expired (" + cause.getMessage() + ")";
      }
      if (cause instanceof CertificateNotYetValidException) {
        return "the receiver's certificate is not valid yet (" + cause.getMessage() + ")";
      }
      if (cause instanceof CertPathBuilderException) {
        return "the receiver's certificate is not issued by an authority this server trusts"
            + " (the operator adds private ones with oretrace serve --webhook-trust)";
      }
      String message = String.valueOf(cause.getMessage());
      if (message.startsWith("No subject alternative") || message.startsWith("No name matching")) {
        return "the receiver's certificate is not for " + host + " (" + message + ")";
      }
    }
    Throwable root = failure;
    while (root.getCause() != null) {
      root = root.getCause();
    }
    return String.valueOf(root.getMessage());
  }

  private static byte[] head(
      URI destination, int port, boolean https, Map<String, String> headers, int length)
      throws IOException {
    String path = destination.getRawPath() == null ? "" : destination.getRawPath();
    if (path.isEmpty()) {
      path = "/";
    }
    if (destination.getRawQuery() != null) {
      path += "?" + destination.getRawQuery();
    }
    StringBuilder head = new StringBuilder();
    head.append("POST ").append(path).append(" HTTP/1.1\r\n");
    String host = destination.getHost();
    boolean defaultPort = port == (https ? 443 : 80);
    head.append("Host: ").append(host).append(defaultPort ? "" : ":" + port).append("\r\n");
    for (Map.Entry<String, String> header : headers.entrySet()) {
      String line = header.getKey() + ": " + header.getValue();
      if (line.indexOf('\r') >= 0 || line.indexOf('\n') >= 0) {
        throw new IOException("a header holds a line break: " + header.getKey());
      }
      head.append(line).append("\r\n");
    }
    head.append("Content-Length: ").append(length).append("\r\n");
    head.append("Connection: close\r\n\r\n");
    return head.toString().getBytes(StandardCharsets.ISO_8859_1);
  }

  /** The status of the first final answer ("HTTP/1.1 204 No Content" gives 204). */
  private static int status(InputStream input) throws IOException {
    while (true) {
      String line = line(input);
      String[] parts = line.split(" ", 3);
      if (parts.length < 2 || !parts[0].startsWith("HTTP/1.") || parts[1].length() != 3) {
        throw new IOException("not an HTTP answer: " + line);
      }
      int status;
      try {
        status = Integer.parseInt(parts[1]);
      } catch (NumberFormatException e) {
        throw new IOException("not an HTTP status: " + line, e);
      }
      if (status >= 200 || status < 100) {
        return status;
      }
      for (int count = 0; !line(input).isEmpty(); count++) {
        if (count == MOST_HEADER_LINES) {
          throw new IOException("too many header lines in an informational answer");
        }
      }
    }
  }

  /** One CRLF- (or LF-) terminated line, without its terminator. */
  private static String line(InputStream input) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    while (true) {
      int next = input.read();
      if (next < 0) {
        throw new IOException("the answer ended early");
      }
      if (next == '\n') {
        break;
      }
      if (bytes.size() == MOST_LINE_BYTES) {
        throw new IOException("an answer line is too long");
      }
      bytes.write(next);
    }
    String line = bytes.toString(StandardCharsets.ISO_8859_1);
    return line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
  }

  /** The URL's host without the brackets of an IPv6 literal. */
  static String bareHost(URI destination) {
    String host = requireNonNull(destination.getHost(), "the URL has no host");
    return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
  }

  private static boolean isAddressLiteral(String host) {
    return host.indexOf(':') >= 0 || host.matches("[0-9.]+");
  }
}
