package org.oretrace.core.screening;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Makes the names a screener must catch and the names it must let pass, for the benchmark.
 *
 * <p>A variant takes a listed name and applies one to three of the changes that real screening
 * inputs show: writing it in Cyrillic or Greek, adding or dropping diacritics, respelling it as
 * another transliteration would (ou/u, y/i, ph/f, kh/h, doubled letters), reordering its words
 * (persons only: companies keep their word order, and their legal form stays in Latin letters), a
 * typing error (a letter replaced, dropped, doubled or two swapped), a dropped middle name, a given
 * name reduced to its initial, a title or rank in front ("Colonel", "Gen.", "Dr"), another legal
 * form for a company ("Ltd", "S.A.", "SARL"). Aircraft registration marks are not misspelt or
 * respelt: a mark with one character changed is another aircraft.
 *
 * <p>A decoy is a name that should not match: given names and surnames of many regions combined at
 * random, company names made of trade words, and near misses that keep a listed name's first word
 * and replace the rest. A decoy all of whose words occur in one listed name is discarded, since it
 * is the listed person with names dropped, not a different one.
 */
final class VariantGenerator {

  private static final String[] GIVEN_NAMES = {
    "john",
    "mary",
    "peter",
    "anna",
    "jean",
    "marie",
    "pierre",
    "claude",
    "joseph",
    "esther",
    "emmanuel",
    "grace",
    "patrick",
    "alice",
    "samuel",
    "ruth",
    "daniel",
    "sarah",
    "thomas",
    "paul",
    "lucie",
    "olivier",
    "chantal",
    "innocent",
    "divine",
    "faustin",
    "jeanne",
    "aline",
    "kofi",
    "ama",
    "kwame",
    "abena",
    "chinedu",
    "ngozi",
    "tendai",
    "thandiwe",
    "wanjiru",
    "baraka",
    "neema",
    "zawadi",
    "amani",
    "furaha",
    "bahati",
    "lars",
    "ingrid",
    "hans",
    "greta",
    "giulia",
    "marco",
    "luca",
    "sofia",
    "carmen",
    "diego",
    "lucia",
    "mateo",
    "camila",
    "pedro",
    "tomasz",
    "agnieszka",
    "pavel",
    "olga",
    "mei",
    "hiroshi",
    "yuki",
    "priya",
    "arjun",
    "ravi",
    "ananya",
    "minh",
    "linh",
    "somchai",
    "siti",
    "budi",
    "dewi",
    "emeka",
    "bola",
    "femi"
  };

  private static final String[] SURNAMES = {
    "smith",
    "johnson",
    "dupont",
    "martin",
    "bernard",
    "lefebvre",
    "moreau",
    "mukamana",
    "uwimana",
    "habimana",
    "niyonzima",
    "mugisha",
    "kabila",
    "tshisekedi",
    "mbuyi",
    "kasongo",
    "ilunga",
    "mutombo",
    "okonkwo",
    "adeyemi",
    "mensah",
    "boateng",
    "owusu",
    "mwangi",
    "otieno",
    "kamau",
    "achieng",
    "moyo",
    "ncube",
    "dube",
    "banda",
    "phiri",
    "mwale",
    "larsen",
    "nilsen",
    "schneider",
    "fischer",
    "weber",
    "rossi",
    "bianchi",
    "garcia",
    "fernandez",
    "lopez",
    "silva",
    "santos",
    "pereira",
    "kowalski",
    "nowak",
    "novak",
    "horvat",
    "tanaka",
    "suzuki",
    "watanabe",
    "sharma",
    "patel",
    "gupta",
    "nguyen",
    "tran",
    "pham",
    "wong",
    "chen",
    "lindqvist",
    "okafor",
    "eze",
    "abubakar",
    "balogun",
    "mahlangu",
    "zulu",
    "kariuki",
    "wekesa",
    "nakamura",
    "ferreira"
  };

