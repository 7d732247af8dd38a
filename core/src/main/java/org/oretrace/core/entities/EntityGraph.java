package org.oretrace.core.entities;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.oretrace.core.entities.CustodyTrades.Sourcing;
import org.oretrace.core.entities.CustodyTrades.Trade;
import org.oretrace.core.registry.Actor;
import org.oretrace.core.registry.ArmedGroupPresence;
import org.oretrace.core.registry.Site;
import org.oretrace.core.screening.Match;
import org.oretrace.core.screening.WatchListEntry;

/**
 * The actor network: actors, the persons and companies behind them, watch-list entries and mine
 * sites held by armed groups, joined by ownership, directorship, payments, family and associate
 * links between persons, shared identifiers (licence or registration number, address, phone),
 * custody trade (who sold to whom, how much), tagging at a site, and screening matches. Every edge
 * says why it exists, in a sentence and figures, so that a path from an exporter to a sanctioned
 * person is its own evidence.
 *
 * <p>Design. The graph is rebuilt whole from its sources when they change (the registry, the
 * parties, the custody totals, the screening hits): it is small (thousands of nodes) next to the
 * custody record, and a rebuild keeps it free of incremental bookkeeping. Edges are directed as the
 * fact reads (owner to owned, seller to buyer, party to the list entry it matches) and walked in
 * both directions. Node ids carry their kind ("actor:ID", "party:ID", "listed:UN:CDi.008",
 * "site:ID"), since actors and parties are named by different registries. Shared values link at
 * most {@value #MAX_SHARED} nodes: a value on more (a post-office box, a registered agent) tells
 * nothing about any pair.
 */
public final class EntityGraph {

  static final int MAX_SHARED = 12;

  /** What a node stands for. */
  public enum NodeKind {
    ACTOR,
    PERSON,
    COMPANY,
    WATCH_LIST_ENTRY,
    ARMED_GROUP_SITE
  }

  /** Why two nodes are joined. */
  public enum EdgeKind {
    OWNERSHIP,
    DIRECTORSHIP,
    PAYMENT,
    FAMILY,
    ASSOCIATE,
    SHARED_LICENCE,
    SHARED_ADDRESS,
    SHARED_PHONE,
    TRADE,
    SOURCING,
    LISTED
  }

  /**
   * A node.
   *
   * @param reference the actor, party or site id, or the entry's "source reference"
   */
  public record Node(String id, NodeKind kind, String reference, String label) {
    public Node {
      requireNonNull(id, "id is null");
      requireNonNull(kind, "kind is null");
      requireNonNull(reference, "reference is null");
      requireNonNull(label, "label is null");
    }
  }

  /**
   * An edge with its reason.
   *
   * @param why the fact in a sentence: "person p-1 "Jean Bosco" owns 60% of actor tr-1 ..."
   * @param figures the numbers of the fact: share, mass, lots, score
   */
  public record Edge(
      String from, String to, EdgeKind kind, String why, Map<String, BigDecimal> figures) {
    public Edge {
      requireNonNull(from, "from is null");
      requireNonNull(to, "to is null");
      requireNonNull(kind, "kind is null");
      requireNonNull(why, "why is null");
      figures = Collections.unmodifiableMap(new TreeMap<>(figures));
    }

    String other(String node) {
      return from.equals(node) ? to : from;
    }
  }

  /** A shortest path from a node to a watch-list entry or an armed-group site, edge by edge. */
  public record Path(List<String> nodeIds, List<Edge> edges) {
    public Path {
      nodeIds = List.copyOf(nodeIds);
      edges = List.copyOf(edges);
      if (nodeIds.size() != edges.size() + 1) {
        throw new IllegalArgumentException("a path has one node more than edges");
      }
    }

    public String target() {
      return nodeIds.get(nodeIds.size() - 1);
    }

    public int hops() {
      return edges.size();
    }

    /** The edges' reasons joined: the path as evidence. */
    public String evidence() {
      return String.join("; ", edges.stream().map(Edge::why).toList());
    }
  }

