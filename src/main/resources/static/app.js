// Pulse dashboard: the portfolio table, a project page and the cross-project view, all from Pulse's own API.
"use strict";

const app = document.getElementById("app");

/** Builds an element; children may be strings (as text, never as HTML) or nodes. */
function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value !== null && value !== undefined) node.setAttribute(key, value);
  }
  for (const child of children.flat()) {
    if (child !== null && child !== undefined) node.append(child instanceof Node ? child : String(child));
  }
  return node;
}

const rag = value => value ? el("span", { class: `rag ${value}` }, value === "NO_DATA" ? "NO DATA" : value) : el("span", { class: "muted" }, "n/a");
const percent = share => share === null || share === undefined ? el("span", { class: "muted" }, "n/a") : `${Math.round(share * 100)} %`;
const earlierRules = () => el("span", { class: "badge", title: "assessed with an earlier rule set; the re-assessment after the rule change has not reached it yet" }, "earlier rules");
const signed = n => n === null || n === undefined ? "" : (n > 0 ? `+${n}` : n === 0 ? "\u00b10" : String(n));
const change = n => el("span", { class: n < 0 ? "down" : n > 0 ? "up" : "" }, signed(n));

/** Calls Pulse's API with the session; a lapsed session goes back to the sign-in page. */
async function call(path, options = {}) {
  const headers = { Accept: "application/json", "X-Requested-With": "XMLHttpRequest", ...(options.headers || {}) };
  if (options.method && options.method !== "GET") headers["X-XSRF-TOKEN"] = csrfToken();
  const response = await fetch(path, { ...options, headers });
  if (response.status === 401) {
    location.assign("/login");
    throw new Error("signed out");
  }
  if (!response.ok) {
    const problem = await response.json().catch(() => ({}));
    throw new Error(response.status === 403 ? "your roles or projects do not include this" : problem.detail || `${path}: ${response.status}`);
  }
  return response.status === 204 ? null : response.json();
}

const getJson = path => call(path);
const sendJson = (method, path, body) => call(path, { method, headers: { "Content-Type": "application/json" }, body: body === undefined ? undefined : JSON.stringify(body) });

/** The CSRF token Spring Security keeps in a cookie; a change sent with the session must carry it. */
function csrfToken() {
  const cookie = document.cookie.split("; ").find(c => c.startsWith("XSRF-TOKEN="));
  return cookie ? decodeURIComponent(cookie.substring("XSRF-TOKEN=".length)) : "";
}

/** A small line of scores 0..100, one point a week. */
function sparkline(points, width = 90, height = 22) {
  const ns = "http://www.w3.org/2000/svg";
  const svg = document.createElementNS(ns, "svg");
  svg.setAttribute("class", "spark");
  svg.setAttribute("width", width);
  svg.setAttribute("height", height);
  svg.setAttribute("role", "img");
  svg.setAttribute("aria-label", `scores ${points.map(p => p.score).join(", ")}`);
  if (points.length > 1) {
    const step = width / (points.length - 1);
    const y = score => height - 2 - (score / 100) * (height - 4);
    const line = document.createElementNS(ns, "polyline");
    line.setAttribute("points", points.map((p, i) => `${(i * step).toFixed(1)},${y(p.score).toFixed(1)}`).join(" "));
    line.setAttribute("fill", "none");
    line.setAttribute("stroke", "#1d2b3a");
    svg.append(line);
  }
  return svg;
}

// ---- portfolio ---------------------------------------------------------------------------------------------

const portfolioState = { sort: "rank", ascending: true };