  private static final String[] TRADE_WORDS = {
    "global",
    "mining",
    "minerals",
    "metals",
    "trading",
    "export",
    "logistics",
    "resources",
    "capital",
    "industrial",
    "solutions",
    "services",
    "lakes",
    "great",
    "highland",
    "valley",
    "star",
    "horizon",
    "atlas",
    "pioneer",
    "united",
    "ocean",
    "sunrise",
    "golden",
    "bridge",
    "eastern",
    "western",
    "northern",
    "southern",
    "royal",
    "prime",
    "delta",
    "summit",
    "green"
  };

  private static final String[] TITLES = {
    "Colonel", "Gen.", "Dr", "Mr", "Sheikh", "Major", "Lt.", "Mme", "Brigadier", "Prof."
  };

  private static final String[] LEGAL_FORMS = {"Ltd", "S.A.", "SARL", "SPRL", "Co.", "LLC", "GmbH"};

  private static final String[][] RESPELLINGS = {
    {"ou", "u"}, {"u", "ou"}, {"y", "i"}, {"i", "y"}, {"ph", "f"}, {"f", "ph"}, {"kh", "h"},
    {"sh", "ch"}, {"mm", "m"}, {"ss", "s"}, {"ck", "k"}, {"c", "k"}, {"k", "c"}, {"ee", "i"},
    {"j", "dj"}, {"dj", "j"}, {"w", "v"}, {"v", "w"}, {"ie", "i"}, {"e", "a"}, {"a", "e"}
  };

  private static final Map<String, String> CYRILLIC =
      Map.ofEntries(
          Map.entry("shch", "щ"),
          Map.entry("sh", "ш"),
          Map.entry("ch", "ч"),
          Map.entry("zh", "ж"),
          Map.entry("kh", "х"),
          Map.entry("ts", "ц"),
          Map.entry("ya", "я"),
          Map.entry("yu", "ю"),
          Map.entry("a", "а"),
          Map.entry("b", "б"),
          Map.entry("v", "в"),
          Map.entry("g", "г"),
          Map.entry("d", "д"),
          Map.entry("e", "е"),
          Map.entry("z", "з"),
          Map.entry("i", "и"),
          Map.entry("y", "й"),
          Map.entry("k", "к"),
          Map.entry("l", "л"),
          Map.entry("m", "м"),
          Map.entry("n", "н"),
          Map.entry("o", "о"),
          Map.entry("p", "п"),
          Map.entry("r", "р"),
          Map.entry("s", "с"),
          Map.entry("t", "т"),
          Map.entry("u", "у"),
          Map.entry("f", "ф"),
          Map.entry("h", "х"),
          Map.entry("c", "к"),
          Map.entry("j", "дж"),
          Map.entry("w", "в"),
          Map.entry("x", "кс"),
          Map.entry("q", "к"));

  private static final Map<String, String> GREEK =
      Map.ofEntries(
          Map.entry("th", "θ"),
          Map.entry("ou", "ου"),
          Map.entry("ch", "χ"),
          Map.entry("ps", "ψ"),
          Map.entry("kh", "χ"),
          Map.entry("a", "α"),
          Map.entry("b", "β"),
          Map.entry("v", "β"),
          Map.entry("g", "γ"),
          Map.entry("d", "δ"),
          Map.entry("e", "ε"),
          Map.entry("z", "ζ"),
          Map.entry("i", "ι"),
          Map.entry("k", "κ"),
          Map.entry("c", "κ"),
          Map.entry("l", "λ"),
          Map.entry("m", "μ"),
          Map.entry("n", "ν"),
          Map.entry("x", "ξ"),
          Map.entry("o", "ο"),
          Map.entry("p", "π"),
          Map.entry("r", "ρ"),
          Map.entry("s", "σ"),
          Map.entry("t", "τ"),
          Map.entry("y", "υ"),
          Map.entry("f", "φ"),
          Map.entry("h", ""),
          Map.entry("u", "ου"),
          Map.entry("j", "τζ"),
          Map.entry("w", "ου"),
          Map.entry("q", "κ"));

  private static final int CHANGES = 8;

  private final SplittableRandom random;

  VariantGenerator(long seed) {
    this.random = new SplittableRandom(seed);
  }

