package org.oretrace.store.json;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.oretrace.core.InvalidInputException;
import org.oretrace.core.Violation;
import org.oretrace.core.access.Organisation;
import org.oretrace.core.access.OrganisationType;
import org.oretrace.core.access.Role;
import org.oretrace.store.AccountStore.UserAccount;

/**
 * The wire form of organisations and users (docs/access.md). A user is written without its password
 * hash; a new user and a login are read with the password in clear, which the caller hashes or
 * checks and then forgets.
 */
public final class AccountJson {

  private AccountJson() {}

  public static ObjectNode encode(Organisation organisation) {
    ObjectNode node = Json.object();
    node.put("id", organisation.id());
    node.put("name", organisation.name());
    node.put("type", organisation.type().wireName());
    node.put("country", organisation.country().code());
    organisation.actorIds().forEach(node.putArray("actors")::add);
    return node;
  }

  public static ObjectNode encode(UserAccount user) {
    return Json.object()
        .put("username", user.username())
        .put("organisation", user.organisationId())
        .put("role", user.role().wireName())
        .put("createdAt", user.createdAt().toString());
  }

  public static Organisation decodeOrganisation(JsonNode node) {
    List<Violation> violations = new ArrayList<>();
    FieldReader fields = new FieldReader(node, -1, "", violations);
    Organisation organisation = null;
    if (fields.ok()) {
      fields.rejectUnknown(Set.of("id", "name", "type", "country", "actors"));
      String id = fields.id("id");
      String name = fields.text("name");
      OrganisationType type = fields.enumeration("type", OrganisationType::fromWireName);
      var country = fields.country("country");
      List<String> actors = new ArrayList<>();
      if (fields.has("actors")) {
        List<JsonNode> elements = fields.array("actors");
        if (elements != null) {
          for (JsonNode element : elements) {
            if (element.isTextual()) {
              actors.add(element.textValue());
            } else {
              fields.fail("actors", "must be an array of actor ids");
            }
          }
        }
      }
      if (fields.ok()) {
        organisation =
            fields.convert("", actors, ids -> new Organisation(id, name, type, country, ids));
      }
    }
    return orThrow(organisation, violations);
  }

  /** A user to add, with its password in clear. */
  public record NewUser(String username, String organisationId, Role role, String password) {
    public NewUser {
      requireNonNull(username, "username is null");
      requireNonNull(organisationId, "organisationId is null");
      requireNonNull(role, "role is null");
      requireNonNull(password, "password is null");
    }

    @Override
    public String toString() {
      return "NewUser[username=" + username + ", organisation=" + organisationId + "]";
    }
  }

  public static NewUser decodeNewUser(JsonNode node) {
    List<Violation> violations = new ArrayList<>();
    FieldReader fields = new FieldReader(node, -1, "", violations);
    NewUser user = null;
    if (fields.ok()) {
      fields.rejectUnknown(Set.of("username", "organisation", "role", "password"));
      String username = fields.id("username");
      String organisation = fields.id("organisation");
      Role role = fields.enumeration("role", Role::fromWireName);
      String password = fields.text("password");
      if (fields.ok()) {
        user = new NewUser(username, organisation, role, password);
      }
    }
    return orThrow(user, violations);
  }

  /** A login: username and password in clear. */
  public record Credentials(String username, String password) {
    public Credentials {
      requireNonNull(username, "username is null");
      requireNonNull(password, "password is null");
    }

    @Override
    public String toString() {
      return "Credentials[username=" + username + "]";
    }
  }

  public static Credentials decodeCredentials(JsonNode node) {
    List<Violation> violations = new ArrayList<>();
    FieldReader fields = new FieldReader(node, -1, "", violations);
    Credentials credentials = null;
    if (fields.ok()) {
      fields.rejectUnknown(Set.of("username", "password"));
      String username = fields.text("username");
      String password = fields.text("password");
      if (fields.ok()) {
        credentials = new Credentials(username, password);
      }
    }
    return orThrow(credentials, violations);
  }

  private static <T> T orThrow(T value, List<Violation> violations) {
    if (!violations.isEmpty()) {
      throw new InvalidInputException(violations);
    }
    return value;
  }
}