  /**
   * The neighbourhood of an actor within {@code depth} edges, and the shortest paths from it to
   * every watch-list entry and armed-group site within {@link #MAX_PATH_HOPS}.
   *
   * @param beyond the nodes of those paths further than {@code depth} (a path reaches further than
   *     a shallow neighbourhood), so that a reader can name every node of every path
   */
  public record Network(
      String centre,
      int depth,
      List<Node> nodes,
      List<Edge> edges,
      List<Path> paths,
      List<Node> beyond) {
    public Network {
      requireNonNull(centre, "centre is null");
      nodes = List.copyOf(nodes);
      edges = List.copyOf(edges);
      paths = List.copyOf(paths);
      beyond = List.copyOf(beyond);
    }
  }

  /** How far paths to listed entries and armed-group sites are looked for. */
  public static final int MAX_PATH_HOPS = 4;

  private final Map<String, Node> nodes;
  private final List<Edge> edges;
  private final Map<String, List<Edge>> adjacency = new HashMap<>();
  private final Map<String, Match> matches;

  private EntityGraph(Map<String, Node> nodes, List<Edge> edges, Map<String, Match> matches) {
    this.nodes = nodes;
    this.edges = List.copyOf(edges);
    this.matches = matches;
    for (Edge edge : this.edges) {
      adjacency.computeIfAbsent(edge.from(), key -> new ArrayList<>()).add(edge);
      adjacency.computeIfAbsent(edge.to(), key -> new ArrayList<>()).add(edge);
    }
  }

  public static Builder builder() {
    return new Builder();
  }

  public static String actorNode(String actorId) {
    return "actor:" + actorId;
  }

  public static String partyNode(String partyId) {
    return "party:" + partyId;
  }

  static String entryNode(WatchListEntry entry) {
    return "listed:" + entry.source() + ":" + entry.reference();
  }

  public java.util.Optional<Node> node(String id) {
    return java.util.Optional.ofNullable(nodes.get(id));
  }

  public int nodeCount() {
    return nodes.size();
  }

  public int edgeCount() {
    return edges.size();
  }

  /** The screening match behind a LISTED edge. */
  public Match match(Edge listed) {
    if (listed.kind() != EdgeKind.LISTED) {
      throw new IllegalArgumentException("not a screening edge: " + listed.kind());
    }
    return matches.get(listed.from() + "|" + listed.to());
  }

  /**
   * The nodes and edges within {@code depth} edges of the actor, and its paths to listed entries
   * and armed-group sites.
   *
   * @throws IllegalArgumentException when the actor is not in the graph
   */
  public Network network(String actorId, int depth) {
    String centre = actorNode(actorId);
    if (!nodes.containsKey(centre)) {
      throw new IllegalArgumentException("no actor " + actorId + " in the graph");
    }
    if (depth < 0) {
      throw new IllegalArgumentException("depth must not be negative: " + depth);
    }
    Map<String, Integer> distance = distances(centre, depth);
    Set<Edge> inside = new LinkedHashSet<>();
    for (String node : distance.keySet()) {
      for (Edge edge : adjacency.getOrDefault(node, List.of())) {
        Integer other = distance.get(edge.other(node));
        if (other != null && Math.min(other, distance.get(node)) < depth) {
          inside.add(edge);
        }
      }
    }
    List<Node> within = distance.keySet().stream().map(nodes::get).toList();
    List<Path> paths = paths(centre, MAX_PATH_HOPS);
    List<Node> beyond =
        paths.stream()
            .flatMap(path -> path.nodeIds().stream())
            .distinct()
            .filter(id -> !distance.containsKey(id))
            .map(nodes::get)
            .toList();
    return new Network(centre, depth, within, new ArrayList<>(inside), paths, beyond);
  }

