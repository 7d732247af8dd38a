package org.oretrace.server.epcis;

import static java.util.Objects.requireNonNull;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;

/**
 * Where a webhook may post: a guard against server-side request forgery. A subscriber names the
 * URL, and the server posts to it from inside the operator's network, so by default a destination
 * is refused when its host resolves to any address the public internet cannot reach: the
 * unspecified address, loopback, link-local (169.254.0.0/16 with cloud metadata services,
 * fe80::/10), private (10/8, 172.16/12, 192.168/16, the shared 100.64/10, fc00::/7, fec0::/10),
 * multicast, broadcast and 0.0.0.0/8; IPv4 addresses embedded in IPv6 (mapped, compatible, NAT64
 * 64:ff9b::/96) are judged as the IPv4 address. An operator allows such destinations by host (and
 * port) or by CIDR block ({@link WebhookAllowList}).
 *
 * <p>The check runs when a subscription is made and again before each delivery, since a name may
 * resolve elsewhere later. It answers the addresses it checked, and the delivery connects to those
 * ({@link PinnedWebhookPost}), never to a second lookup of the name: a rebinding DNS that answers a
 * public address to the check and 127.0.0.1 to the connection gets no second question. A host the
 * operator allowed by name is resolved without judging its addresses, and answers none when it does
 * not resolve: {@link SubscriptionEndpoints} then refuses the subscription, while a delivery fails
 * as an unreachable receiver (and is retried), since a name may be missing from the DNS for a
 * while. Deliveries never follow redirects.
 */
final class WebhookDestinations {

  private final WebhookAllowList allowed;

  WebhookDestinations(WebhookAllowList allowed) {
    this.allowed = requireNonNull(allowed, "allowed is null");
  }

  /** Why a destination is refused. */
  static final class Refused extends Exception {

    private static final long serialVersionUID = 1L;

    Refused(String message) {
      super(message);
    }
  }

  /**
   * Resolves the URL's host and checks every address it resolves to.
   *
   * @return the addresses checked, which are the ones a delivery may connect to; none for a host
   *     allowed by name that does not resolve
   * @throws Refused when the host does not resolve or resolves to a restricted address the operator
   *     did not allow
   */
  List<InetAddress> check(URI destination) throws Refused {
    String host = destination.getHost();
    if (host == null) {
      throw new Refused("the URL has no host");
    }
    int port = destination.getPort();
    if (port < 0) {
      port = "https".equalsIgnoreCase(destination.getScheme()) ? 443 : 80;
    }
    String bare = PinnedWebhookPost.bareHost(destination);
    InetAddress[] addresses;
    try {
      addresses = InetAddress.getAllByName(bare);
    } catch (UnknownHostException e) {
      if (allowed.allowsHost(host, port)) {
        // Allowed by name: no address, which the caller judges (a subscription is refused, a
        // delivery fails and is retried like any unreachable one).
        return List.of();
      }
      throw new Refused(host + " does not resolve");
    }
    if (allowed.allowsHost(host, port)) {
      return List.of(addresses);
    }
    for (InetAddress address : addresses) {
      String restriction = restriction(address);
      if (restriction != null && !allowed.allowsAddress(address)) {
        throw new Refused(
            host
                + (bare.equals(address.getHostAddress())
                    ? " is a " + restriction + " address"
                    : " resolves to "
                        + address.getHostAddress()
                        + ", a "
                        + restriction
                        + " address")
                + ", which webhooks may not reach unless the operator allows it (oretrace serve"
                + " --webhook-allow HOST[:PORT] or CIDR)");
      }
    }
    return List.of(addresses);
  }

  /** What kind of restricted address this is ("loopback", "private"...), or null when public. */
  static String restriction(InetAddress address) {
    if (address instanceof Inet6Address) {
      byte[] bytes = address.getAddress();
      byte[] embedded = embeddedIpv4(bytes);
      if (embedded != null) {
        try {
          return restriction(InetAddress.getByAddress(embedded));
        } catch (UnknownHostException e) {
          throw new IllegalStateException("four bytes are an IPv4 address", e);
        }
      }
      if ((bytes[0] & 0xFE) == 0xFC) {
        return "private (unique local)";
      }
    }
    if (address.isAnyLocalAddress()) {
      return "unspecified";
    }
    if (address.isLoopbackAddress()) {
      return "loopback";
    }
    if (address.isLinkLocalAddress()) {
      return "link-local";
    }
    if (address.isSiteLocalAddress()) {
      return "private";
    }
    if (address.isMulticastAddress()) {
      return "multicast";
    }
    if (address instanceof Inet4Address) {
      byte[] bytes = address.getAddress();
      int first = bytes[0] & 0xFF;
      int second = bytes[1] & 0xFF;
      if (first == 0) {
        return "unspecified";
      }
      if (first == 100 && second >= 64 && second < 128) {
        return "private (shared, 100.64.0.0/10)";
      }
      if (first == 255 && second == 255 && (bytes[2] & 0xFF) == 255 && (bytes[3] & 0xFF) == 255) {
        return "broadcast";
      }
    }
    return null;
  }

  /**
   * The IPv4 address an IPv6 address carries (IPv4-compatible {@code ::a.b.c.d} other than {@code
   * ::} and {@code ::1}, IPv4-mapped {@code ::ffff:a.b.c.d}, NAT64 {@code 64:ff9b::a.b.c.d}), or
   * null.
   */
  private static byte[] embeddedIpv4(byte[] bytes) {
    byte[] last = Arrays.copyOfRange(bytes, 12, 16);
    boolean zeroPrefix = true;
    for (int index = 0; index < 10; index++) {
      zeroPrefix &= bytes[index] == 0;
    }
    if (zeroPrefix && bytes[10] == (byte) 0xFF && bytes[11] == (byte) 0xFF) {
      return last;
    }
    if (zeroPrefix
        && bytes[10] == 0
        && bytes[11] == 0
        && !(last[0] == 0 && last[1] == 0 && last[2] == 0 && (last[3] & 0xFF) <= 1)) {
      return last;
    }
    boolean nat64 =
        bytes[0] == 0 && bytes[1] == 0x64 && bytes[2] == (byte) 0xFF && bytes[3] == (byte) 0x9B;
    for (int index = 4; index < 12 && nat64; index++) {
      nat64 = bytes[index] == 0;
    }
    return nat64 ? last : null;
  }
}