async function showPortfolio() {
  const [view, history] = await Promise.all([getJson("/api/portfolio"), getJson("/api/portfolio/history?weeks=12")]);
  const summary = view.summary;
  const filters = el("div", { class: "filters" },
    select("filter-rag", "RAG", ["GREEN", "AMBER", "RED"]),
    select("filter-methodology", "Methodology", ["WATERFALL", "AGILE", "HYBRID"]),
    select("filter-phase", "Phase", ["INITIATION", "PLANNING", "EXECUTION", "CLOSING", "CLOSED"]),
    el("label", {}, "Sponsor", el("input", { id: "filter-sponsor", type: "search", placeholder: "any" })));
  const table = el("table", { id: "portfolio" },
    el("thead", {}, el("tr", {},
      header("rank", "#", "num"), header("rag", "RAG"), header("projectId", "Project"), header("score", "Score", "num"),
      header("completeness", "Data completeness", "num"),
      el("th", {}, "12 weeks"), header("change", "Change", "num"), header("forecastSlipDays", "Forecast slip", "num"),
      el("th", {}, "Top finding"))),
    el("tbody"));
  app.replaceChildren(
    el("h1", {}, `Portfolio, week ${view.week}`),
    el("div", { class: "cards", id: "summary" },
      ...["RED", "AMBER", "GREEN", "NO_DATA"].map(r => el("div", { class: "card" }, rag(r), el("div", { class: "n", id: `count-${r}` }, summary.byRag[r]))),
      el("div", { class: "card" }, "Mean score", el("div", { class: "n", id: "mean-score" }, summary.meanScore ?? "none")),
      el("div", { class: "card" }, "Newly red", el("div", {}, summary.newlyRed.join(", ") || "none"))),
    view.notReported.length > 0
      ? el("p", { class: "notice", id: "not-reported" }, `Not reported yet for week ${view.week}: `,
          view.notReported.map(p => `${p.projectId} (last ${p.lastWeek}, ${p.lastRag})`).join(", "), ".")
      : "",
    view.projects.some(p => !p.currentRules)
      ? el("p", { class: "notice", id: "rules-notice" }, "Some projects were assessed with an earlier rule set; the re-assessment after the last rule change is under way.")
      : "",
    filters, table);
  const render = () => renderRows(table.tBodies[0], view.projects, history);
  filters.addEventListener("input", render);
  filters.addEventListener("change", render);
  table.tHead.addEventListener("click", event => {
    const key = event.target.dataset.sort;
    if (!key) return;
    portfolioState.ascending = portfolioState.sort === key ? !portfolioState.ascending : true;
    portfolioState.sort = key;
    render();
  });
  render();
}

function select(id, label, options) {
  return el("label", {}, label, el("select", { id }, el("option", { value: "" }, "all"), ...options.map(o => el("option", { value: o }, o))));
}

function header(key, label, cls) {
  return el("th", { "data-sort": key, class: cls, scope: "col" }, label);
}

const RAG_ORDER = { NO_DATA: -1, RED: 0, AMBER: 1, GREEN: 2 };

function renderRows(body, projects, history) {
  const value = id => document.getElementById(id).value;
  const sponsor = value("filter-sponsor").trim().toLowerCase();
  const shown = projects.filter(p =>
    (!value("filter-rag") || p.rag === value("filter-rag")) &&
    (!value("filter-methodology") || p.methodology === value("filter-methodology")) &&
    (!value("filter-phase") || p.phase === value("filter-phase")) &&
    (!sponsor || (p.sponsor || "").toLowerCase().includes(sponsor)));
  const key = portfolioState.sort;
  const sortValue = p => key === "rag" ? RAG_ORDER[p.rag] : p[key] ?? -Infinity;
  shown.sort((a, b) => (sortValue(a) < sortValue(b) ? -1 : sortValue(a) > sortValue(b) ? 1 : 0) * (portfolioState.ascending ? 1 : -1));
  body.replaceChildren(...shown.map(p => el("tr", { class: "project-row", "data-project": p.projectId, "data-rag": p.rag },
    el("td", { class: "num" }, p.rank),
    el("td", {}, rag(p.rag), p.currentRules ? "" : earlierRules()),
    el("td", {}, el("a", { href: `#/project/${encodeURIComponent(p.projectId)}` }, p.projectId), el("div", { class: "muted" }, p.name || "")),
    el("td", { class: "num" }, p.score ?? el("span", { class: "muted" }, "n/a")),
    el("td", { class: "num" }, percent(p.completeness)),
    el("td", {}, sparkline(history[p.projectId] || [])),
    el("td", { class: "num" }, change(p.change)),
    el("td", { class: "num" }, p.forecastSlipDays === null || p.forecastSlipDays === undefined ? el("span", { class: "muted" }, "n/a") : `${p.forecastSlipDays} d`),
    el("td", {}, p.topFinding ? `${p.topFinding.ruleId} ${p.topFinding.title}` : ""))));
}

// ---- project -----------------------------------------------------------------------------------------------