  /**
   * Shortest paths (fewest edges, at most {@code maxHops}) from a node to every watch-list entry
   * and armed-group site it reaches, nearest first. Paths do not pass through an entry or a site:
   * two parties that match one entry are not thereby linked.
   */
  public List<Path> paths(String from, int maxHops) {
    Map<String, Edge> reachedBy = new HashMap<>();
    Map<String, Integer> distance = new LinkedHashMap<>();
    distance.put(from, 0);
    ArrayDeque<String> queue = new ArrayDeque<>();
    queue.add(from);
    List<String> targets = new ArrayList<>();
    while (!queue.isEmpty()) {
      String node = queue.poll();
      int hops = distance.get(node);
      if (!node.equals(from) && isTarget(node)) {
        targets.add(node);
        continue;
      }
      if (hops == maxHops) {
        continue;
      }
      for (Edge edge : adjacency.getOrDefault(node, List.of())) {
        String next = edge.other(node);
        if (!distance.containsKey(next)) {
          distance.put(next, hops + 1);
          reachedBy.put(next, edge);
          queue.add(next);
        }
      }
    }
    List<Path> paths = new ArrayList<>();
    for (String target : targets) {
      List<String> nodeIds = new ArrayList<>();
      List<Edge> pathEdges = new ArrayList<>();
      String node = target;
      nodeIds.add(node);
      while (!node.equals(from)) {
        Edge edge = reachedBy.get(node);
        pathEdges.add(edge);
        node = edge.other(node);
        nodeIds.add(node);
      }
      Collections.reverse(nodeIds);
      Collections.reverse(pathEdges);
      paths.add(new Path(nodeIds, pathEdges));
    }
    return paths;
  }

  private boolean isTarget(String node) {
    NodeKind kind = nodes.get(node).kind();
    return kind == NodeKind.WATCH_LIST_ENTRY || kind == NodeKind.ARMED_GROUP_SITE;
  }

  private Map<String, Integer> distances(String from, int depth) {
    Map<String, Integer> distance = new LinkedHashMap<>();
    distance.put(from, 0);
    ArrayDeque<String> queue = new ArrayDeque<>();
    queue.add(from);
    while (!queue.isEmpty()) {
      String node = queue.poll();
      int hops = distance.get(node);
      if (hops == depth || (!node.equals(from) && isTarget(node))) {
        continue; // entries and sites are leaves: two parties matching one entry stay apart
      }
      for (Edge edge : adjacency.getOrDefault(node, List.of())) {
        String next = edge.other(node);
        if (!distance.containsKey(next)) {
          distance.put(next, hops + 1);
          queue.add(next);
        }
      }
    }
    return distance;
  }

  /** Collects the sources of a graph; {@link #build()} joins them. */
  public static final class Builder {
    private final Map<String, Node> nodes = new LinkedHashMap<>();
    private final List<Edge> edges = new ArrayList<>();
    private final Map<String, Match> matches = new HashMap<>();
    private final Map<String, Set<String>> licences = new TreeMap<>();
    private final Map<String, Set<String>> addresses = new TreeMap<>();
    private final Map<String, Set<String>> phones = new TreeMap<>();
    private final List<Relation> relations = new ArrayList<>();
    private final List<Trade> trades = new ArrayList<>();
    private final List<Sourcing> sourcing = new ArrayList<>();
    private final Map<String, Site> armedGroupSites = new HashMap<>();

    private Builder() {}

    public Builder actor(Actor actor) {
      String id = actorNode(actor.id());
      nodes.put(id, new Node(id, NodeKind.ACTOR, actor.id(), actor.name()));
      actor
          .optionalLicence()
          .ifPresent(licence -> shared(licences, identifier(licence.number()), id));
      return this;
    }

    public Builder party(Party party) {
      String id = partyNode(party.id());
      NodeKind kind = party.kind() == PartyKind.PERSON ? NodeKind.PERSON : NodeKind.COMPANY;
      nodes.put(id, new Node(id, kind, party.id(), party.name()));
      party.registrationNumbers().forEach(number -> shared(licences, identifier(number), id));
      party.addresses().forEach(address -> shared(addresses, address(address), id));
      party.phones().forEach(phone -> shared(phones, phone(phone), id));
      return this;
    }

    /** A site joins the graph only if armed groups are present there. */
    public Builder site(Site site) {
      if (site.armedGroupPresence() != ArmedGroupPresence.NONE) {
        armedGroupSites.put(site.id(), site);
      }
      return this;
    }

