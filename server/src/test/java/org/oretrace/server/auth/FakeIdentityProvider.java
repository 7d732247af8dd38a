package org.oretrace.server.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.math.BigInteger;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.oretrace.store.json.Json;

/**
 * A small but real OpenID Connect provider for tests, on the JDK's HTTP server on a free port:
 * discovery, JWKS (an RSA and a P-256 key), an authorization endpoint that approves the next user
 * at once (as if they had logged in there) and redirects with a code, and a token endpoint that
 * checks the client's credentials, the redirect URI and the PKCE verifier against the challenge
 * before it issues a signed ID token. Knobs make the next token wrong in one way, to test that
 * Oretrace refuses it.
 */
final class FakeIdentityProvider implements AutoCloseable {

  private final HttpServer server;
  private final String clientId;
  private final String clientSecret;
  private final KeyPair rsa;
  private final KeyPair ec;
  private final KeyPair rogue;
  private final Map<String, Grant> grants = new ConcurrentHashMap<>();
  private final List<Map<String, String>> authorizeRequests = new ArrayList<>();
  private final List<String> issuedIdTokens = new ArrayList<>();
  private final List<Map<String, String>> logoutRequests = new ArrayList<>();

  // what the next login gets
  volatile String subject = "amani";
  volatile Map<String, Object> claims = Map.of();
  volatile String algorithm = "RS256";
  volatile boolean signWithRogueKey;
  volatile String nonceOverride;
  volatile String audienceOverride;
  volatile long lifetimeSeconds = 300;

  /**
   * Whether discovery names an end_session_endpoint (RP-initiated logout); read once by Oretrace.
   */
  volatile boolean offersLogout = true;

  private record Grant(String redirectUri, String challenge, String nonce) {}

  private FakeIdentityProvider(String clientId, String clientSecret)
      throws IOException, GeneralSecurityException {
    this.clientId = clientId;
    this.clientSecret = clientSecret;
    KeyPairGenerator rsaGenerator = KeyPairGenerator.getInstance("RSA");
    rsaGenerator.initialize(2048);
    this.rsa = rsaGenerator.generateKeyPair();
    this.rogue = rsaGenerator.generateKeyPair();
    KeyPairGenerator ecGenerator = KeyPairGenerator.getInstance("EC");
    ecGenerator.initialize(new ECGenParameterSpec("secp256r1"));
    this.ec = ecGenerator.generateKeyPair();
    this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/.well-known/openid-configuration", this::discovery);
    server.createContext("/jwks", this::jwks);
    server.createContext("/authorize", this::authorize);
    server.createContext("/token", this::token);
    server.createContext("/logout", this::logout);
    server.start();
  }