const FORECAST_NAMES = { EARNED_SCHEDULE: "Earned schedule", PROJECT_MANAGER: "Project manager", MODEL: "Model" };

async function showProject(id) {
  const path = `/api/projects/${encodeURIComponent(id)}`;
  const [a, history] = await Promise.all([getJson(`${path}/assessments/latest`), getJson(`${path}/history`)]);
  const dims = Object.entries(a.health.dimensions);
  const factors = a.forecast.available
    ? el("ul", { class: "factors" }, ...a.forecast.mainFactors.map(f => el("li", f.outsideTrainingRange ? { class: "outside" } : {},
        f.outsideTrainingRange ? f.explanation : `${f.explanation} (${f.effect})`)))
    : el("p", { class: "muted" }, `No model forecast: ${a.forecast.reason}`);
  const forecasts = el("table", { id: "forecasts" },
    el("thead", {}, el("tr", {}, el("th", {}, "Forecast"), el("th", {}, "Finish"), el("th", { class: "num" }, "Slip"),
      el("th", {}, "80 % range"), el("th", {}, "What it is"))),
    el("tbody", {}, ...a.scheduleForecasts.map(f => el("tr", { "data-source": f.source },
      el("td", {}, FORECAST_NAMES[f.source]), el("td", {}, f.finish),
      el("td", { class: "num" }, f.slipDays === null || f.slipDays === undefined ? "" : `${f.slipDays} d`),
      el("td", {}, f.range80 ? `${f.range80.join(" to ")} d` : ""), el("td", { class: "muted" }, f.means)))));
  app.replaceChildren(
    el("p", {}, el("a", { href: "#/" }, "← Portfolio")),
    el("h1", { id: "project-title" }, `${a.projectId} `, rag(a.health.rag), a.health.score === null || a.health.score === undefined ? "" : ` score ${a.health.score} `,
      a.health.change === null || a.health.change === undefined ? "" : el("small", {}, "(", change(a.health.change), " since last week)")),
    el("p", { class: "muted" }, `Week ${a.week} (as of ${a.asOf}); data completeness `, percent(a.health.completeness),
      `; rule set ${a.ruleSet.version.substring(0, 19)}…`, a.ruleSet.live === false ? earlierRules() : ""),
    a.health.limitedBy.length ? el("ul", { id: "limited-by", class: "notice" }, ...a.health.limitedBy.map(r => el("li", {}, `Held back: ${r}`))) : "",
    a.health.missing.length ? el("p", { id: "missing", class: "muted" }, `Not sent: ${a.health.missing.join(", ")}`) : "",
    el("h2", {}, "Dimensions"),
    el("table", { id: "dimensions" }, el("tbody", {}, ...dims.map(([name, d]) =>
      el("tr", {}, el("td", {}, name), el("td", {}, rag(d.rag)), el("td", { class: "num" }, d.score ?? ""),
        el("td", { class: "muted" }, `${d.findings} ${d.findings === 1 ? "finding" : "findings"}`), el("td", { class: "num" }, "data ", percent(d.completeness)))))),
    el("h2", {}, "History"), historyChart(history.filter(h => h.score !== null && h.score !== undefined)),
    el("h2", {}, "Forecasts of the finish"), forecasts,
    el("h3", {}, "What moves the model's forecast"), factors,
    el("h2", {}, `Findings (${a.findings.length})`),
    el("div", { id: "findings" }, ...a.findings.map(f => el("div", { class: `finding ${f.severity}` },
      el("strong", {}, `${f.ruleId} ${f.title}`), ` ${f.severity}, ${f.dimension}`,
      el("div", {}, f.because),
      el("div", { class: "evidence" }, Object.entries(f.evidence).map(([k, v]) => `${k}: ${JSON.stringify(v)}`).join("; "), ` (${f.source})`)))),
    el("h2", {}, "Recommendations, most urgent first"),
    el("ol", { id: "recommendations", class: "recs" }, ...a.recommendations.map(r => el("li", {},
      el("strong", {}, r.title), ` ${r.ownerRole}, ${r.urgency}, priority ${r.priority}`,
      el("div", { class: "muted" }, `answers ${r.addresses.join(", ")}`),
      el("ul", {}, ...r.actions.map(action => el("li", {}, action)))))));
}