    public Builder relation(Relation relation) {
      relations.add(requireNonNull(relation, "relation is null"));
      return this;
    }

    public Builder trade(Trade trade) {
      trades.add(requireNonNull(trade, "trade is null"));
      return this;
    }

    public Builder sourcing(Sourcing each) {
      sourcing.add(requireNonNull(each, "sourcing is null"));
      return this;
    }

    /**
     * A screening match of an actor's or a party's name, added before {@link #build()}.
     *
     * @param nodeId the node screened ({@link #actorNode}, {@link #partyNode})
     */
    public Builder match(String nodeId, Match match) {
      Node screened = requireNonNull(nodes.get(nodeId), "no node " + nodeId);
      WatchListEntry entry = match.entry();
      String id = entryNode(entry);
      nodes.putIfAbsent(
          id,
          new Node(
              id,
              NodeKind.WATCH_LIST_ENTRY,
              entry.source() + " " + entry.reference(),
              entry.primaryName()));
      String programmes =
          entry.programmes().isEmpty() ? "" : " (" + String.join(", ", entry.programmes()) + ")";
      edges.add(
          new Edge(
              nodeId,
              id,
              EdgeKind.LISTED,
              describe(screened)
                  + " matches "
                  + entry.source()
                  + " entry "
                  + entry.reference()
                  + " \""
                  + match.matchedName()
                  + "\""
                  + programmes
                  + ": "
                  + match.explanation(),
              Map.of("score", rounded(match.score()))));
      matches.put(nodeId + "|" + id, match);
      return this;
    }

    public EntityGraph build() {
      List<Edge> all = new ArrayList<>(edges);
      for (Relation relation : relations) {
        Node party = party(relation);
        Node subject = subject(relation.subjectId());
        if (party == null || subject == null) {
          continue; // a relation to something not registered (yet) joins nothing
        }
        Map<String, BigDecimal> figures = new TreeMap<>();
        if (relation.sharePercent() != null) {
          figures.put("sharePercent", relation.sharePercent());
        }
        if (relation.amount() != null) {
          figures.put("amount", relation.amount());
        }
        String purpose =
            relation.kind() == RelationKind.PAYMENT && relation.role() != null
                ? " for " + relation.role()
                : "";
        String period =
            (relation.since() == null ? "" : " since " + relation.since())
                + (relation.until() == null ? "" : " until " + relation.until());
        all.add(
            new Edge(
                party.id(),
                subject.id(),
                edgeKind(relation.kind()),
                describe(party)
                    + " "
                    + relation.describe()
                    + " "
                    + describe(subject)
                    + purpose
                    + period,
                figures));
      }
      link(all, licences, EdgeKind.SHARED_LICENCE, "licence or registration number");
      link(all, addresses, EdgeKind.SHARED_ADDRESS, "address");
      link(all, phones, EdgeKind.SHARED_PHONE, "phone number");
      for (Trade trade : trades) {
        Node seller = nodes.get(actorNode(trade.sellerId()));
        Node buyer = nodes.get(actorNode(trade.buyerId()));
        if (seller != null && buyer != null) {
          all.add(
              new Edge(
                  seller.id(),
                  buyer.id(),
                  EdgeKind.TRADE,
                  String.format(
                      Locale.ROOT,
                      "%s sold %s to %s in %d lots",
                      describe(seller),
                      kilograms(trade.massGrams()),
                      describe(buyer),
                      trade.lots()),
                  Map.of(
                      "massGrams", BigDecimal.valueOf(trade.massGrams()),
                      "lots", BigDecimal.valueOf(trade.lots()))));
        }
      }
      for (Sourcing each : sourcing) {
        Node actor = nodes.get(actorNode(each.actorId()));
        Site site = armedGroupSites.get(each.siteId());
        if (actor != null && site != null) {
          String id = "site:" + site.id();
          nodes.putIfAbsent(id, new Node(id, NodeKind.ARMED_GROUP_SITE, site.id(), site.name()));
          all.add(
              new Edge(
                  actor.id(),
                  id,
                  EdgeKind.SOURCING,
                  String.format(
                      Locale.ROOT,
                      "%s tagged %s in %d lots at site %s \"%s\", where armed groups are %s",
                      describe(actor),
                      kilograms(each.massGrams()),
                      each.lots(),
                      site.id(),
                      site.name(),
                      site.armedGroupPresence() == ArmedGroupPresence.CONTROLLED
                          ? "in control"
                          : "present"),
                  Map.of(
                      "massGrams", BigDecimal.valueOf(each.massGrams()),
                      "lots", BigDecimal.valueOf(each.lots()))));
        }
      }
      return new EntityGraph(new LinkedHashMap<>(nodes), all, new HashMap<>(matches));
    }