  /** A name made from a listed one, with the changes that made it (for the benchmark's table). */
  record Variant(String name, List<String> changes) {
    Variant {
      changes = List.copyOf(changes);
    }
  }

  /** A name that should match nothing, with the kind of decoy it is. */
  record Decoy(String name, String kind) {}

  /** The changes a variant can go through, in the order they are applied. */
  static final List<String> CHANGE_NAMES =
      List.of(
          "dropped middle name",
          "initial",
          "reordered",
          "typo",
          "respelt",
          "diacritics",
          "Cyrillic",
          "Greek",
          "title or legal form");

  /** The decoy kinds. */
  static final List<String> DECOY_KINDS = List.of("near miss", "person", "organisation");

  /**
   * A variant of the name: one to three distinct changes, applied in the order a name goes through
   * them in life (words dropped or shortened, then misspelt, then written in another script, then
   * given a title).
   */
  String variant(String name, EntityType type) {
    return describedVariant(name, type).name();
  }

  /** As {@link #variant}, with the changes that took effect. */
  Variant describedVariant(String name, EntityType type) {
    boolean[] chosen = new boolean[CHANGES];
    int changes = 1 + random.nextInt(3);
    for (int change = 0; change < changes; change++) {
      chosen[random.nextInt(CHANGES)] = true;
    }
    List<String> applied = new ArrayList<>(3);
    List<String> words = new ArrayList<>(Arrays.asList(name.strip().split("\\s+")));
    if (chosen[0] && type == EntityType.PERSON && words.size() >= 3) {
      words.remove(1 + random.nextInt(words.size() - 2));
      applied.add(CHANGE_NAMES.get(0));
    }
    if (chosen[1] && type == EntityType.PERSON && words.size() >= 3 && words.get(0).length() > 1) {
      words.set(0, words.get(0).charAt(0) + ".");
      applied.add(CHANGE_NAMES.get(1));
    }
    if (chosen[2] && type == EntityType.PERSON && words.size() > 1) {
      words.add(words.remove(0));
      applied.add(CHANGE_NAMES.get(2));
    }
    String variant = String.join(" ", words);
    // An aircraft's registration mark ("EP-MNE") is an identifier, not a name: one character
    // changed is another aircraft, which a screener must not report, so marks are not misspelt.
    boolean mark = type == EntityType.AIRCRAFT;
    if (chosen[3] && !mark) {
      String typed = typo(words);
      if (!typed.equals(variant)) {
        applied.add(CHANGE_NAMES.get(3));
      }
      variant = typed;
    }
    if (chosen[4] && !mark) {
      String respelt = respell(variant);
      if (!respelt.equalsIgnoreCase(variant)) {
        applied.add(CHANGE_NAMES.get(4));
      }
      variant = respelt;
    }
    if (chosen[5]) {
      String changed = diacritics(variant);
      if (!changed.equals(variant)) {
        applied.add(CHANGE_NAMES.get(5));
      }
      variant = changed;
    }
    if (chosen[6] && type == EntityType.PERSON) {
      boolean cyrillic = random.nextBoolean();
      variant = script(variant, cyrillic ? CYRILLIC : GREEK);
      applied.add(CHANGE_NAMES.get(cyrillic ? 6 : 7));
    }
    if (chosen[7]) {
      variant =
          type == EntityType.PERSON
              ? TITLES[random.nextInt(TITLES.length)] + " " + variant
              : variant + " " + LEGAL_FORMS[random.nextInt(LEGAL_FORMS.length)];
      applied.add(CHANGE_NAMES.get(8));
    }
    return variant.isBlank() ? new Variant(name, List.of()) : new Variant(variant, applied);
  }

  private String typo(List<String> words) {
    List<Integer> longWords = new ArrayList<>();
    for (int i = 0; i < words.size(); i++) {
      if (words.get(i).length() >= 5) {
        longWords.add(i);
      }
    }
    if (longWords.isEmpty()) {
      return String.join(" ", words);
    }
    int which = longWords.get(random.nextInt(longWords.size()));
    StringBuilder word = new StringBuilder(words.get(which));
    int position = 1 + random.nextInt(word.length() - 2);
    switch (random.nextInt(4)) {
      case 0 -> word.setCharAt(position, (char) ('a' + random.nextInt(26)));
      case 1 -> word.deleteCharAt(position);
      case 2 -> word.insert(position, word.charAt(position));
      default -> {
        char held = word.charAt(position);
        word.setCharAt(position, word.charAt(position + 1));
        word.setCharAt(position + 1, held);
      }
    }
    words.set(which, word.toString());
    return String.join(" ", words);
  }