function historyChart(history, width = 640, height = 160) {
  const ns = "http://www.w3.org/2000/svg";
  const svg = document.createElementNS(ns, "svg");
  svg.setAttribute("width", width);
  svg.setAttribute("height", height);
  svg.setAttribute("id", "history");
  svg.setAttribute("role", "img");
  svg.setAttribute("aria-label", history.map(h => `${h.week} ${h.score} ${h.rag}`).join("; "));
  const step = history.length > 1 ? (width - 20) / (history.length - 1) : 0;
  const x = i => 10 + i * step;
  const y = score => height - 10 - (score / 100) * (height - 20);
  const line = document.createElementNS(ns, "polyline");
  line.setAttribute("points", history.map((h, i) => `${x(i)},${y(h.score)}`).join(" "));
  line.setAttribute("fill", "none");
  line.setAttribute("stroke", "#1d2b3a");
  svg.append(line);
  history.forEach((h, i) => {
    const dot = document.createElementNS(ns, "circle");
    dot.setAttribute("cx", x(i));
    dot.setAttribute("cy", y(h.score));
    dot.setAttribute("r", 4);
    dot.setAttribute("fill", getComputedStyle(document.documentElement).getPropertyValue(`--${h.rag.toLowerCase()}`));
    const title = document.createElementNS(ns, "title");
    title.textContent = `${h.week}: ${h.score} ${h.rag}`;
    dot.append(title);
    svg.append(dot);
  });
  return svg;
}

// ---- cross-project -----------------------------------------------------------------------------------------

async function showConflicts() {
  const conflicts = await getJson("/api/portfolio/conflicts");
  app.replaceChildren(el("h1", {}, "Cross-project conflicts"),
    conflicts.length === 0 ? el("p", {}, "None this week.")
      : el("table", { id: "conflicts" }, el("thead", {}, el("tr", {}, el("th", {}, "Projects"), el("th", {}, "Rules that saw it"), el("th", {}, "Why"))),
        el("tbody", {}, ...conflicts.map(c => el("tr", {},
          el("td", {}, ...c.projects.flatMap((p, i) => [i > 0 ? ", " : "", p === "another project" ? el("span", { class: "muted" }, p) : el("a", { href: `#/project/${encodeURIComponent(p)}` }, p)])),
          el("td", {}, c.rules.join(", ")), el("td", {}, c.because))))));
}

// ---- administration ----------------------------------------------------------------------------------------

const ROLES = ["PMO_LEAD", "PROJECT_MANAGER", "COACH", "ADMIN"];
const list = value => value.split(",").map(v => v.trim()).filter(v => v);