    /**
     * The party end of a relation; a payer may also be an actor. Family and associate links join
     * persons only.
     */
    private Node party(Relation relation) {
      Node party = nodes.get(partyNode(relation.partyId()));
      if (relation.kind() == RelationKind.PAYMENT && party == null) {
        return nodes.get(actorNode(relation.partyId()));
      }
      if (relation.kind().betweenPersons()) {
        Node relative = nodes.get(partyNode(relation.subjectId()));
        boolean persons =
            party != null
                && party.kind() == NodeKind.PERSON
                && relative != null
                && relative.kind() == NodeKind.PERSON;
        return persons ? party : null;
      }
      return party;
    }

    private static EdgeKind edgeKind(RelationKind kind) {
      return switch (kind) {
        case OWNERSHIP -> EdgeKind.OWNERSHIP;
        case DIRECTORSHIP -> EdgeKind.DIRECTORSHIP;
        case PAYMENT -> EdgeKind.PAYMENT;
        case FAMILY -> EdgeKind.FAMILY;
        case ASSOCIATE -> EdgeKind.ASSOCIATE;
      };
    }

    /** An actor id, else a party id (a company owned or directed, a payee, a relative). */
    private Node subject(String id) {
      Node actor = nodes.get(actorNode(id));
      return actor != null ? actor : nodes.get(partyNode(id));
    }

    private void link(List<Edge> all, Map<String, Set<String>> values, EdgeKind kind, String what) {
      values.forEach(
          (value, holders) -> {
            if (holders.size() < 2 || holders.size() > MAX_SHARED) {
              return;
            }
            List<String> ids = new ArrayList<>(holders);
            for (int first = 0; first < ids.size(); first++) {
              for (int second = first + 1; second < ids.size(); second++) {
                Node one = nodes.get(ids.get(first));
                Node two = nodes.get(ids.get(second));
                all.add(
                    new Edge(
                        one.id(),
                        two.id(),
                        kind,
                        describe(one)
                            + " and "
                            + describe(two)
                            + " share the "
                            + what
                            + " "
                            + value,
                        Map.of()));
              }
            }
          });
    }

    private static void shared(Map<String, Set<String>> values, String value, String nodeId) {
      if (!value.isEmpty()) {
        values.computeIfAbsent(value, key -> new LinkedHashSet<>()).add(nodeId);
      }
    }
  }

  /** "actor tr-1 "Kivu Minerals"", "person p-1 "Jean Bosco"". */
  static String describe(Node node) {
    return node.kind().name().toLowerCase(Locale.ROOT).replace('_', ' ')
        + " "
        + node.reference()
        + " \""
        + node.label()
        + "\"";
  }

  /** Licence and registration numbers compare without spaces, dashes or case. */
  static String identifier(String number) {
    return number.toUpperCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]", "");
  }

  /** Addresses compare by their letters and digits, lower-cased, single-spaced. */
  static String address(String address) {
    return address.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
  }

  /** Phone numbers compare by their last nine digits (the subscriber number without prefixes). */
  static String phone(String phone) {
    String digits = phone.replaceAll("[^0-9]", "");
    return digits.length() < 7 ? "" : digits.substring(Math.max(0, digits.length() - 9));
  }

  private static String kilograms(long grams) {
    return BigDecimal.valueOf(grams, 3).stripTrailingZeros().toPlainString() + " kg";
  }

  private static BigDecimal rounded(double value) {
    return BigDecimal.valueOf(value).setScale(3, java.math.RoundingMode.HALF_UP);
  }
}
