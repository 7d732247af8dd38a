package org.oretrace.server.epcis;

import static java.util.Objects.requireNonNull;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The webhook destinations an operator allows although they resolve to an address a webhook may not
 * reach by default (loopback, link-local, private, multicast: see {@link WebhookDestinations}).
 * Each entry is a host with an optional port ({@code hooks.internal}, {@code 127.0.0.1:9000},
 * {@code [::1]:9000}), matched against the destination URL's host (case-insensitive, as written)
 * and port (80 or 443 when the URL gives none); or a CIDR block ({@code 10.20.0.0/16}, {@code
 * fd00::/8}), matched against every address the host resolves to. Empty by default: nothing
 * restricted is allowed. Given on the command line as {@code oretrace serve --webhook-allow
 * HOST[:PORT],CIDR,...}.
 */
public final class WebhookAllowList {

  private static final WebhookAllowList NONE = new WebhookAllowList(List.of(), List.of());

  private final List<HostEntry> hosts;
  private final List<Block> blocks;

  private WebhookAllowList(List<HostEntry> hosts, List<Block> blocks) {
    this.hosts = List.copyOf(hosts);
    this.blocks = List.copyOf(blocks);
  }

  /** Allows nothing restricted. */
  public static WebhookAllowList none() {
    return NONE;
  }

  /**
   * The entries, each {@code HOST}, {@code HOST:PORT}, {@code [IPV6]:PORT} or a CIDR block.
   *
   * @throws IllegalArgumentException naming the first entry that is none of these
   */
  public static WebhookAllowList of(List<String> entries) {
    requireNonNull(entries, "entries is null");
    List<HostEntry> hosts = new ArrayList<>();
    List<Block> blocks = new ArrayList<>();
    for (String raw : entries) {
      String entry = requireNonNull(raw, "entry is null").strip();
      if (entry.isEmpty()) {
        continue;
      }
      if (entry.contains("/")) {
        blocks.add(Block.parse(entry));
      } else {
        hosts.add(HostEntry.parse(entry));
      }
    }
    return hosts.isEmpty() && blocks.isEmpty() ? NONE : new WebhookAllowList(hosts, blocks);
  }

  /** The entries of a comma-separated text, as {@link #of(List)} reads them. */
  public static WebhookAllowList parse(String commaSeparated) {
    return of(List.of(requireNonNull(commaSeparated, "commaSeparated is null").split(",", -1)));
  }

  public boolean isEmpty() {
    return hosts.isEmpty() && blocks.isEmpty();
  }

  /** Whether an entry names this host (as the URL writes it) on this port. */
  boolean allowsHost(String host, int port) {
    String normalised = HostEntry.normalise(host);
    for (HostEntry entry : hosts) {
      if (entry.host().equals(normalised) && (entry.port() < 0 || entry.port() == port)) {
        return true;
      }
    }
    return false;
  }

  /** Whether a CIDR entry holds this address. */
  boolean allowsAddress(InetAddress address) {
    byte[] bytes = address.getAddress();
    for (Block block : blocks) {
      if (block.contains(bytes)) {
        return true;
      }
    }
    return false;
  }

  @Override
  public String toString() {
    List<String> shown = new ArrayList<>();
    hosts.forEach(entry -> shown.add(entry.toString()));
    blocks.forEach(block -> shown.add(block.toString()));
    return shown.isEmpty() ? "none" : String.join(",", shown);
  }

  /** A host name or address literal (lower case, without IPv6 brackets) and a port, or -1. */
  private record HostEntry(String host, int port) {

    static HostEntry parse(String entry) {
      String host = entry;
      int port = -1;
      int colon = entry.lastIndexOf(':');
      boolean bracketed = entry.startsWith("[");
      if (bracketed) {
        int close = entry.indexOf(']');
        if (close < 0) {
          throw invalid(entry, "an IPv6 address in brackets needs its closing ]");
        }
        host = entry.substring(0, close + 1);
        String rest = entry.substring(close + 1);
        if (!rest.isEmpty()) {
          if (!rest.startsWith(":")) {
            throw invalid(entry, "write [IPV6]:PORT");
          }
          port = port(entry, rest.substring(1));
        }
      } else if (colon >= 0) {
        if (entry.indexOf(':') != colon) {
          throw invalid(entry, "write an IPv6 address in brackets, [::1]:9000, or as a CIDR block");
        }
        host = entry.substring(0, colon);
        port = port(entry, entry.substring(colon + 1));
      }
      String normalised = normalise(host);
      if (normalised.isEmpty()
          || !normalised
              .chars()
              .allMatch(c -> Character.isLetterOrDigit(c) || ".-_:".indexOf(c) >= 0)) {
        throw invalid(entry, "is not a host name or address");
      }
      return new HostEntry(normalised, port);
    }

    static String normalise(String host) {
      String bare =
          host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
      return bare.toLowerCase(Locale.ROOT);
    }

    private static int port(String entry, String text) {
      try {
        int port = Integer.parseInt(text);
        if (port >= 1 && port <= 65_535) {
          return port;
        }
      } catch (NumberFormatException e) {
        // refused below
      }
      throw invalid(entry, "the port must be 1 to 65535");
    }

    @Override
    public String toString() {
      String shown = host.contains(":") ? "[" + host + "]" : host;
      return port < 0 ? shown : shown + ":" + port;
    }
  }

  /** A CIDR block: the network's address bytes and the prefix length in bits. */
  private record Block(byte[] network, int prefixLength, String text) {

    static Block parse(String entry) {
      int slash = entry.indexOf('/');
      String address = entry.substring(0, slash);
      // Only literals: a CIDR block names addresses, and parsing must not look a name up.
      boolean literal =
          address.matches("\\d{1,3}(\\.\\d{1,3}){3}")
              || (address.contains(":")
                  && address
                      .chars()
                      .allMatch(c -> Character.digit(c, 16) >= 0 || c == '.' || c == ':'));
      if (!literal) {
        throw invalid(entry, "a CIDR block is an IP address, / and a prefix length");
      }
      byte[] network;
      try {
        network = InetAddress.getByName(address).getAddress();
      } catch (UnknownHostException e) {
        throw invalid(entry, "is not an IP address");
      }
      int prefixLength;
      try {
        prefixLength = Integer.parseInt(entry.substring(slash + 1));
      } catch (NumberFormatException e) {
        prefixLength = -1;
      }
      if (prefixLength < 0 || prefixLength > network.length * 8) {
        throw invalid(entry, "the prefix length must be 0 to " + network.length * 8);
      }
      return new Block(network, prefixLength, entry);
    }

    boolean contains(byte[] address) {
      if (address.length != network.length) {
        return false;
      }
      int whole = prefixLength / 8;
      for (int index = 0; index < whole; index++) {
        if (address[index] != network[index]) {
          return false;
        }
      }
      int rest = prefixLength % 8;
      if (rest == 0) {
        return true;
      }
      int mask = (0xFF << (8 - rest)) & 0xFF;
      return (address[whole] & mask) == (network[whole] & mask);
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof Block block && block.text.equals(text);
    }

    @Override
    public int hashCode() {
      return text.hashCode();
    }

    @Override
    public String toString() {
      return text;
    }
  }

  private static IllegalArgumentException invalid(String entry, String message) {
    return new IllegalArgumentException("webhook allow-list entry '" + entry + "': " + message);
  }
}