  static FakeIdentityProvider start(String clientId, String clientSecret) {
    try {
      return new FakeIdentityProvider(clientId, clientSecret);
    } catch (IOException | GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  URI issuer() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  /** Every ID token issued, oldest first. */
  synchronized List<String> issuedIdTokens() {
    return List.copyOf(issuedIdTokens);
  }

  /** The query parameters of every logout request received, oldest first. */
  synchronized List<Map<String, String>> logoutRequests() {
    return List.copyOf(logoutRequests);
  }

  /** The query parameters of every authorization request received, oldest first. */
  synchronized List<Map<String, String>> authorizeRequests() {
    return List.copyOf(authorizeRequests);
  }

  @Override
  public void close() {
    server.stop(0);
  }

  private void discovery(HttpExchange exchange) throws IOException {
    ObjectNode document = Json.object();
    document.put("issuer", issuer().toString());
    document.put("authorization_endpoint", issuer() + "/authorize");
    document.put("token_endpoint", issuer() + "/token");
    document.put("jwks_uri", issuer() + "/jwks");
    if (offersLogout) {
      document.put("end_session_endpoint", issuer() + "/logout");
    }
    document.putArray("id_token_signing_alg_values_supported").add("RS256").add("ES256");
    answer(exchange, 200, document);
  }

  private void jwks(HttpExchange exchange) throws IOException {
    ObjectNode document = Json.object();
    RSAPublicKey rsaKey = (RSAPublicKey) rsa.getPublic();
    document
        .putArray("keys")
        .add(
            Json.object()
                .put("kty", "RSA")
                .put("kid", "rsa-key")
                .put("use", "sig")
                .put("alg", "RS256")
                .put("n", unsigned(rsaKey.getModulus(), 0))
                .put("e", unsigned(rsaKey.getPublicExponent(), 0)))
        .add(ecJwk((ECPublicKey) ec.getPublic()));
    answer(exchange, 200, document);
  }

  private static ObjectNode ecJwk(ECPublicKey key) {
    return Json.object()
        .put("kty", "EC")
        .put("kid", "ec-key")
        .put("use", "sig")
        .put("crv", "P-256")
        .put("x", unsigned(key.getW().getAffineX(), 32))
        .put("y", unsigned(key.getW().getAffineY(), 32));
  }

  private void authorize(HttpExchange exchange) throws IOException {
    Map<String, String> query = parse(exchange.getRequestURI().getRawQuery());
    synchronized (this) {
      authorizeRequests.add(query);
    }
    if (!"code".equals(query.get("response_type"))
        || !clientId.equals(query.get("client_id"))
        || !"S256".equals(query.get("code_challenge_method"))
        || query.get("code_challenge") == null
        || query.get("redirect_uri") == null) {
      answer(exchange, 400, Json.object().put("error", "invalid_request"));
      return;
    }
    String code = "code-" + Base64.getUrlEncoder().withoutPadding().encodeToString(random());
    grants.put(
        code,
        new Grant(query.get("redirect_uri"), query.get("code_challenge"), query.get("nonce")));
    String location =
        query.get("redirect_uri")
            + "?code="
            + encode(code)
            + "&state="
            + encode(query.getOrDefault("state", ""));
    exchange.getResponseHeaders().add("Location", location);
    exchange.sendResponseHeaders(302, -1);
    exchange.close();
  }

  private void token(HttpExchange exchange) throws IOException {
    Map<String, String> form =
        parse(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
    String expected =
        "Basic "
            + Base64.getEncoder()
                .encodeToString(
                    (encode(clientId) + ":" + encode(clientSecret))
                        .getBytes(StandardCharsets.UTF_8));
    if (!expected.equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
      answer(exchange, 401, Json.object().put("error", "invalid_client"));
      return;
    }
    Grant grant = grants.remove(form.getOrDefault("code", ""));
    if (grant == null
        || !"authorization_code".equals(form.get("grant_type"))
        || !grant.redirectUri().equals(form.get("redirect_uri"))
        || form.get("code_verifier") == null
        || !OidcLogin.challenge(form.get("code_verifier")).equals(grant.challenge())) {
      answer(exchange, 400, Json.object().put("error", "invalid_grant"));
      return;
    }
    ObjectNode body = Json.object();
    body.put("access_token", "not-used-by-oretrace");
    body.put("token_type", "Bearer");
    String idToken = idToken(grant.nonce());
    synchronized (this) {
      issuedIdTokens.add(idToken);
    }
    body.put("id_token", idToken);
    answer(exchange, 200, body);
  }

  /**
   * The end-session endpoint: ends the provider's session of the ID token it is given (one it
   * issued to this client) and sends the browser to the client's post-logout redirect URI.
   */
  private void logout(HttpExchange exchange) throws IOException {
    Map<String, String> query = parse(exchange.getRequestURI().getRawQuery());
    boolean known;
    synchronized (this) {
      logoutRequests.add(query);
      known = issuedIdTokens.contains(query.get("id_token_hint"));
    }
    if (!known || !clientId.equals(query.get("client_id"))) {
      answer(exchange, 400, Json.object().put("error", "invalid_request"));
      return;
    }
    exchange.getResponseHeaders().add("Location", query.get("post_logout_redirect_uri"));
    exchange.sendResponseHeaders(302, -1);
    exchange.close();
  }

  private String idToken(String nonce) {
    Instant now = Instant.now();
    ObjectNode payload = Json.object();
    payload.put("iss", issuer().toString());
    payload.put("sub", subject);
    payload.put("aud", audienceOverride == null ? clientId : audienceOverride);
    payload.put("iat", now.getEpochSecond());
    payload.put("exp", now.getEpochSecond() + lifetimeSeconds);
    payload.put("nonce", nonceOverride == null ? nonce : nonceOverride);
    claims.forEach((name, value) -> payload.set(name, Json.mapper().valueToTree(value)));
    ObjectNode header = Json.object().put("alg", algorithm).put("typ", "JWT");
    header.put("kid", algorithm.equals("ES256") ? "ec-key" : "rsa-key");
    String signingInput = part(header) + "." + part(payload);
    byte[] input = signingInput.getBytes(StandardCharsets.US_ASCII);
    byte[] signature;
    try {
      signature =
          switch (algorithm) {
            case "RS256" ->
                sign(
                    "SHA256withRSA",
                    signWithRogueKey ? rogue.getPrivate() : rsa.getPrivate(),
                    input);
            case "ES256" -> sign("SHA256withECDSAinP1363Format", ec.getPrivate(), input);
            case "HS256" -> {
              // the classic confusion: an HMAC keyed with the public key everyone can read
              Mac mac = Mac.getInstance("HmacSHA256");
              mac.init(new SecretKeySpec(rsa.getPublic().getEncoded(), "HmacSHA256"));
              yield mac.doFinal(input);
            }
            default -> new byte[0];
          };
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
    return signingInput + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(signature);
  }

  private static byte[] sign(String algorithm, PrivateKey key, byte[] input)
      throws GeneralSecurityException {
    Signature signer = Signature.getInstance(algorithm);
    signer.initSign(key);
    signer.update(input);
    return signer.sign();
  }

  private static String part(JsonNode node) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(Json.text(node).getBytes(StandardCharsets.UTF_8));
  }

  /** A big-endian unsigned integer in base64url, left-padded to {@code length} bytes if given. */
  private static String unsigned(BigInteger value, int length) {
    byte[] bytes = value.toByteArray();
    if (bytes.length > 1 && bytes[0] == 0) {
      bytes = java.util.Arrays.copyOfRange(bytes, 1, bytes.length);
    }
    if (length > bytes.length) {
      byte[] padded = new byte[length];
      System.arraycopy(bytes, 0, padded, length - bytes.length, bytes.length);
      bytes = padded;
    }
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  private static byte[] random() {
    byte[] bytes = new byte[16];
    new java.security.SecureRandom().nextBytes(bytes);
    return bytes;
  }

  static Map<String, String> parse(String query) {
    Map<String, String> parameters = new LinkedHashMap<>();
    if (query == null || query.isEmpty()) {
      return parameters;
    }
    for (String pair : query.split("&")) {
      int equals = pair.indexOf('=');
      String name = equals < 0 ? pair : pair.substring(0, equals);
      String value = equals < 0 ? "" : pair.substring(equals + 1);
      parameters.put(
          URLDecoder.decode(name, StandardCharsets.UTF_8),
          URLDecoder.decode(value, StandardCharsets.UTF_8));
    }
    return parameters;
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  private static void answer(HttpExchange exchange, int status, JsonNode body) throws IOException {
    byte[] bytes = Json.text(body).getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length);
    exchange.getResponseBody().write(bytes);
    exchange.close();
  }

  /** Claims for the next login, from names and values in turn. */
  static Map<String, Object> claims(Object... namesAndValues) {
    Map<String, Object> claims = new HashMap<>();
    for (int index = 0; index < namesAndValues.length; index += 2) {
      claims.put((String) namesAndValues[index], namesAndValues[index + 1]);
    }
    return claims;
  }
}
