package org.oretrace.server.epcis;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.net.spi.InetAddressResolver;
import java.net.spi.InetAddressResolverProvider;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * The JVM's name resolver in the server's tests (registered in META-INF/services): names ending in
 * {@code .rebind.test} answer as a rebinding DNS server would, a scripted address for each lookup
 * in turn (the last one for every later lookup), counting the lookups; every other name goes to the
 * JDK's own resolver. The server tests run with the JVM's address cache off ({@code
 * -Dsun.net.inetaddr.ttl=0} in server/pom.xml), so each lookup reaches this resolver, as each
 * lookup of a real zero-TTL name would once the JVM's cache entry expired.
 */
public final class RebindingResolver extends InetAddressResolverProvider {

  static final String SUFFIX = ".rebind.test";

  private static final Map<String, Script> SCRIPTS = new ConcurrentHashMap<>();

  /** The answers of one name, one per lookup, and how many lookups there were. */
  private record Script(List<InetAddress> answers, AtomicInteger lookups) {
    InetAddress next() {
      int lookup = lookups.getAndIncrement();
      return answers.get(Math.min(lookup, answers.size() - 1));
    }
  }

  /** From now on, lookup number i of the name answers address i (the last one after that). */
  static void script(String name, InetAddress... answers) {
    if (!name.endsWith(SUFFIX) || answers.length == 0) {
      throw new IllegalArgumentException("a name ending in " + SUFFIX + " and answers");
    }
    SCRIPTS.put(name, new Script(List.of(answers), new AtomicInteger()));
  }

  /** From now on, the name does not resolve. */
  static void unscript(String name) {
    SCRIPTS.remove(name);
  }

  /** How many times the name was looked up since it was scripted. */
  static int lookups(String name) {
    Script script = SCRIPTS.get(name);
    return script == null ? 0 : script.lookups().get();
  }

  @Override
  public InetAddressResolver get(Configuration configuration) {
    InetAddressResolver builtin = configuration.builtinResolver();
    return new InetAddressResolver() {
      @Override
      public Stream<InetAddress> lookupByName(String host, LookupPolicy lookupPolicy)
          throws UnknownHostException {
        if (!host.endsWith(SUFFIX)) {
          return builtin.lookupByName(host, lookupPolicy);
        }
        Script script = SCRIPTS.get(host);
        if (script == null) {
          throw new UnknownHostException(host);
        }
        return Stream.of(script.next());
      }

      @Override
      public String lookupByAddress(byte[] address) throws UnknownHostException {
        return builtin.lookupByAddress(address);
      }
    };
  }

  @Override
  public String name() {
    return "oretrace test rebinding resolver";
  }
}