  private String respell(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    for (int attempt = 0; attempt < 6; attempt++) {
      String[] rule = RESPELLINGS[random.nextInt(RESPELLINGS.length)];
      int at = lower.indexOf(rule[0], 1);
      if (at > 0) {
        return lower.substring(0, at) + rule[1] + lower.substring(at + rule[0].length());
      }
    }
    return name;
  }

  private String diacritics(String name) {
    String decomposed = Normalizer.normalize(name, Normalizer.Form.NFD);
    if (!decomposed.equals(name) || decomposed.length() != name.length()) {
      return decomposed.replaceAll("\\p{M}", "");
    }
    StringBuilder accented = new StringBuilder(name.length() + 4);
    for (int i = 0; i < name.length(); i++) {
      char character = name.charAt(i);
      accented.append(character);
      if ("aeiouAEIOUcnCN".indexOf(character) >= 0 && random.nextInt(3) == 0) {
        accented.append(
            character == 'c' || character == 'C'
                ? '\u0327'
                : "\u0301\u0303\u0308".charAt(random.nextInt(3)));
      }
    }
    return Normalizer.normalize(accented, Normalizer.Form.NFC);
  }

  static String script(String name, Map<String, String> table) {
    String lower =
        Normalizer.normalize(name.toLowerCase(Locale.ROOT), Normalizer.Form.NFD)
            .replaceAll("\\p{M}", "");
    StringBuilder written = new StringBuilder(lower.length());
    int i = 0;
    while (i < lower.length()) {
      String mapped = null;
      int used = 1;
      for (int length = 4; length >= 1 && mapped == null; length--) {
        if (i + length <= lower.length()) {
          mapped = table.get(lower.substring(i, i + length));
          used = length;
        }
      }
      if (mapped == null) {
        written.append(lower.charAt(i));
        i++;
      } else {
        written.append(mapped);
        i += used;
      }
    }
    return written.toString();
  }

  /** A name that should match nothing. */
  String decoy(EntityType type, String nearMissOf) {
    return describedDecoy(type, nearMissOf).name();
  }

  /** As {@link #decoy}, with its kind: a near miss of a listed name, a person or a company. */
  Decoy describedDecoy(EntityType type, String nearMissOf) {
    if (nearMissOf != null && random.nextInt(3) == 0) {
      String first = nearMissOf.strip().split("\\s+")[0];
      return new Decoy(
          first + " " + capitalise(SURNAMES[random.nextInt(SURNAMES.length)]), DECOY_KINDS.get(0));
    }
    if (type == EntityType.PERSON) {
      StringBuilder name =
          new StringBuilder(capitalise(GIVEN_NAMES[random.nextInt(GIVEN_NAMES.length)]));
      if (random.nextInt(3) == 0) {
        name.append(' ').append(capitalise(GIVEN_NAMES[random.nextInt(GIVEN_NAMES.length)]));
      }
      return new Decoy(
          name.append(' ').append(capitalise(SURNAMES[random.nextInt(SURNAMES.length)])).toString(),
          DECOY_KINDS.get(1));
    }
    String first = TRADE_WORDS[random.nextInt(TRADE_WORDS.length)];
    String second = TRADE_WORDS[random.nextInt(TRADE_WORDS.length)];
    return new Decoy(
        capitalise(first)
            + " "
            + capitalise(second)
            + " "
            + LEGAL_FORMS[random.nextInt(LEGAL_FORMS.length)],
        DECOY_KINDS.get(2));
  }

  int nextInt(int bound) {
    return random.nextInt(bound);
  }

  private static String capitalise(String word) {
    return Character.toUpperCase(word.charAt(0)) + word.substring(1);
  }
}
