// Who is logged in. The session cookie is HttpOnly (scripts cannot read it), so the page asks the
// server; GET /api/v1/session answers {"authenticated": false} rather than 401 for nobody, so
// that a first visit logs no failed request. Without a session the application shows the login
// form; every other request then carries the cookie (same origin, SameSite=Strict).

const SESSION = "/api/v1/session";

export async function currentSession() {
  const response = await fetch(SESSION, { headers: { Accept: "application/json" } });
  return response.ok ? response.json() : { authenticated: false };
}

/**
 * The login form in the main area; calls loggedIn(session) once the server accepts it. With an
 * identity provider (oidc: {provider, start} from GET /api/v1/session), a "Sign in with" link
 * too: an ordinary navigation, since the provider's login page is on its own site.
 */
export function renderLogin(main, oidc, loggedIn) {
  main.innerHTML = `
    <h1>Log in</h1>
    <form id="login-form" class="login-form">
      <label>Username <input id="login-username" autocomplete="username" required></label>
      <label>Password <input id="login-password" type="password" autocomplete="current-password" required></label>
      <button type="submit">Log in</button>
      <p id="login-error" class="login-error" role="alert" hidden></p>
    </form>
    <p id="login-oidc" class="login-oidc" hidden><a class="button" id="login-oidc-link"></a></p>`;
  if (oidc && oidc.start) {
    const link = main.querySelector("#login-oidc-link");
    link.href = oidc.start;
    link.textContent = "Sign in with " + oidc.provider;
    main.querySelector("#login-oidc").hidden = false;
  }
  const form = main.querySelector("#login-form");
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const error = main.querySelector("#login-error");
    const response = await fetch(SESSION, {
      method: "POST",
      headers: { "Content-Type": "application/json", Accept: "application/json" },
      body: JSON.stringify({
        username: main.querySelector("#login-username").value.trim(),
        password: main.querySelector("#login-password").value,
      }),
    });
    const body = await response.json().catch(() => ({}));
    if (response.ok) {
      loggedIn(body);
    } else {
      error.textContent = body.detail || response.statusText;
      error.hidden = false;
    }
  });
  main.querySelector("#login-username").focus();
}

/** Shows who is logged in, with a button to log out, in the header. */
export function showSession(element, session) {
  if (!session.authenticated) {
    element.hidden = true;
    return;
  }
  element.hidden = false;
  element.innerHTML = `<span id="session-user"></span> <button id="logout" type="button">Log out</button>`;
  element.querySelector("#session-user").textContent =
    (session.username || "token") + " · " + (session.organisationName || session.organisation);
  element.querySelector("#logout").addEventListener("click", async () => {
    if (session.logout) {
      // an OIDC session: the server ends it and sends the browser to the provider's logout
      location.assign(session.logout);
      return;
    }
    await fetch(SESSION, { method: "DELETE" });
    location.reload();
  });
}