async function showAdmin() {
  const [users, tokens, audit] = await Promise.all([getJson("/api/users"), getJson("/api/tokens"), getJson("/api/audit?limit=20")]);
  const message = el("p", { id: "admin-message", role: "status" });
  const userForm = el("form", { id: "add-user" },
    el("label", {}, "Name", el("input", { name: "name", required: "" })),
    el("label", {}, "Password (12+ characters)", el("input", { name: "password", type: "password", required: "", minlength: "12", autocomplete: "new-password" })),
    el("label", {}, "Roles", el("select", { name: "roles", multiple: "", required: "" }, ...ROLES.map(r => el("option", { value: r }, r)))),
    el("label", {}, "Projects (comma-separated)", el("input", { name: "projects" })),
    el("button", { type: "submit" }, "Add user"));
  userForm.addEventListener("submit", event => act(event, message, () => sendJson("POST", "/api/users", {
    name: userForm.name.value, password: userForm.password.value,
    roles: [...userForm.roles.selectedOptions].map(o => o.value), projects: list(userForm.projects.value) })));
  const tokenForm = el("form", { id: "create-token" },
    el("label", {}, "What it is for", el("input", { name: "name", required: "" })),
    el("label", {}, "Role", el("select", { name: "role" }, ...ROLES.map(r => el("option", { value: r }, r)))),
    el("label", {}, "Only projects (comma-separated; blank: all)", el("input", { name: "projects" })),
    el("label", {}, "Days valid", el("input", { name: "days", type: "number", min: "1", max: "366", value: "90" })),
    el("button", { type: "submit" }, "Create token"));
  tokenForm.addEventListener("submit", event => act(event, message, async () => {
    const created = await sendJson("POST", "/api/tokens", { name: tokenForm.name.value, role: tokenForm.role.value,
      projects: list(tokenForm.projects.value), expiresInDays: Number(tokenForm.days.value) });
    return `Token ${created.token.id} created. Copy its secret now, it is not shown again: ${created.secret}`;
  }));
  app.replaceChildren(el("section", { class: "admin" }, el("h1", {}, "Administration"), message,
    el("h2", {}, "Users"),
    el("table", { id: "users" }, el("thead", {}, el("tr", {}, ...["Name", "Roles", "Projects", "State", ""].map(h => el("th", {}, h)))),
      el("tbody", {}, ...users.map(u => el("tr", { "data-user": u.name }, el("td", {}, u.name), el("td", {}, u.roles.join(", ")),
        el("td", {}, u.projects.join(", ")), el("td", {}, u.enabled ? "enabled" : "disabled"),
        el("td", {}, u.name === signedIn.name ? "" : button(u.enabled ? "Disable" : "Enable", message,
          () => sendJson("PATCH", `/api/users/${encodeURIComponent(u.name)}`, { enabled: !u.enabled }))))))),
    userForm,
    el("h2", {}, "API tokens"),
    el("table", { id: "tokens" }, el("thead", {}, el("tr", {}, ...["Id", "For", "Role", "Projects", "Expires", "State", ""].map(h => el("th", {}, h)))),
      el("tbody", {}, ...tokens.map(t => el("tr", { "data-token": t.id }, el("td", {}, t.id), el("td", {}, t.name), el("td", {}, t.role),
        el("td", {}, t.projects.join(", ") || "all"), el("td", {}, t.expiresAt.substring(0, 10)), el("td", {}, t.state),
        el("td", {}, t.state === "ACTIVE" ? button("Revoke", message, () => sendJson("DELETE", `/api/tokens/${encodeURIComponent(t.id)}`)) : ""))))),
    tokenForm,
    el("h2", {}, "Latest audit entries"),
    el("table", { id: "audit" }, el("thead", {}, el("tr", {}, ...["When", "Who", "What", "To what", "Detail"].map(h => el("th", {}, h)))),
      el("tbody", {}, ...audit.map(a => el("tr", {}, el("td", {}, a.at.substring(0, 19).replace("T", " ")), el("td", {}, a.actor),
        el("td", {}, a.action), el("td", {}, a.target || ""), el("td", { class: "muted" }, a.detail || "")))))));
}

function button(label, message, action) {
  const b = el("button", { type: "button" }, label);
  b.addEventListener("click", event => act(event, message, action));
  return b;
}

/** Runs an administrative change, then shows the page again with what happened (or what went wrong). */
async function act(event, message, action) {
  event.preventDefault();
  try {
    const said = await action();
    await showAdmin();
    document.getElementById("admin-message").replaceChildren(el("span", { class: typeof said === "string" ? "secret" : "" }, typeof said === "string" ? said : "Done."));
  } catch (error) {
    message.replaceChildren(el("span", { class: "down" }, error.message));
  }
}

// ---- who is signed in --------------------------------------------------------------------------------------

/** Who is signed in: their name and roles, from /api/me. */
let signedIn = { name: "", roles: [] };

async function showMe() {
  const me = await getJson("/api/me");
  signedIn = me;
  const signOut = el("button", { type: "button", id: "sign-out" }, "Sign out");
  signOut.addEventListener("click", async () => {
    await fetch("/logout", { method: "POST", headers: { "X-XSRF-TOKEN": csrfToken() } });
    location.assign("/login?signed-out");
  });
  document.getElementById("who").replaceChildren(el("span", { id: "signed-in-as" }, `${me.name} (${me.roles.join(", ")})`), signOut);
  if (me.roles.includes("ADMIN")) document.getElementById("admin-link").hidden = false;
}

// ---- routing -----------------------------------------------------------------------------------------------

async function route() {
  const hash = location.hash || "#/";
  try {
    if (hash.startsWith("#/project/")) await showProject(decodeURIComponent(hash.substring("#/project/".length)));
    else if (hash === "#/conflicts") await showConflicts();
    else if (hash === "#/admin") await showAdmin();
    else await showPortfolio();
  } catch (error) {
    app.replaceChildren(el("p", { role: "alert" }, `Could not load: ${error.message}`));
  }
}

window.addEventListener("hashchange", route);
showMe().then(route, route);
